package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.yaml.YamlTree.Entry;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mapping with declared keys, read into one value (usually a record). Unknown keys are reported
 * first, then each key in the order declared: a missing required key, or a bad value, is reported
 * and the mapping is not built. When every key is good, {@code build} makes the value from them; it
 * may check how they go together and reject.
 *
 * @param <T> the value built
 */
public final class ObjectSchema<T> extends Schema<T> {
    private final String noun;
    private final List<Key<?>> keys;
    private final List<String> names;
    private final Function<Values, T> build;
    /** Keys the format no longer has, each with what to do instead. */
    private final Map<String, String> removed;

    private ObjectSchema(String noun, List<Key<?>> keys, Function<Values, T> build) {
        this(noun, keys, build, Map.of());
    }

    private ObjectSchema(String noun, List<Key<?>> keys, Function<Values, T> build, Map<String, String> removed) {
        this.removed = Map.copyOf(removed);
        this.noun = noun;
        this.keys = List.copyOf(keys);
        this.names = this.keys.stream().map(Key::name).sorted().toList();
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("a key declared twice in " + names);
        }
        this.build = build;
    }

    /**
     * @param noun what the mapping is, for "expected NOUN with the keys [...]": {@code a mapping},
     *     {@code a device}
     */
    public static <T> ObjectSchema<T> of(String noun, List<Key<?>> keys, Function<Values, T> build) {
        return new ObjectSchema<>(noun, keys, build);
    }

    /**
     * The same mapping, where {@code name}, a key it once had, is refused with {@code instead} (what to
     * do now) rather than as an unknown key.
     */
    public ObjectSchema<T> removed(String name, String instead) {
        if (names.contains(name)) {
            throw new IllegalArgumentException(name + " is a key of " + names);
        }
        Map<String, String> more = new HashMap<>(removed);
        more.put(name, instead);
        return new ObjectSchema<>(noun, keys, build, more);
    }

    @Override
    public T read(Node node, String path, Reading r) {
        if (!(node instanceof MapNode map)) {
            throw r.invalid(path, node, expected(), Reading.describe(node));
        }
        boolean ok;
        if (removed.isEmpty()) {
            ok = !r.unknownKeys(map, path, names);
        } else {
            ok = true;
            for (Entry e : map.entries().values()) {
                String instead = removed.get(e.key());
                if (instead != null) {
                    r.add(Reading.join(path, e.key()), e.keyLine(), Problem.Kind.REMOVED_KEY, instead, null);
                    ok = false;
                } else if (!names.contains(e.key())) {
                    r.add(Reading.join(path, e.key()), e.keyLine(), Problem.Kind.UNKNOWN_KEY, "one of " + names, null);
                    ok = false;
                }
            }
        }
        Map<Key<?>, Object> values = new HashMap<>();
        for (Key<?> key : keys) {
            ok &= readKey(key, map, path, r, values);
        }
        if (!ok) {
            throw Reading.rejected();
        }
        return build.apply(new Values(values, map, path, r));
    }

    /** The value of a mapping with no keys: every key's default (a bug when one is required). */
    T readDefaults(String path, Reading r) {
        return read(new MapNode(0, Map.of()), path, r);
    }

    private static <V> boolean readKey(Key<V> key, MapNode map, String path, Reading r, Map<Key<?>, Object> values) {
        Entry e = map.entries().get(key.name());
        Node node = e == null ? null : e.value();
        String keyPath = Reading.join(path, key.name());
        V value;
        if (Reading.isAbsent(node)) {
            if (key.isRequired()) {
                r.required(keyPath, node, map, key.schema().expected());
                return false;
            }
            Optional<V> fallback = key.whenLeftOut(r);
            if (fallback.isEmpty()) {
                return false;
            }
            value = fallback.get();
        } else {
            try {
                value = key.schema().read(node, keyPath, r);
            } catch (Rejected bad) {
                return false;
            }
        }
        values.put(key, value);
        if (key.tells() != null) {
            r.with(key.tells(), value);
        }
        return true;
    }

    @Override
    public String expected() {
        return noun + " with the keys " + names;
    }

    @Override
    public List<Key<?>> keys() {
        return keys;
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Key<?> key : keys) {
            properties.set(key.name(), JsonSchemas.describe(key));
            if (key.isRequired()) {
                required.add(key.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The keys' values, for {@code build}. */
    public static final class Values {
        private final Map<Key<?>, Object> values;
        private final MapNode node;
        private final String path;
        private final Reading reading;

        Values(Map<Key<?>, Object> values, MapNode node, String path, Reading reading) {
            this.values = values;
            this.node = node;
            this.path = path;
            this.reading = reading;
        }

        @SuppressWarnings("unchecked")
        public <V> V get(Key<V> key) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException(key.name() + " is not a key of " + path);
            }
            return (V) values.get(key);
        }

        /** The mapping, for a check that reports at the line of one of its keys. */
        public MapNode node() {
            return node;
        }

        /** The mapping's key path; its last segment is its key in a {@link MapSchema}. */
        public String path() {
            return path;
        }

        /** The key this mapping has in the mapping that holds it ({@code ticket-printer}). */
        public String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        public Reading reading() {
            return reading;
        }
    }
}
