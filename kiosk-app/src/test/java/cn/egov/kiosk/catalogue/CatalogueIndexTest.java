package cn.egov.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.egov.kiosk.catalogue.CatalogueIndex.Hit;
import cn.egov.kiosk.catalogue.CatalogueIndex.Why;
import cn.egov.kiosk.platform.api.Catalogue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue found as a finger types: characters, pinyin, initials, one slip, synonyms; ranked. */
class CatalogueIndexTest {
    private static final CatalogueIndex INDEX = CatalogueIndex.of(List.of(
            item("A1", "市场监管局", "个体工商户营业执照核发", true, "身份证", "经营场所证明"),
            item("A2", "市场监管局", "企业营业执照变更登记", false, "营业执照正本"),
            item("A3", "市场监管局", "营业执照", true),
            item("B1", "医保局", "医疗保险参保登记", true, "身份证"),
            item("C1", "公安局", "户籍迁移", false, "户口簿"),
            item("C2", "公安局", "居民身份证换领", true, "旧证"),
            item("D1", "人社局", "退休人员养老金领取资格认证", true)));

    private static Catalogue.Item item(String id, String department, String name, boolean kiosk, String... materials) {
        return new Catalogue.Item(
                id,
                1,
                "D",
                department,
                name,
                "个人",
                null,
                List.of(),
                null,
                Arrays.stream(materials)
                        .map(m -> new Catalogue.Material(m, true, 1, "", false))
                        .toList(),
                0,
                "",
                20,
                10,
                kiosk,
                false,
                "A",
                null,
                null);
    }

    private static List<String> names(String query) {
        return INDEX.search(query, 10).stream().map(h -> h.item().name()).toList();
    }

    @Test
    void theNameAsTypedComesFirstThenItsBeginningThenAnywhere() {
        // both others contain it: the one doable at the kiosk first
        assertThat(names("营业执照")).containsExactly("营业执照", "个体工商户营业执照核发", "企业营业执照变更登记");
        assertThat(INDEX.search("营业执照", 10).get(0).score()).isEqualTo(100);
        assertThat(names("营业")).startsWith("营业执照");
    }

    @ParameterizedTest
    @CsvSource({"yyzz", "YYZZ", "yingyezhizhao", "yingye", "y y z z"})
    void pinyinAndItsInitialsFindTheSameItems(String typed) {
        assertThat(names(typed)).containsExactlyInAnyOrder("营业执照", "企业营业执照变更登记", "个体工商户营业执照核发");
    }

    @Test
    void initialsFromTheStartRankBeforeInitialsInTheMiddle() {
        List<Hit> hits = INDEX.search("yyzz", 10);
        assertThat(hits.get(0).item().name()).isEqualTo("营业执照");
        assertThat(hits).allMatch(h -> h.why() == Why.NAME_PINYIN);
    }

    @Test
    void oneWrongLetterOrCharacterStillFinds() {
        assertThat(names("yyzx")).contains("营业执照"); // one letter wrong
        assertThat(names("yyz")).contains("营业执照"); // typed so far
        assertThat(names("yingyezhizaho")).contains("营业执照"); // two neighbours swapped
        List<Hit> wrongCharacter = INDEX.search("营业执找", 10);
        assertThat(wrongCharacter).extracting(h -> h.item().name()).contains("营业执照");
        assertThat(wrongCharacter).allMatch(h -> h.why() == Why.NEAR_MISS);
    }

    @Test
    void synonymsAreData() {
        assertThat(INDEX.search("医保", 10))
                .extracting(Hit::why, h -> h.item().name())
                .contains(tuple(Why.SYNONYM, "医疗保险参保登记"));
        assertThat(names("户口迁移")).contains("户籍迁移");
    }

    @Test
    void departmentsAndMaterialsFindTooButAfterNames() {
        List<Hit> hits = INDEX.search("身份证", 10);
        assertThat(hits.get(0).item().name()).isEqualTo("居民身份证换领");
        assertThat(hits).extracting(h -> h.item().name()).contains("个体工商户营业执照核发", "医疗保险参保登记");
        assertThat(names("gaj")).contains("户籍迁移", "居民身份证换领"); // 公安局, by initials
    }

    @Test
    void amongEqualsTheKioskItemsFirst() {
        // both contain 登记; the kiosk-capable one first
        assertThat(names("登记")).containsSubsequence("医疗保险参保登记", "企业营业执照变更登记");
    }

    @Test
    void nothingForNothingAndNothingForNonsense() {
        assertThat(INDEX.search("  ", 10)).isEmpty();
        assertThat(INDEX.search("qqqqqq", 10)).isEmpty();
        assertThat(INDEX.search("营业执照", 1)).hasSize(1);
    }
}
