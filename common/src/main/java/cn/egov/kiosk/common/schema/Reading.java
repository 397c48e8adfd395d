package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.schema.Problem.Kind;
import cn.egov.kiosk.common.yaml.YamlEdit;
import cn.egov.kiosk.common.yaml.YamlTree.Entry;
import cn.egov.kiosk.common.yaml.YamlTree.ListNode;
import cn.egov.kiosk.common.yaml.YamlTree.MapNode;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import cn.egov.kiosk.common.yaml.YamlTree.ScalarNode;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One reading of one file against a {@link Schema}: the file (for messages and relative paths),
 * the problems found so far, and the {@link Fact}s its parts tell each other.
 */
public final class Reading {
    private static final int MAX_SHOWN = 60;

    private final Path file;
    private final boolean missingKeyAtItsMapping;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Fact<?>, Object> facts = new HashMap<>();

    private Reading(Path file, boolean missingKeyAtItsMapping) {
        this.file = Objects.requireNonNull(file, "file");
        this.missingKeyAtItsMapping = missingKeyAtItsMapping;
    }

    /** A reading whose missing keys are reported without a line (the configuration's way). */
    public static Reading of(Path file) {
        return new Reading(file, false);
    }

    /**
     * A reading whose missing keys are reported at the line of the mapping that lacks them (the
     * templates' way: a block of a long body is found by its line).
     */
    public static Reading missingKeysAtTheirMapping(Path file) {
        return new Reading(file, true);
    }

    public Path file() {
        return file;
    }

    /** The folder relative paths in the file resolve against. */
    public Path folder() {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public <T> Reading with(Fact<T> fact, T value) {
        facts.put(fact, Objects.requireNonNull(value, fact.name()));
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> fact(Fact<T> fact) {
        return Optional.ofNullable((T) facts.get(fact));
    }

    /** A fact the reader must have been given; a bug if not. */
    public <T> T required(Fact<T> fact) {
        return fact(fact).orElseThrow(() -> new IllegalStateException("the reading was not given " + fact.name()));
    }

    // ---- reporting ----

    /** Reports a value of the wrong type or out of range, and returns the rejection to throw. */
    public Rejected invalid(String path, Node at, String expected, String found) {
        add(path, at == null ? 0 : at.line(), Kind.INVALID, expected, found);
        return Rejected.INSTANCE;
    }

    /** Reports a required value that is missing (no node, or the mapping that lacks it) or empty. */
    public Rejected required(String path, Node at, MapNode parent, String expected) {
        int line = at != null ? at.line() : missingKeyAtItsMapping && parent != null ? parent.line() : 0;
        add(path, line, Kind.REQUIRED, expected, null);
        return Rejected.INSTANCE;
    }

    /** Reports the keys of {@code map} that are not in {@code known}; whether there were any. */
    public boolean unknownKeys(MapNode map, String path, List<String> known) {
        boolean any = false;
        for (Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                add(join(path, e.key()), e.keyLine(), Kind.UNKNOWN_KEY, "one of " + known, null);
                any = true;
            }
        }
        return any;
    }

    /** Adds a problem; {@code line} 0 when there is none, {@code found} null when nothing was found. */
    public void add(String path, int line, Kind kind, String expected, String found) {
        problems.add(new Problem(
                file,
                line > 0 ? OptionalInt.of(line) : OptionalInt.empty(),
                path,
                kind,
                expected,
                Optional.ofNullable(found)));
    }

    /** The rejection to throw when the problems were reported already. */
    public static Rejected rejected() {
        return Rejected.INSTANCE;
    }

    // ---- nodes ----

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Null, {@code ~}, or an empty value such as {@code hotline:}. */
    public static boolean isAbsent(Node node) {
        return node == null || node instanceof ScalarNode sc && sc.isAbsent();
    }

    /** The text of a scalar as written (numbers and true/false too); null for anything else. */
    public static String text(Node node) {
        if (node instanceof ScalarNode sc && !sc.alias()) {
            return sc.token() == JsonToken.VALUE_NULL ? null : sc.text();
        }
        return null;
    }

    /** What a node is, for "found ...". */
    public static String describe(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        ScalarNode sc = (ScalarNode) node;
        if (sc.alias()) {
            return "the alias *" + sc.text() + " (anchors and aliases are not supported)";
        }
        if (sc.isAbsent()) {
            return "nothing";
        }
        return quote(sc.text());
    }

    /** A value as shown in a message: in double quotes, escaped, at most 60 characters. */
    public static String quote(String text) {
        return YamlEdit.doubleQuoted(text, MAX_SHOWN);
    }
}
