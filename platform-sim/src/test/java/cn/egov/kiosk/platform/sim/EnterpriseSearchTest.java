package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Enterprises;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** 企业信息查询 by name: the whole name, a part, the characters in order; best first, at most 20. */
class EnterpriseSearchTest extends SimulatorTestBase {
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (JsonNode e : data("enterprises.json").get("enterprises")) {
            names.add(e.get("name").asText());
        }
        return names;
    }

    private Enterprises.Found search(String name) throws PlatformException {
        return client.enterprises(new Enterprises.Search(name));
    }

    @Test
    void theWholeNameFindsTheEnterpriseFirst() throws Exception {
        for (String name : List.of("北京示远数据科技有限公司", "演示区大文港式茶餐厅", "演示区小明便民早餐店")) {
            Enterprises.Found found = search(" " + name + " ");

            assertThat(found.enterprises()).isNotEmpty();
            Enterprise first = found.enterprises().get(0);
            assertThat(first.name()).isEqualTo(name);
            assertThat(client.enterprise(first.creditCode())).isEqualTo(first);
        }
    }

    @Test
    void aPartOfTheNameFindsEveryEnterpriseWithItThoseBeginningWithItFirst() throws Exception {
        Enterprises.Found found = search("演示区");

        long containing = names().stream().filter(n -> n.contains("演示区")).count();
        long inOrder = names().stream()
                .filter(Pattern.compile(".*演.*示.*区.*").asMatchPredicate())
                .count();
        assertThat(containing).as("the data set has enterprises named 演示区...").isBetween(4L, 19L);
        assertThat(found.total()).isEqualTo(inOrder);
        assertThat(found.enterprises()).hasSize((int) inOrder);
        assertThat(found.enterprises().subList(0, (int) containing))
                .allSatisfy(e -> assertThat(e.name()).contains("演示区"));
        List<Boolean> begins = found.enterprises().stream()
                .map(e -> e.name().startsWith("演示区"))
                .toList();
        assertThat(begins.indexOf(false) < 0
                        || !begins.subList(begins.indexOf(false), begins.size()).contains(true))
                .as("those beginning with it before the others: " + begins)
                .isTrue();
    }

    @Test
    void aCommonWordFindsAtMostTwentyAndCountsThemAll() throws Exception {
        Enterprises.Found found = search("北京");

        long matching = names().stream()
                .filter(Pattern.compile(".*北.*京.*").asMatchPredicate())
                .count();
        assertThat(matching).as("the data set has many enterprises of 北京").isGreaterThan(20);
        assertThat(found.total()).isEqualTo(matching);
        assertThat(found.enterprises()).hasSize(20);
    }

    @Test
    void theNamesCharactersInOrderFindItToo() throws Exception {
        Enterprises.Found found = search("示远科技");

        assertThat(found.enterprises()).extracting(Enterprise::name).containsExactly("北京示远数据科技有限公司");
        assertThat(found.total()).isEqualTo(1);
    }

    @Test
    void aContiguousPartRanksBeforeCharactersInOrder() throws Exception {
        Enterprises.Found found = search("茶餐厅");

        assertThat(found.enterprises().get(0).name()).isEqualTo("演示区大文港式茶餐厅");
    }

    @Test
    void aNameNobodyHasFindsNothing() throws Exception {
        Enterprises.Found found = search("火星殖民开发集团");

        assertThat(found.enterprises()).isEmpty();
        assertThat(found.total()).isZero();
    }

    @Test
    void lessThanTwoCharactersIsNotASearch() {
        for (String tooShort : new String[] {null, "", "  ", "京", " 京 "}) {
            PlatformException e = failure(() -> search(tooShort));

            assertThat(e.status()).as(String.valueOf(tooShort)).isEqualTo(400);
            assertThat(e.code()).isEqualTo(Problem.VALIDATION);
        }
    }
}
