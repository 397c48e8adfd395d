package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * A schema named once and used inside itself, as a template's blocks hold blocks. Its JSON Schema
 * is a {@code $ref} to {@code #/$defs/NAME}, which {@link JsonSchemas#document} defines.
 *
 * @param <T> the value
 */
public final class Ref<T> extends Schema<T> {
    private final String name;
    private final Supplier<Schema<T>> target;

    private Ref(String name, Supplier<Schema<T>> target) {
        this.name = name;
        this.target = target;
    }

    /** A reference to the schema {@code target} gives (when first used, not when declared). */
    public static <T> Ref<T> to(String name, Supplier<Schema<T>> target) {
        return new Ref<>(name, target);
    }

    public String name() {
        return name;
    }

    /** The schema referred to. */
    public Schema<T> target() {
        return target.get();
    }

    @Override
    public T read(Node node, String path, Reading r) {
        return target.get().read(node, path, r);
    }

    @Override
    public String expected() {
        return target.get().expected();
    }

    @Override
    public ObjectNode jsonSchema() {
        return JSON.objectNode().put("$ref", "#/$defs/" + name);
    }
}
