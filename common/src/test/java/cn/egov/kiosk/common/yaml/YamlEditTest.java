package cn.egov.kiosk.common.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.yaml.YamlEdit.EditException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A changed value is written back with every other character of the file kept. */
class YamlEditTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final String FILE = """
      # 终端配置 · kiosk configuration 🏛
      kiosk:
        id: K01              # printed on tickets
        hallName: {zh-CN: 西湖区政务服务中心, en: Xihu}
        hotline: "0571-12345"
        staffPin: "246810"

      # after a touch
      session:
        inactivityTimeoutSeconds: 60   # one minute
        warningSeconds: 20

      # the devices
      devices:
        ticket-printer:
          class: receipt-printer
          options: {columns: 48, pollMs: 3000}
        empty:
      """;

    private static String set(String text, String path, String value) throws EditException {
        return YamlEdit.set(text, List.of(path.split("\\.")), value);
    }

    /** The lines that differ, as "-old" and "+new". */
    private static List<String> changed(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        ArrayList<String> out = new ArrayList<>();
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        int ja = a.size() - 1;
        int jb = b.size() - 1;
        while (ja >= i && jb >= i && a.get(ja).equals(b.get(jb))) {
            ja--;
            jb--;
        }
        a.subList(i, ja + 1).forEach(l -> out.add("-" + l));
        b.subList(i, jb + 1).forEach(l -> out.add("+" + l));
        return out;
    }

    @Test
    void aPlainValueKeepsItsComment() throws Exception {
        String after = set(FILE, "session.inactivityTimeoutSeconds", "90");

        assertThat(changed(FILE, after))
                .containsExactly(
                        "-  inactivityTimeoutSeconds: 60   # one minute",
                        "+  inactivityTimeoutSeconds: 90   # one minute");
        assertThat(YAML.readTree(after).at("/session/inactivityTimeoutSeconds").asInt())
                .isEqualTo(90);
    }

    @Test
    void aQuotedValueAfterChineseAndAnEmoji() throws Exception {
        String after = set(FILE, "kiosk.hotline", YamlEdit.scalar("0571-88888888"));

        assertThat(changed(FILE, after)).containsExactly("-  hotline: \"0571-12345\"", "+  hotline: \"0571-88888888\"");
    }

    @Test
    void aValueInsideAFlowMapping() throws Exception {
        String after = set(FILE, "devices.ticket-printer.options.columns", "32");

        assertThat(changed(FILE, after))
                .containsExactly(
                        "-    options: {columns: 48, pollMs: 3000}", "+    options: {columns: 32, pollMs: 3000}");
    }

    @Test
    void aMissingKeyGoesAfterItsSiblingsBeforeTheNextSectionsComment() throws Exception {
        String after = set(FILE, "session.finishedSeconds", "30");

        assertThat(changed(FILE, after)).containsExactly("+  finishedSeconds: 30");
        assertThat(after).contains("  warningSeconds: 20\n  finishedSeconds: 30\n\n# the devices\n");
    }

    @Test
    void aMissingKeyInAFlowMapping() throws Exception {
        String after = set(FILE, "devices.ticket-printer.options.statusTimeoutMs", "500");

        assertThat(changed(FILE, after))
                .containsExactly(
                        "-    options: {columns: 48, pollMs: 3000}",
                        "+    options: {columns: 48, pollMs: 3000, statusTimeoutMs: 500}");
    }

    @Test
    void aMissingSectionIsAddedAtTheEnd() throws Exception {
        String after = set(FILE, "identity.readTimeoutSeconds", "45");

        assertThat(changed(FILE, after)).containsExactly("+identity:", "+  readTimeoutSeconds: 45");
        JsonNode tree = YAML.readTree(after);
        assertThat(tree.at("/identity/readTimeoutSeconds").asInt()).isEqualTo(45);
        assertThat(tree.at("/devices/ticket-printer/class").asText()).isEqualTo("receipt-printer");
    }

    @Test
    void underAnEmptyKey() throws Exception {
        String after = set(FILE, "devices.empty.class", "payment-terminal");

        assertThat(changed(FILE, after)).containsExactly("+    class: payment-terminal");
        assertThat(YAML.readTree(after).at("/devices/empty/class").asText()).isEqualTo("payment-terminal");
    }

    @Test
    void aMappingValueIsReplacedWhole() throws Exception {
        String after = set(FILE, "kiosk.hallName", "{zh-CN: 上城区政务服务中心}");

        assertThat(changed(FILE, after))
                .containsExactly("-  hallName: {zh-CN: 西湖区政务服务中心, en: Xihu}", "+  hallName: {zh-CN: 上城区政务服务中心}");
    }

    @Test
    void aBlockMappingValueIsReplacedWhole() throws Exception {
        String before = "a:\n  b:\n    c: 1 # x\n    d: 2\n  e: 3\n";

        String after = set(before, "a.b", "{c: 5}");

        assertThat(after).isEqualTo("a:\n  b: {c: 5}\n  e: 3\n");
    }

    @Test
    void anEmptyFileGetsTheKey() throws Exception {
        assertThat(set("", "session.warningSeconds", "30")).isEqualTo("session:\n  warningSeconds: 30\n");
        assertThat(set("# only a comment", "ui.theme", "elderly"))
                .isEqualTo("# only a comment\nui:\n  theme: elderly\n");
    }

    @Test
    void aByteOrderMarkStays() throws Exception {
        assertThat(set("\uFEFFui:\n  theme: standard\n", "ui.theme", "elderly"))
                .isEqualTo("\uFEFFui:\n  theme: elderly\n");
    }

    @Test
    void aPathThroughASingleValueIsRefused() {
        assertThatThrownBy(() -> set(FILE, "kiosk.id.x", "1"))
                .isInstanceOf(EditException.class)
                .hasMessage("kiosk.id holds a single value, not a mapping");
        assertThatThrownBy(() -> set("a: [1\n", "a", "2"))
                .isInstanceOf(EditException.class)
                .hasMessageStartingWith("not well-formed YAML");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Asia/Shanghai      | Asia/Shanghai",
                "西湖区政务服务中心 | 西湖区政务服务中心",
                "0571-12345         | \"0571-12345\"",
                "246810             | \"246810\"",
                "true               | \"true\"",
                "no                 | \"no\"",
                "a: b               | \"a: b\"",
                "say \"hi\" # now   | \"say \\\"hi\\\" # now\"",
                "sim:               | \"sim:\"",
            })
    void aTextIsQuotedWhereYamlWouldReadItOtherwise(String text, String expected) throws Exception {
        String scalar = YamlEdit.scalar(text);

        assertThat(scalar).isEqualTo(expected);
        assertThat(YAML.readTree("v: " + scalar).get("v").isTextual()).isTrue();
        assertThat(YAML.readTree("v: " + scalar).get("v").asText()).isEqualTo(text);
    }

    @Test
    void aKeyIsRemovedWithItsValueAndTheCommentRightAboveIt() throws Exception {
        String text = """
                devices:
                  # the printer
                  printer:
                    class: receipt-printer
                    options: {columns: 48}
                  # the scanner
                  scanner: {class: barcode-scanner}
                tail: 1
                """;

        String removed = YamlEdit.remove(text, List.of("devices", "printer"));

        assertThat(removed).isEqualTo("""
                devices:
                  # the scanner
                  scanner: {class: barcode-scanner}
                tail: 1
                """);
        assertThat(YamlEdit.remove(removed, List.of("devices", "nothing"))).isEqualTo(removed);
        assertThatThrownBy(() -> YamlEdit.remove(removed, List.of("devices", "scanner", "class")))
                .as("a key of a flow mapping is left to a person")
                .isInstanceOf(EditException.class);
    }
}
