package cn.egov.kiosk.common.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.stream.Stream;

/** The JSON Schema of a file kind, made from its declarations, for editors' completion and checking. */
public final class JsonSchemas {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchemas() {}

    /**
     * The whole schema of a file whose top level is {@code root}.
     *
     * @param id the schema's {@code $id}, such as {@code https://kiosk.egov.cn/schema/config.schema.json}
     * @param defs the schemas used inside themselves, defined once under {@code $defs}
     */
    public static String document(Schema<?> root, String id, String title, String description, Ref<?>... defs) {
        ObjectNode doc = Schema.JSON.objectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", id);
        doc.put("title", title);
        doc.put("description", description);
        doc.setAll(root.jsonSchema());
        if (defs.length > 0) {
            ObjectNode defined = doc.putObject("$defs");
            for (Ref<?> ref : defs) {
                defined.set(ref.name(), ref.target().jsonSchema());
            }
        }
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key's value schema with its description, default and example. */
    static <T> ObjectNode describe(Key<T> key) {
        ObjectNode schema = key.schema().jsonSchema();
        String doc = String.join(
                " / ",
                Stream.of(key.chinese(), key.english())
                        .filter(s -> !s.isEmpty())
                        .toList());
        if (!doc.isEmpty()) {
            schema.put("description", doc);
        }
        if (key.defaultIsValue()) {
            JsonNode value = yamlValue(key.defaultText());
            if (value != null) {
                schema.set("default", value);
            }
        }
        if (!key.example().isEmpty()) {
            JsonNode value = yamlValue(key.example());
            if (value != null) {
                schema.putArray("examples").add(value);
            }
        }
        return schema;
    }

    /** A JSON Schema pattern (ECMA-262, found anywhere) for a Java pattern that must match whole. */
    static String anchored(String javaPattern) {
        return "^(?:" + javaPattern + ")$";
    }

    private static JsonNode yamlValue(String yaml) {
        try {
            return YAML.readTree("v: " + yaml).get("v");
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
