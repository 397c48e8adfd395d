package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a value of a staff-edited file may be, declared once: how it is read from the YAML tree and
 * checked (every problem reported with its line), how it is described in the key tables, and its
 * JSON Schema for editors. Scalars are made by {@link Types}; mappings with declared keys are {@link
 * ObjectSchema}s, lists {@link ListSchema}s, mappings with free keys {@link MapSchema}s.
 *
 * @param <T> the value read
 */
public abstract class Schema<T> {
    protected static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * Reads a node that is there: an absent value (no key, {@code ~}, empty) is for the mapping or
     * list that holds it to deal with. Reports every problem to {@code r}.
     *
     * @throws Rejected when the value cannot be used (the problems reported)
     */
    public abstract T read(Node node, String path, Reading r);

    /** What is expected, as the problems say it: {@code a whole number from 15 to 600}. */
    public abstract String expected();

    /** The JSON Schema (draft 2020-12) of a value. */
    public abstract ObjectNode jsonSchema();

    /** A value as it is written in the file. */
    public String toYaml(T value) {
        return String.valueOf(value);
    }

    /** The keys below a value of this kind, for the key tables: an object's keys, a list's items'. */
    public List<Key<?>> keys() {
        return List.of();
    }

    /** The key-path segment a table puts between a key and the keys below it ({@code []}, {@code .<id>}). */
    String childSegment() {
        return "";
    }

    /** The same value seen as another type, both ways (the YAML text of a language is a Locale). */
    public <U> Schema<U> map(Function<T, U> to, Function<U, T> back) {
        Schema<T> inner = this;
        return new Schema<>() {
            @Override
            public U read(Node node, String path, Reading r) {
                return to.apply(inner.read(node, path, r));
            }

            @Override
            public String expected() {
                return inner.expected();
            }

            @Override
            public ObjectNode jsonSchema() {
                return inner.jsonSchema();
            }

            @Override
            public String toYaml(U value) {
                return inner.toYaml(back.apply(value));
            }

            @Override
            public List<Key<?>> keys() {
                return inner.keys();
            }

            @Override
            String childSegment() {
                return inner.childSegment();
            }
        };
    }

    /** The value, or empty when the key is left out. */
    Schema<Optional<T>> optional() {
        return map(Optional::of, o -> o.orElseThrow());
    }
}
