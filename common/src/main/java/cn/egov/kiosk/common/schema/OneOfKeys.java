package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping that is one of several kinds, told apart by which kind's key it has, as a template's
 * blocks are: {@code {text: ...}}, {@code {qr: ...}}. Each kind is an {@link ObjectSchema} whose
 * keys include its kind's key.
 *
 * @param <T> the common type of the kinds' values
 */
public final class OneOfKeys<T> extends Schema<T> {
    private final String noun;
    private final Map<String, ObjectSchema<? extends T>> kinds;

    private OneOfKeys(String noun, Map<String, ObjectSchema<? extends T>> kinds) {
        this.noun = noun;
        this.kinds = kinds;
    }

    /** @param noun what the mapping is, for "expected NOUN: a mapping with one of [...]" */
    public static <T> Builder<T> of(String noun) {
        return new Builder<>(noun);
    }

    /** The kinds, by their key, in the order declared. */
    public Map<String, ObjectSchema<? extends T>> kinds() {
        return kinds;
    }

    @Override
    public T read(Node node, String path, Reading r) {
        if (!(node instanceof MapNode map)) {
            throw r.invalid(path, node, expected(), Reading.describe(node));
        }
        List<String> present =
                map.entries().keySet().stream().filter(kinds::containsKey).toList();
        if (present.size() != 1) {
            throw r.invalid(
                    path,
                    node,
                    expected(),
                    present.isEmpty() ? "a mapping with none of them" : "a mapping with " + present);
        }
        return kinds.get(present.get(0)).read(node, path, r);
    }

    @Override
    public String expected() {
        return noun + ": a mapping with one of " + List.copyOf(kinds.keySet());
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JSON.objectNode();
        ArrayNode oneOf = schema.putArray("oneOf");
        kinds.values().forEach(k -> oneOf.add(k.jsonSchema()));
        return schema;
    }

    /** Declares the kinds one by one. */
    public static final class Builder<T> {
        private final String noun;
        private final Map<String, ObjectSchema<? extends T>> kinds = new LinkedHashMap<>();

        private Builder(String noun) {
            this.noun = noun;
        }

        /** A kind, told by {@code key}, which must be one of its schema's keys. */
        public Builder<T> kind(String key, ObjectSchema<? extends T> schema) {
            if (schema.keys().stream().noneMatch(k -> k.name().equals(key))) {
                throw new IllegalArgumentException("the kind " + key + " is not a key of its own schema");
            }
            kinds.put(key, schema);
            return this;
        }

        public OneOfKeys<T> build() {
            return new OneOfKeys<>(noun, Collections.unmodifiableMap(new LinkedHashMap<>(kinds)));
        }
    }
}
