package cn.egov.kiosk.common.yaml;

import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Changes one value of a YAML file staff edit and keeps every other character: comments, blank
 * lines, quotes, the order of keys. The value's exact span comes from SnakeYAML's node marks; only
 * that span is replaced. A key that is not there is added after the last line of its mapping (block
 * style, at the indentation of its siblings) or before the closing brace (flow style); missing
 * mappings on the way are added too.
 *
 * <p>What it does not do, and why: a value that is itself a block mapping or list is replaced whole
 * (comments inside it go with it), since a new value has no place for the old one's comments; and
 * it does not move comments that sit between a mapping's last key and the next section, which stay
 * where they were, after the added key.
 */
public final class YamlEdit {
    private static final Pattern PLAIN_SAFE = Pattern.compile("[\\p{L}\\p{N}_./][\\p{L}\\p{N}_./ -]*");
    private static final Pattern LOOKS_TYPED =
            Pattern.compile("(?i)[-+]?[0-9][0-9_.:eE+-]*|true|false|yes|no|on|off|y|n|null|~|\\.inf|\\.nan|[-+]\\.inf");

    private YamlEdit() {}

    /** What was asked cannot be done to this text; the message says why. */
    public static final class EditException extends Exception {
        private static final long serialVersionUID = 1L;

        EditException(String message) {
            super(message);
        }
    }

