package cn.egov.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search over the platform simulator's sample catalogue (469 items of 24 departments, in
 * Chinese), as the demo kiosk holds it: by characters, pinyin, initials and one slip.
 */
class SampleCatalogueSearchTest {
    private static CatalogueIndex index;

    @BeforeAll
    static void loadTheSampleCatalogue() throws Exception {
        try (InputStream in = SampleCatalogueSearchTest.class.getResourceAsStream(
                "/cn/egov/kiosk/platform/sim/data/catalogue.json")) {
            assertThat(in)
                    .as("the simulator's sample catalogue on the test class path")
                    .isNotNull();
            JsonNode items = Json.mapper().readTree(in).get("items");
            List<Catalogue.Item> all = new ArrayList<>();
            for (JsonNode item : items) {
                all.add(Json.mapper().treeToValue(item, Catalogue.Item.class));
            }
            index = CatalogueIndex.of(all);
        }
        assertThat(index.size()).isEqualTo(469);
    }

    private static List<String> names(String typed) {
        return index.search(typed, 10).stream().map(h -> h.item().name()).toList();
    }

    @Test
    void yyzzListsTheBusinessLicenceItems() {
        assertThat(names("yyzz")).startsWith("营业执照遗失补领").contains("电子营业执照下载");
    }

    @Test
    void byCharactersPinyinAndASlip() {
        assertThat(names("营业执照")).contains("营业执照遗失补领", "电子营业执照下载");
        assertThat(names("yingyezhizhao")).contains("营业执照遗失补领", "电子营业执照下载");
        assertThat(names("yyzx")).contains("营业执照遗失补领");
        assertThat(names("营业执找")).contains("营业执照遗失补领");
    }

    @Test
    void whatCitizensSayFindsWhatTheCatalogueSays() {
        assertThat(names("医保")).contains("城乡居民医保参保登记", "医保关系转移接续");
        // two initials match many names: those that start with them come first
        assertThat(names("yb")).allMatch(n -> !n.isEmpty()).first().asString().startsWith("医保");
        assertThat(index.search("yb", 60)).extracting(h -> h.item().name()).contains("城乡居民医保参保登记");
    }
}
