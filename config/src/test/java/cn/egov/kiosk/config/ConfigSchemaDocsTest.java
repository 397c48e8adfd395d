package cn.egov.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.schema.GeneratedFile;
import cn.egov.kiosk.common.schema.KeyTables;
import cn.egov.kiosk.device.manage.DriverRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the declarations make: the key tables of config/README.md and config/config.schema.json are
 * up to date, and the shipped files pass the JSON Schema as an editor would check them (with a JSON
 * Schema library, not our own reader), while a file with a mistake does not.
 */
class ConfigSchemaDocsTest {
    private static final ConfigSchema SCHEMA = ConfigSchema.of(DriverRegistry.load());
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theReadmeTablesSayWhatTheDeclarationsSay() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> sections = KeyTables.markedPaths(readme);
        assertThat(sections)
                .containsExactly(
                        "kiosk",
                        "ui",
                        "session",
                        "identity",
                        "storage",
                        "platform",
                        "queue",
                        "payments",
                        "hours",
                        "voice",
                        "devices");

        assertThat(GeneratedFile.check(Path.of("README.md"), KeyTables.refresh(readme, SCHEMA::table)))
                .isEmpty();
    }

    @Test
    void theJsonSchemaIsWhatTheDeclarationsMake() {
        assertThat(GeneratedFile.check(Path.of("config.schema.json"), SCHEMA.jsonSchema()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo.yaml", "hall-example.yaml"})
    void theShippedFilesPassTheJsonSchema(String file) throws Exception {
        assertThat(errors(YAML.readTree(Path.of(file).toFile()))).isEmpty();
    }

    @Test
    void aFileWithMistakesDoesNot() throws Exception {
        JsonNode demo = YAML.readTree(Path.of("demo.yaml").toFile());
        ((ObjectNode) demo.get("kiosk")).put("colour", "red");
        ((ObjectNode) demo.get("session")).put("warningSeconds", 5);
        ((ObjectNode) demo.get("kiosk")).put("demo", "yes");

        assertThat(errors(demo))
                .extracting(e -> e.getInstanceLocation().toString())
                .containsExactlyInAnyOrder("/kiosk", "/session/warningSeconds", "/kiosk/demo");
    }

    private static List<Error> errors(JsonNode document) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SCHEMA.jsonSchema(), InputFormat.JSON);
        return schema.validate(document);
    }
}
