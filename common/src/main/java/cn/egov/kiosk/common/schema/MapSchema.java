package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.schema.Problem.Kind;
import cn.egov.kiosk.common.yaml.YamlTree.Entry;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mapping whose keys are chosen by staff (device ids, a driver's option names), each key checked
 * against a pattern and each value against one schema; read in the file's order.
 *
 * @param <T> a value
 */
public final class MapSchema<T> extends Schema<Map<String, T>> {
    private final Pattern keyPattern;
    private final String keyExpected;
    private final Schema<T> value;
    private final String expected;
    private final int min;
    private final boolean emptyValueIsMissing;

    private MapSchema(
            Pattern keyPattern,
            String keyExpected,
            Schema<T> value,
            String expected,
            int min,
            boolean emptyValueIsMissing) {
        this.keyPattern = keyPattern;
        this.keyExpected = keyExpected;
        this.value = value;
        this.expected = expected;
        this.min = min;
        this.emptyValueIsMissing = emptyValueIsMissing;
    }

    /**
     * A mapping of at least {@code min} entries, keys matching {@code keyPattern} (any key when null).
     * An empty value ({@code id:}) is reported as missing when {@code emptyValueIsMissing}, else as a
     * bad value.
     */
    public static <T> MapSchema<T> of(
            Pattern keyPattern,
            String keyExpected,
            Schema<T> value,
            String expected,
            int min,
            boolean emptyValueIsMissing) {
        return new MapSchema<>(keyPattern, keyExpected, value, expected, min, emptyValueIsMissing);
    }

    @Override
    public Map<String, T> read(Node node, String path, Reading r) {
        if (!(node instanceof MapNode map)) {
            throw r.invalid(path, node, expected, Reading.describe(node));
        }
        if (map.entries().size() < min) {
            throw r.invalid(
                    path,
                    node,
                    expected,
                    map.entries().isEmpty() ? "an empty mapping" : map.entries().size() + " entries");
        }
        Map<String, T> values = new LinkedHashMap<>();
        boolean ok = true;
        for (Entry e : map.entries().values()) {
            String entryPath = Reading.join(path, e.key());
            if (keyPattern != null && !keyPattern.matcher(e.key()).matches()) {
                r.add(entryPath, e.keyLine(), Kind.INVALID, keyExpected, Reading.quote(e.key()));
                ok = false;
            }
            if (Reading.isAbsent(e.value())) {
                if (emptyValueIsMissing) {
                    r.required(entryPath, e.value(), map, value.expected());
                } else {
                    r.invalid(entryPath, e.value(), value.expected(), Reading.describe(e.value()));
                }
                ok = false;
                continue;
            }
            try {
                values.put(e.key(), value.read(e.value(), entryPath, r));
            } catch (Rejected bad) {
                ok = false;
            }
        }
        if (!ok) {
            throw Reading.rejected();
        }
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String expected() {
        return expected;
    }

    @Override
    public List<Key<?>> keys() {
        return value.keys();
    }

    @Override
    String childSegment() {
        return ".<" + (keyPattern == null ? "name" : "id") + ">";
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        if (keyPattern != null) {
            schema.putObject("propertyNames").put("pattern", JsonSchemas.anchored(keyPattern.pattern()));
        }
        if (min > 0) {
            schema.put("minProperties", min);
        }
        schema.set("additionalProperties", value.jsonSchema());
        return schema;
    }
}
