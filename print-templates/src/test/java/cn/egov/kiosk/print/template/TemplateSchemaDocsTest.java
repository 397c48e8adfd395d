package cn.egov.kiosk.print.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.schema.GeneratedFile;
import cn.egov.kiosk.common.schema.KeyTables;
import cn.egov.kiosk.print.ticket.Templates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the declarations make for templates: templates/README.md's key tables and
 * templates/template.schema.json are up to date; every shipped template passes the JSON Schema (a
 * JSON Schema library's check, as an editor's), and a template with mistakes does not.
 */
class TemplateSchemaDocsTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    static Stream<Path> shippedTemplates() throws Exception {
        try (Stream<Path> files = Files.list(Templates.folder())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theReadmeTablesSayWhatTheDeclarationsSay() throws Exception {
        Path readme = Templates.folder().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertThat(KeyTables.markedPaths(text))
                .contains("template", "page", "block.text", "block.table", "block.pageBreak");

        assertThat(GeneratedFile.check(readme, KeyTables.refresh(text, TemplateSchema::table)))
                .isEmpty();
    }

    @Test
    void theJsonSchemaIsWhatTheDeclarationsMake() {
        assertThat(GeneratedFile.check(Templates.folder().resolve("template.schema.json"), TemplateSchema.jsonSchema()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("shippedTemplates")
    void eachShippedTemplatePassesTheJsonSchema(Path template) throws Exception {
        assertThat(errors(YAML.readTree(template.toFile()))).isEmpty();
    }

    @Test
    void aTemplateWithMistakesDoesNot() throws Exception {
        JsonNode t =
                YAML.readTree(Templates.folder().resolve("queue-ticket.yaml").toFile());
        ((ObjectNode) t).put("paper", "letter");
        ArrayNode body = (ArrayNode) t.get("body");
        ((ObjectNode) body.get(0)).put("colour", "red");
        body.addObject().put("txt", "hi");

        assertThat(errors(t))
                .extracting(e -> e.getInstanceLocation().toString())
                .contains("/paper", "/body/0", "/body/" + (body.size() - 1));
    }

    private static List<Error> errors(JsonNode document) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(TemplateSchema.jsonSchema(), InputFormat.JSON)
                .validate(document);
    }
}
