package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.yaml.YamlTree.ListNode;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A list of values of one schema, with a size range and, where asked, one part that no two items
 * may share (a language, a business type's code).
 *
 * @param <T> an item's value
 */
public final class ListSchema<T> extends Schema<List<T>> {
    private final Schema<T> item;
    private final String expected;
    private final int min;
    private final int max;
    private final String itemsNoun;
    private final Unique unique;

    /** Items whose {@code key} (the item itself when null) must differ; only valid values are compared. */
    private record Unique(String key, Predicate<String> valid, BiFunction<String, Integer, String> expected) {}

    private ListSchema(Schema<T> item, String expected, int min, int max, String itemsNoun, Unique unique) {
        this.item = item;
        this.expected = expected;
        this.min = min;
        this.max = max;
        this.itemsNoun = itemsNoun;
        this.unique = unique;
    }

    /**
     * @param expected the list's expected words, such as {@code a list of 1 to 26 business types}
     * @param itemsNoun what the items are, for "found 27 business types"
     */
    public static <T> ListSchema<T> of(Schema<T> item, String expected, int min, int max, String itemsNoun) {
        return new ListSchema<>(item, expected, min, max, itemsNoun, null);
    }

    /**
     * No two items may have the same text at {@code key} (the item's own text when {@code key} is
     * null); {@code expected} words the problem from the text and the line it was first at.
     */
    public ListSchema<T> unique(String key, Predicate<String> valid, BiFunction<String, Integer, String> expected) {
        return new ListSchema<>(item, this.expected, min, max, itemsNoun, new Unique(key, valid, expected));
    }

    @Override
    public List<T> read(Node node, String path, Reading r) {
        if (!(node instanceof ListNode list)) {
            throw r.invalid(path, node, expected, Reading.describe(node));
        }
        int size = list.items().size();
        if (size < min || size > max) {
            throw r.invalid(path, node, expected, size == 0 ? "an empty list" : size + " " + itemsNoun);
        }
        List<T> values = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < size; i++) {
            Node itemNode = list.items().get(i);
            String itemPath = path + "[" + i + "]";
            try {
                values.add(item.read(itemNode, itemPath, r));
            } catch (Rejected bad) {
                ok = false;
            }
            if (unique != null) {
                ok &= isUnique(itemNode, itemPath, seen, r);
            }
        }
        if (!ok) {
            throw Reading.rejected();
        }
        return List.copyOf(values);
    }

    private boolean isUnique(Node itemNode, String itemPath, Map<String, Integer> seen, Reading r) {
        Node at = itemNode;
        String atPath = itemPath;
        if (unique.key() != null) {
            if (!(itemNode instanceof MapNode map) || !map.entries().containsKey(unique.key())) {
                return true; // the item itself is reported
            }
            at = map.entries().get(unique.key()).value();
            atPath = Reading.join(itemPath, unique.key());
        }
        String text = Reading.text(at);
        if (text == null || !unique.valid().test(text)) {
            return true; // reported as a bad value
        }
        Integer first = seen.putIfAbsent(text, at.line());
        if (first == null) {
            return true;
        }
        r.invalid(atPath, at, unique.expected().apply(text, first), Reading.quote(text));
        return false;
    }

    @Override
    public String expected() {
        return expected;
    }

    @Override
    public String toYaml(List<T> value) {
        return value.stream().map(item::toYaml).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public List<Key<?>> keys() {
        return item.keys();
    }

    @Override
    String childSegment() {
        return "[]";
    }

    @Override
    public ObjectNode jsonSchema() {
        ObjectNode schema = JSON.objectNode().put("type", "array");
        schema.set("items", item.jsonSchema());
        if (min > 0) {
            schema.put("minItems", min);
        }
        if (max < Integer.MAX_VALUE) {
            schema.put("maxItems", max);
        }
        return schema;
    }
}
