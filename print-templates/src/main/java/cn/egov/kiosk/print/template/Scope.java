package cn.egov.kiosk.print.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Pattern;

/**
 * Where placeholders find their values: the document's data (a JSON object) and, inside a {@code
 * repeat} or a table, the current row. A path is looked up in the row first, then in the data:
 * {@code {name}} in a row of {@code items} is the row's name; {@code {hallName}} is the document's.
 */
public final class Scope {
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final JsonNode data;
    private final Scope outer;
    private final int index;

    private Scope(JsonNode data, Scope outer, int index) {
        this.data = data;
        this.outer = outer;
        this.index = index;
    }

    /** The document's data. */
    public static Scope of(JsonNode data) {
        return new Scope(data == null ? MissingNode.getInstance() : data, null, -1);
    }

    /** A row of a list inside this scope; {@code index} counts from 0 ({@code {#}} is index + 1). */
    public Scope row(JsonNode row, int index) {
        return new Scope(row, this, index);
    }

    static boolean validPath(String path) {
        return path.equals("#") || PATH.matcher(path).matches();
    }

    /** The value at {@code path}: in this row, else outwards; a missing node when nowhere. */
    public JsonNode get(String path) {
        if (path.equals("#")) {
            return index < 0 ? MissingNode.getInstance() : IntNode.valueOf(index + 1);
        }
        for (Scope s = this; s != null; s = s.outer) {
            JsonNode v = at(s.data, path);
            if (!v.isMissingNode()) {
                return v;
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode v = node;
        for (String name : path.split("\\.")) {
            v = v == null ? null : v.get(name);
            if (v == null) {
                return MissingNode.getInstance();
            }
        }
        return v;
    }

    /** Whether {@code path} holds something: present, not null, not an empty text or list, not false or 0. */
    public boolean holds(String path) {
        JsonNode v = get(path);
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return !v.textValue().isBlank();
        }
        if (v.isContainerNode()) {
            return v.size() > 0;
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        return true;
    }
}
