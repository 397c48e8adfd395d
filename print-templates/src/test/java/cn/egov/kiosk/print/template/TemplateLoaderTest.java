package cn.egov.kiosk.print.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.schema.Problem;
import cn.egov.kiosk.common.text.Align;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateLoaderTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static JsonNode data(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    private static List<String> texts(Resolved r) {
        return r.items().stream()
                .filter(Resolved.Text.class::isInstance)
                .map(i -> ((Resolved.Text) i).text())
                .toList();
    }

    @Test
    void aTemplateLoadsAndFillsInItsData() throws Exception {
        Template t = TemplateLoader.load(write("receipt", """
                name: receipt
                title: {zh-CN: 受理回执, en: Acceptance receipt}
                paper: a4
                personal: [applicant.name, applicant.idNumber, applicant.phone]
                page: {margin: 20, fontSize: 12, watermark: "{hall}", pageNumbers: true}
                body:
                  - text: {zh-CN: 受理回执, en: Acceptance receipt}
                    size: huge
                    bold: true
                    align: center
                  - label: {zh-CN: "申请人：", en: "Applicant: "}
                    value: "{applicant.name|maskName}"
                  - label: "ID"
                    value: "{applicant.idNumber|maskId}"
                  - text: "{applicant.phone|maskPhone} {fee|money} {submittedAt|date}"
                  - when: note
                    blocks: [{text: "{note}"}]
                  - unless: note
                    blocks: [{text: no note}]
                  - repeat: items
                    blocks: [{text: "{#}. {name} {hall}"}]
                  - table: items
                    columns:
                      - {header: {zh-CN: 材料, en: Document}, value: "{name}", weight: 3}
                      - {header: "#", value: "{copies}", align: right}
                  - qr: "{verify}"
                    only: pdf
                  - cut: true
                """));

        assertThat(t.paper()).isEqualTo(Template.Paper.A4);
        assertThat(t.page().pageNumbers()).isTrue();
        JsonNode d = data("""
            {"hall": "演示区", "applicant": {"name": "王小明", "idNumber": "11010519491231002X", "phone": "13812345678"},
             "fee": 1250, "submittedAt": "2026-11-28", "items": [{"name": "身份证复印件", "copies": 2}, {"name": "申请表", "copies": 1}],
             "verify": "V-123"}""");

        Resolved zh = Resolved.of(t, d, Medium.PDF, ZH);
        assertThat(zh.title()).isEqualTo("受理回执");
        assertThat(zh.watermark()).contains("演示区");
        assertThat(texts(zh))
                .containsExactly("受理回执", "138****5678 ¥12.50 2026年11月28日", "no note", "1. 身份证复印件 演示区", "2. 申请表 演示区");
        assertThat(zh.items())
                .filteredOn(Resolved.Pair.class::isInstance)
                .extracting(i -> ((Resolved.Pair) i).value())
                .containsExactly("王*明", "110105********002X");
        Resolved.Table table = (Resolved.Table) zh.items().stream()
                .filter(Resolved.Table.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(table.headers()).containsExactly("材料", "#");
        assertThat(table.rows()).containsExactly(List.of("身份证复印件", "2"), List.of("申请表", "1"));
        assertThat(table.aligns()).containsExactly(Align.LEFT, Align.RIGHT);
        assertThat(zh.items()).filteredOn(Resolved.Qr.class::isInstance).hasSize(1);

        Resolved en = Resolved.of(t, d, Medium.ESCPOS, EN);
        assertThat(en.title()).isEqualTo("Acceptance receipt");
        assertThat(texts(en)).contains("138****5678 ¥12.50 2026-11-28");
        assertThat(en.items()).noneMatch(Resolved.Qr.class::isInstance); // only: pdf
        assertThat(en.toString()).doesNotContain("王").doesNotContain("1101");
    }

    @Test
    void aPersonalFieldPrintedAsItIsIsRefused() throws Exception {
        Path f = write("leaky", """
            name: leaky
            personal: [applicant.idNumber]
            body:
              - text: "{applicant.idNumber}"
              - text: "{applicant.idNumber|full}"
            """);

        assertThatThrownBy(() -> TemplateLoader.load(f))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("leaky.yaml")
                .hasMessageContaining("prints the personal field applicant.idNumber as it is")
                .satisfies(e -> assertThat(((TemplateException) e).problems()).hasSize(1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "  - text: hi\\n    size: tiny         | line 4: body[0].size: expected one of [small, normal, large, huge, fit], found \"tiny\"",
                "  - text: hi\\n    colour: red        | line 4: body[0].colour: unknown key; expected one of [align, bold, only, size, text]",
                "  - txt: hi                           | line 3: body[0]: expected a block: a mapping with one of [text, label",
                "  - text: x{name                      | line 3: body[0].text: expected a text whose placeholders are well-formed ({path|formatter:argument}), found \"x{name\": a placeholder opened at character 2 is not closed",
                "  - qr: x\\n    size: 500             | line 4: body[0].size: expected a number from 10 to 80, found \"500\"",
                "  - image: missing.png                | line 3: body[0].image: expected a PNG file next to the template, found \"missing.png\" (cannot be read)",
                "  - table: items                      | line 3: body[0].columns: required, expected a list of columns",
                "  - when: flag                        | line 3: body[0].blocks: required",
                "  - text: hi\\n    only: fax          | line 4: body[0].only: expected escpos or pdf, found \"fax\"",
                "  - rule: wavy                        | line 3: body[0].rule: expected solid or dashed, found \"wavy\"",
            })
    void eachMistakeNamesTheFileTheLineAndThePlace(String block, String expected) throws Exception {
        Path f = write("bad", "name: bad\nbody:\n  " + block.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> TemplateLoader.load(f))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(f + ", ")
                .hasMessageContaining(expected);
    }

    @Test
    void anUnknownFormatterIsNamedWithTheKnownOnes() throws Exception {
        Path f = write("bad", "name: bad\nbody:\n  - text: x{name|shout}\n");

        assertThatThrownBy(() -> TemplateLoader.load(f))
                .hasMessageContaining("line 3: body[0].text: expected a text whose placeholders are well-formed")
                .hasMessageContaining("unknown formatter \"shout\" (known: [maskName");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path f = write(
                "bad",
                "name: Bad Name\npaper: letter\nbody:\n  - text: a\n    size: tiny\n  - cut: true\n    extra: 1\n");

        assertThatThrownBy(() -> TemplateLoader.load(f))
                .isInstanceOfSatisfying(
                        TemplateException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::key)
                                .containsExactly("name", "paper", "body[0].size", "body[1].extra"));
    }

    @Test
    void notYamlAtAllSaysWhere() throws Exception {
        Path f = write("broken", "name: x\nbody: [\n  - text: a\n");

        assertThatThrownBy(() -> TemplateLoader.load(f))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("YAML syntax error");
    }

    @Test
    void choicesBracesAndZeroCounts() throws Exception {
        Template t = TemplateLoader.load(write("c", """
                name: c
                body:
                  - when: ahead
                    blocks: [{text: "{ahead|choice:0#nobody|1#one person|1<{0} people} {{literal}}"}]
                  - unless: ahead
                    blocks: [{text: "none ahead"}]
                  - text: "{missing|default:—}"
                """));

        assertThat(texts(Resolved.of(t, data("{\"ahead\": 3}"), Medium.ESCPOS, EN)))
                .containsExactly("3 people {literal}", "—");
        assertThat(texts(Resolved.of(t, data("{\"ahead\": 1}"), Medium.ESCPOS, EN)))
                .containsExactly("one person {literal}", "—");
        assertThat(texts(Resolved.of(t, data("{\"ahead\": 0}"), Medium.ESCPOS, EN)))
                .containsExactly("none ahead", "—");
    }

    @Test
    void theLibraryChecksThatNamesMatchTheirFiles() throws Exception {
        write("one", "name: two\nbody: [{text: a}]\n");
        write("ok", "name: ok\nbody: [{text: a}]\n");

        assertThatThrownBy(() -> TemplateLibrary.load(dir))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("one.yaml")
                .hasMessageContaining("name: expected \"one\" like the file, found \"two\"");
    }
}
