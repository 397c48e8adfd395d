package cn.egov.kiosk.common.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read token by token into a small tree that remembers the line of every key and
 * value, which Jackson's {@code JsonNode} does not. Duplicate keys are reported, not overwritten.
 * Shared by the files staff edit: the configuration and the print templates.
 */
public final class YamlTree {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTree() {}

    /** A node of the tree; {@code line} is 1-based. */
    public sealed interface Node permits MapNode, ListNode, ScalarNode {
        int line();
    }

    /** A key of a mapping, the line the key is on, and its value. */
    public record Entry(String key, int keyLine, Node value) {}

    public record MapNode(int line, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    public record ListNode(int line, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar with its token type (which tells a quoted {@code "0123"}, a {@code VALUE_STRING}, from
     * an unquoted {@code 0123}, a {@code VALUE_NUMBER_INT}) and its text as written. An alias
     * ({@code *name}) is a scalar with {@code alias} set: aliases are not supported.
     */
    public record ScalarNode(int line, JsonToken token, String text, boolean alias) implements Node {
        /** Null, {@code ~}, or an empty value such as {@code hotline:}. */
        public boolean isAbsent() {
            return !alias && (token == JsonToken.VALUE_NULL || text == null || text.isEmpty());
        }
    }

    /** A syntax error: the line and what the YAML parser said. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The 1-based line of the problem; 0 when unknown. */
        public int line() {
            return line;
        }
    }

    /** What {@link #parse} found: the root (null for an empty document) and the duplicate keys. */
    public record Parsed(Node root, int secondDocumentLine, List<Duplicate> duplicates) {}

    /** A key given twice in one mapping. */
    public record Duplicate(String path, int line, int firstLine) {}

    public static Parsed parse(String yaml) throws SyntaxError {
        List<Duplicate> duplicates = new ArrayList<>();
        try (YAMLParser p = FACTORY.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Parsed(null, 0, duplicates);
            }
            Node root = read(p, "", duplicates);
            int second = 0;
            if (p.nextToken() != null) {
                second = line(p);
            }
            return new Parsed(root, second, duplicates);
        } catch (StreamReadException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            // Reading from a String: only a parse problem can get here.
            throw new SyntaxError(
                    0, String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"));
        }
    }

    private static Node read(YAMLParser p, String path, List<Duplicate> duplicates) throws IOException {
        JsonToken token = p.currentToken();
        int line = line(p);
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                p.nextToken();
                String childPath = path.isEmpty() ? key : path + "." + key;
                Node value = read(p, childPath, duplicates);
                Entry earlier = entries.get(key);
                if (earlier != null) {
                    duplicates.add(new Duplicate(childPath, keyLine, earlier.keyLine()));
                } else {
                    entries.put(key, new Entry(key, keyLine, value));
                }
            }
            return new MapNode(line, entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, path + "[" + items.size() + "]", duplicates));
            }
            return new ListNode(line, items);
        }
        return new ScalarNode(line, token, p.getText(), p.isCurrentAlias());
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /**
     * The SnakeYAML exception under Jackson's has the line of the problem itself; Jackson's own
     * location is sometimes that of the enclosing block instead.
     */
    private static SyntaxError syntaxError(StreamReadException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            StringBuilder text = new StringBuilder(oneLine(m.getProblem()));
            if (m.getContext() != null) {
                text.append(" (").append(oneLine(m.getContext()));
                if (m.getContextMark() != null) {
                    text.append(" that starts at line ")
                            .append(m.getContextMark().getLine() + 1);
                }
                text.append(')');
            }
            return new SyntaxError(m.getProblemMark().getLine() + 1, text.toString());
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return new SyntaxError(line, oneLine(message.lines().findFirst().orElse(message)));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
