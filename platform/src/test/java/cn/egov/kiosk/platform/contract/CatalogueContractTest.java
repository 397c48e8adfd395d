package cn.egov.kiosk.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's records are the contract's schemas (docs/platform-api.yaml): the same fields, the
 * same enum values; and a catalogue of before the kiosk forms (no form, portal URL or electronic
 * materials) still reads.
 */
class CatalogueContractTest {
    private static JsonNode schemas;

    @BeforeAll
    static void readContract() throws Exception {
        schemas = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../docs/platform-api.yaml").toFile())
                .path("components")
                .path("schemas");
    }

    private static List<String> properties(String schema) {
        List<String> names = new ArrayList<>();
        schemas.path(schema).path("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).as(schema).isNotEmpty();
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static List<String> enumValues(String schema, String property) {
        List<String> values = new ArrayList<>();
        schemas.path(schema).path("properties").path(property).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void theRecordsHaveTheSchemasFields() {
        assertThat(components(Catalogue.Item.class)).containsExactlyElementsOf(properties("CatalogueItem"));
        assertThat(components(Catalogue.Material.class)).containsExactlyElementsOf(properties("Material"));
        assertThat(components(Catalogue.Form.class)).containsExactlyElementsOf(properties("Form"));
        assertThat(components(Catalogue.Field.class)).containsExactlyElementsOf(properties("FormField"));
        assertThat(components(Catalogue.Choice.class)).containsExactlyElementsOf(properties("FormChoice"));
        assertThat(Arrays.stream(Catalogue.FieldType.values()).map(Enum::name))
                .containsExactlyElementsOf(enumValues("FormField", "type"));
        assertThat(Arrays.stream(Catalogue.Prefill.values()).map(Enum::name))
                .containsExactlyElementsOf(enumValues("FormField", "prefill"));
    }

    @Test
    void anOlderCatalogueWithoutFormsStillReadsAndANewerTypeReadsAsText() throws Exception {
        String older = """
                {"id": "110101-GA-0019", "version": 1, "departmentId": "110101-GA", "departmentName": "演示区公安分局",
                 "name": "户籍证明开具", "category": "户籍办理", "audience": "PERSONAL", "lifeEvents": [],
                 "trips": "ZERO", "materials": [{"name": "居民身份证原件", "required": true, "copies": 1, "note": ""}],
                 "feeFen": 0, "feeNote": "", "legalLimitDays": 3, "promisedLimitDays": 1, "kioskCapable": true,
                 "appointable": false, "businessType": "A"}
                """;
        Catalogue.Item item = Json.read(older.getBytes(StandardCharsets.UTF_8), Catalogue.Item.class);

        assertThat(item.form()).isNull();
        assertThat(item.portalUrl()).isNull();
        assertThat(item.materials()).singleElement().matches(m -> !m.electronic());

        String newer = """
                {"fields": [{"id": "plate", "label": "车牌号", "type": "PLATE_NUMBER", "prefill": "CARD_PHOTO"},
                            {"id": "phone", "label": "联系电话", "labelEn": "Phone", "type": "PHONE", "required": true}]}
                """;
        Catalogue.Form form = Json.read(newer.getBytes(StandardCharsets.UTF_8), Catalogue.Form.class);

        assertThat(form.fields().get(0).type()).isEqualTo(Catalogue.FieldType.TEXT);
        assertThat(form.fields().get(0).prefill()).isEqualTo(Catalogue.Prefill.NONE);
        assertThat(form.fields().get(0).choices()).isEmpty();
        assertThat(form.fields().get(0).hint()).isEmpty();
        assertThat(form.fields().get(1).required()).isTrue();
        assertThat(Json.read(Json.bytes(form), Catalogue.Form.class)).isEqualTo(form);
    }
}
