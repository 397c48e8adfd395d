package cn.egov.kiosk.address;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.diag.CardFiles;
import cn.egov.kiosk.identity.Identity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An ID card's one-line address read into its deepest division and the rest. */
class CardAddressParserTest {
    private static Divisions divisions;
    private static CardAddressParser parser;

    @BeforeAll
    static void load() {
        divisions = Divisions.bundled();
        parser = new CardAddressParser(divisions);
    }

    @Test
    void theDemoCardsAddressesAsTheLoginGivesThem() throws Exception {
        List<IdCard> cards = CardFiles.read(Path.of("..", "config", "cards", "demo-cards.json")
                .toAbsolutePath()
                .normalize());
        assertThat(cards).hasSize(3);

        // the resident card: its appended address (the later one) is the current address
        ResidentIdCard resident = (ResidentIdCard) cards.get(0);
        Address current = parser.parse(Identity.of(cards.get(0)).address().orElseThrow());
        assertThat(current.code()).isEqualTo("110102");
        assertThat(current.text()).isEqualTo("北京市西城区演示胡同8号");
        assertThat(current.detail()).isEqualTo("演示胡同8号");
        Address printed = parser.parse(resident.address());
        assertThat(printed.path()).extracting(Division::code).containsExactly("11", "1101", "110101");
        assertThat(printed.detail()).isEqualTo("示例大街1号");
        assertThat(printed.text()).isEqualTo("北京市东城区示例大街1号");

        // the foreign permanent resident card has no address: nothing to prefill
        Optional<String> none = Identity.of(cards.get(1)).address();
        assertThat(none).isEmpty();
        assertThat(parser.parse(none.orElse(null))).isEqualTo(Address.EMPTY);

        // the Hong Kong, Macao and Taiwan residence permit has one
        Address permit = parser.parse(Identity.of(cards.get(2)).address().orElseThrow());
        assertThat(permit.path()).extracting(Division::name).containsExactly("广东省", "深圳市", "福田区");
        assertThat(permit.detail()).isEqualTo("示范路6号");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # the line on the card                               | deepest code | detail
            北京市东城区东华门街道示例大街1号                     | 110101001    | 示例大街1号
            天津市和平区劝业场街道滨江道10号                      | 120101001    | 滨江道10号
            上海市浦东新区川沙新镇川沙路100号                     | 310115103    | 川沙路100号
            重庆市城口县葛城街道北大街5号                         | 500229001    | 北大街5号
            河北省保定市徐水区安肃镇东大街12号                    | 130609100    | 东大街12号
            内蒙古自治区锡林郭勒盟锡林浩特市宝力根路3号           | 152502       | 宝力根路3号
            内蒙古自治区呼和浩特市土默特左旗察素齐镇团结路7号     | 150121100    | 团结路7号
            内蒙古自治区呼伦贝尔市鄂伦春自治旗阿里河镇林业路2号   | 150723100    | 林业路2号
            内蒙古自治区兴安盟科尔沁右翼前旗乌兰毛都苏木光明嘎查1号 | 152221201    | 光明嘎查1号
            广西壮族自治区南宁市青秀区新竹街道新竹路8号           | 450103001    | 新竹路8号
            西藏自治区拉萨市城关区北京中路22号                   | 540102       | 北京中路22号
            宁夏回族自治区银川市兴庆区解放东街5号                 | 640104       | 解放东街5号
            新疆维吾尔自治区喀什地区莎车县莎车镇团结路9号         | 653125100    | 团结路9号
            新疆维吾尔自治区石河子市北一路3号                     | 659001       | 北一路3号
            吉林省延边朝鲜族自治州延吉市进学街道光明街4号         | 222401001    | 光明街4号
            云南省迪庆藏族自治州德钦县升平镇阿东村5号             | 533422101    | 阿东村5号
            湖北省仙桃市沙嘴街道仙桃大道1号                       | 429004001    | 仙桃大道1号
            广东省东莞市莞城街道东正路6号                         | 441900006    | 东正路6号
            """)
    void aCardAddressSplitsIntoItsDeepestDivisionAndTheDetail(String line, String code, String detail) {
        Address address = parser.parse(line);
        assertThat(address.code()).isEqualTo(code);
        assertThat(address.detail()).isEqualTo(detail);
        assertThat(address.text()).isEqualTo(line);
    }

    @Test
    void aNameChangedSinceTheCardWasIssuedIsRecognisedByItsStem() {
        // 徐水县 became 徐水区 (2015): the card still says 县
        Address xushui = parser.parse("河北省保定市徐水县安肃镇东大街12号");
        assertThat(xushui.code()).isEqualTo("130609100");
        assertThat(xushui.detail()).isEqualTo("东大街12号");
        assertThat(xushui.text()).isEqualTo("河北省保定市徐水区安肃镇东大街12号");
        // a short province or city name, as people write it
        assertThat(parser.parse("内蒙古呼和浩特市新城区中山东路1号").code()).isEqualTo("150102");
        assertThat(parser.parse("广西南宁市青秀区新竹路8号").code()).isEqualTo("450103");
    }

    @Test
    void itStopsWhereItRecognisesNothingAndKeepsTheRestAsTheDetail() {
        // 襄樊市 is 襄阳市 since 2010: the province is known, the rest is left for the citizen
        Address xiangfan = parser.parse("湖北省襄樊市襄城区檀溪路1号");
        assertThat(xiangfan.code()).isEqualTo("42");
        assertThat(xiangfan.detail()).isEqualTo("襄樊市襄城区檀溪路1号");
        // a road named like the district is not taken for a street of it, nor its stem for a district
        Address chaoyang = parser.parse("北京市朝阳区朝阳路5号");
        assertThat(chaoyang.code()).isEqualTo("110105");
        assertThat(chaoyang.detail()).isEqualTo("朝阳路5号");
        // a one-character stem is never enough (忠县: not "忠" + anything)
        assertThat(parser.parse("重庆市忠州路1号").code()).isEqualTo("50");
        // nothing recognised: all detail
        Address abroad = parser.parse("香港特别行政区中环皇后大道1号");
        assertThat(abroad.path()).isEmpty();
        assertThat(abroad.detail()).isEqualTo("香港特别行政区中环皇后大道1号");
        // spaces (a typed or a copied line) do not matter
        assertThat(parser.parse(" 北京市 东城区　示例大街1号 ").text()).isEqualTo("北京市东城区示例大街1号");
        assertThat(parser.parse("  ")).isEqualTo(Address.EMPTY);
    }
}