    /**
     * The text with the value at {@code path} (keys of nested mappings, e.g. {@code [session,
     * inactivityTimeoutSeconds]}) set to {@code valueYaml}, a value as written in YAML ({@link
     * #scalar} quotes a text where it must be).
     *
     * @throws EditException when the text is not YAML, or a key on the way holds something other
     *     than a mapping
     */
    public static String set(String text, List<String> path, String valueYaml) throws EditException {
        Objects.requireNonNull(valueYaml, "valueYaml");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an empty key path");
        }
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        String body = text.substring(bom.length());
        Node root = compose(body);
        if (root == null) {
            return bom + body + (body.isEmpty() || body.endsWith("\n") ? "" : "\n") + block(path, 0, valueYaml) + "\n";
        }
        if (!(root instanceof MappingNode map)) {
            throw new EditException("the file is not a mapping of keys");
        }
        return bom + set(body, map, path, 0, valueYaml);
    }

    /** The text's node tree ({@code null} for an empty text), or what is wrong with it. */
    private static Node compose(String body) throws EditException {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(body));
        } catch (YAMLException e) {
            throw new EditException("not well-formed YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * The text without the key at {@code path} and its value, with the comment lines right above the
     * key at its indentation (they describe it); the text unchanged when the key is not there.
     *
     * @throws EditException when the text is not YAML, a key on the way holds something other than a
     *     mapping, or the key's mapping is written in flow style
     */
    public static String remove(String text, List<String> path) throws EditException {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an empty key path");
        }
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        String body = text.substring(bom.length());
        Node root = compose(body);
        if (root == null) {
            return text;
        }
        Node at = root;
        for (int depth = 0; depth < path.size(); depth++) {
            if (!(at instanceof MappingNode map)) {
                throw new EditException(
                        String.join(".", path.subList(0, depth)) + " holds a " + kind(at) + ", not a mapping");
            }
            NodeTuple found = null;
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(path.get(depth))) {
                    found = t;
                }
            }
            if (found == null) {
                return text;
            }
            if (depth == path.size() - 1) {
                int keyStart = offset(body, found.getKeyNode().getStartMark().getIndex());
                if (isFlow(body, offset(body, map.getStartMark().getIndex()))) {
                    throw new EditException(String.join(".", path.subList(0, depth))
                            + " is written in flow style ({...}): remove the key by hand");
                }
                int lineStart = body.lastIndexOf('\n', keyStart - 1) + 1;
                if (!body.substring(lineStart, keyStart).isBlank()) {
                    throw new EditException(String.join(".", path) + " does not start its line");
                }
                int column = keyStart - lineStart;
                // the comments right above, at the key's indentation
                int from = lineStart;
                while (from > 0) {
                    int prevStart = body.lastIndexOf('\n', from - 2) + 1;
                    String line = body.substring(prevStart, from - 1);
                    String stripped = line.stripLeading();
                    if (stripped.startsWith("#") && line.length() - stripped.length() == column) {
                        from = prevStart;
                    } else {
                        break;
                    }
                }
                int end = lineEnd(body, offset(body, lastIndex(found.getValueNode())));
                end = end < body.length() ? end + 1 : end;
                return bom + body.substring(0, from) + body.substring(end);
            }
            at = found.getValueNode();
        }
        return text;
    }

    private static String set(String text, MappingNode map, List<String> path, int depth, String valueYaml)
            throws EditException {
        String key = path.get(depth);
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                Node value = t.getValueNode();
                if (depth == path.size() - 1) {
                    return replace(text, t.getKeyNode(), value, valueYaml);
                }
                if (value instanceof MappingNode inner) {
                    return set(text, inner, path, depth + 1, valueYaml);
                }
                if (value instanceof ScalarNode s && s.getValue().isEmpty()) {
                    // "session:" with nothing under it: the rest goes there
                    int at = offset(text, t.getKeyNode().getEndMark().getIndex());
                    int colon = text.indexOf(':', at);
                    int indent = t.getKeyNode().getStartMark().getColumn() + 2;
                    return text.substring(0, colon + 1) + "\n"
                            + block(path.subList(depth + 1, path.size()), indent, valueYaml)
                            + text.substring(lineEnd(text, colon));
                }
                throw new EditException(
                        String.join(".", path.subList(0, depth + 1)) + " holds a " + kind(value) + ", not a mapping");
            }
        }
        return add(text, map, path.subList(depth, path.size()), valueYaml);
    }

    /** Replaces a value's span; an empty value ({@code key:}) gets one after its colon. */
    private static String replace(String text, Node key, Node value, String valueYaml) {
        if (value instanceof ScalarNode s
                && s.getValue().isEmpty()
                && value.getStartMark().getIndex() == value.getEndMark().getIndex()) {
            int colon = text.indexOf(':', offset(text, key.getEndMark().getIndex()));
            return text.substring(0, colon + 1) + " " + valueYaml + text.substring(colon + 1);
        }
        int start = offset(text, value.getStartMark().getIndex());
        int end = offset(text, value.getEndMark().getIndex());
        if (!(value instanceof ScalarNode) && !isFlow(text, start)) {
            // a block mapping or list: it starts on the key's line after the colon, and its end mark is
            // where the next thing starts; keep the line break before that
            int colon = text.indexOf(':', offset(text, key.getEndMark().getIndex()));
            start = colon + 1;
            end = text.lastIndexOf('\n', Math.max(start, end - 1));
            if (end < start) {
                end = lineEnd(text, start);
            }
            return text.substring(0, start) + " " + valueYaml + text.substring(end);
        }
        return text.substring(0, start) + valueYaml + text.substring(end);
    }

    /** Adds {@code path} (the first key missing from {@code map}) with its value. */
    private static String add(String text, MappingNode map, List<String> path, String valueYaml) {
        int start = offset(text, map.getStartMark().getIndex());
        if (isFlow(text, start)) {
            int close = offset(text, map.getEndMark().getIndex()) - 1;
            while (close > start && text.charAt(close) != '}') {
                close--;
            }
            String entry = YamlEdit.flow(path, valueYaml);
            return text.substring(0, close) + (map.getValue().isEmpty() ? entry : ", " + entry) + text.substring(close);
        }
        int indent = map.getValue().isEmpty()
                ? 0
                : map.getValue().get(0).getKeyNode().getStartMark().getColumn();
        int after = lineEnd(text, offset(text, lastIndex(map)));
        String lines = block(path, indent, valueYaml);
        if (after >= text.length()) {
            return text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + lines + "\n";
        }
        return text.substring(0, after) + "\n" + lines + text.substring(after);
    }

    /** The end index of the last value under a node: where its last line's content ends. */
    private static int lastIndex(Node node) {
        if (node instanceof MappingNode m && !m.getValue().isEmpty()) {
            return lastIndex(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode s
                && !s.getValue().isEmpty()
                && s.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
            return lastIndex(s.getValue().get(s.getValue().size() - 1));
        }
        return node.getEndMark().getIndex();
    }

    /** {@code key: value}, or the mappings down to it, one per line, indented by {@code indent}. */
    private static String block(List<String> path, int indent, String valueYaml) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            sb.append(" ".repeat(indent + 2 * i)).append(key(path.get(i))).append(':');
            if (i < path.size() - 1) {
                sb.append('\n');
            } else {
                sb.append(' ').append(valueYaml);
            }
        }
        return sb.toString();
    }

    private static String flow(List<String> path, String valueYaml) {
        String value = valueYaml;
        for (int i = path.size() - 1; i > 0; i--) {
            value = "{" + key(path.get(i)) + ": " + value + "}";
        }
        return key(path.get(0)) + ": " + value;
    }

    /**
     * A text as a YAML scalar: as it is when YAML reads it back as the same text, else in double
     * quotes (a text that looks like a number or true/false, or holds {@code : } or {@code #}).
     */
    public static String scalar(String text) {
        if (PLAIN_SAFE.matcher(text).matches() && !LOOKS_TYPED.matcher(text).matches() && !text.endsWith(" ")) {
            return text;
        }
        return doubleQuoted(text, Integer.MAX_VALUE);
    }

    /**
     * A text in double quotes with YAML's escapes ({@code \"}, {@code \\}, {@code \n}...), cut
     * after {@code maxChars} characters with an ellipsis inside the quotes.
     */
    public static String doubleQuoted(String text, int maxChars) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            if (i == maxChars) {
                sb.append('…');
                break;
            }
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String key(String key) {
        return scalar(key);
    }

    private static boolean isFlow(String text, int start) {
        return start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[');
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units. */
    private static int offset(String text, int codePointIndex) {
        return text.offsetByCodePoints(0, Math.min(codePointIndex, text.codePointCount(0, text.length())));
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "single value";
    }
}
