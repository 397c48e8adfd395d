package cn.egov.kiosk.device.manage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a driver's options with their defaults and ranges, collecting a {@link SpecProblem} for
 * every bad or unknown one. Drivers use the same reader to validate and to build, so that the two
 * cannot disagree.
 */
public final class OptionReader {
    private final Map<String, String> options;
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private final Map<String, OptionDeclaration> declared = new LinkedHashMap<>();

    public OptionReader(Map<String, String> options) {
        this.options = options;
    }

    /**
     * The options {@code read} asks for, in its order: it is run over no options at all (each read
     * gives its default), as a driver's {@code Options.read} is.
     */
    public static List<OptionDeclaration> declarations(Consumer<OptionReader> read) {
        OptionReader r = new OptionReader(Map.of());
        read.accept(r);
        return r.declarations();
    }

    public int integer(String name, int defaultValue, int min, int max) {
        declare(new OptionDeclaration(
                name, OptionDeclaration.Kind.INTEGER, Integer.toString(defaultValue), min, max, List.of(), "", ""));
        return readInteger(name, defaultValue, min, max);
    }

    private int readInteger(String name, int defaultValue, int min, int max) {
        known.add(name);
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(new SpecProblem("options." + name, "a whole number from " + min + " to " + max, text));
            return defaultValue;
        }
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String name, boolean defaultValue) {
        declare(new OptionDeclaration(
                name,
                OptionDeclaration.Kind.BOOL,
                Boolean.toString(defaultValue),
                0,
                0,
                List.of("true", "false"),
                "",
                ""));
        known.add(name);
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        switch (text.trim()) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problems.add(new SpecProblem("options." + name, "true or false", text));
                return defaultValue;
        }
    }

    /** One of {@code allowed}, written exactly so. */
    public String oneOf(String name, String defaultValue, List<String> allowed) {
        declare(new OptionDeclaration(name, OptionDeclaration.Kind.CHOICE, defaultValue, 0, 0, allowed, "", ""));
        known.add(name);
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        if (allowed.contains(text.trim())) {
            return text.trim();
        }
        problems.add(new SpecProblem("options." + name, "one of " + allowed, text));
        return defaultValue;
    }

    /** Text matching {@code pattern} (a regular expression over the whole value); {@code expected} says what in words. */
    public String text(String name, String defaultValue, String pattern, String expected) {
        declare(new OptionDeclaration(
                name, OptionDeclaration.Kind.TEXT, defaultValue, 0, 0, List.of(), pattern, expected));
        known.add(name);
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        if (text.trim().matches(pattern)) {
            return text.trim();
        }
        problems.add(new SpecProblem("options." + name, expected, text));
        return defaultValue;
    }

    public Duration millis(String name, Duration defaultValue, long min, long max) {
        declare(new OptionDeclaration(
                name,
                OptionDeclaration.Kind.MILLIS,
                Long.toString(defaultValue.toMillis()),
                min,
                max,
                List.of(),
                "",
                ""));
        return Duration.ofMillis(readInteger(name, (int) defaultValue.toMillis(), (int) min, (int) max));
    }

    private void declare(OptionDeclaration d) {
        declared.putIfAbsent(d.name(), d);
    }

    /** Every option asked for so far, in the order first asked. */
    public List<OptionDeclaration> declarations() {
        return List.copyOf(declared.values());
    }

    /** Problems so far, plus one per option nobody asked for. */
    public List<SpecProblem> problems() {
        List<SpecProblem> all = new ArrayList<>(problems);
        options.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .forEach(k -> all.add(new SpecProblem(
                        "options." + k, "one of " + known.stream().sorted().toList(), k)));
        return all;
    }
}
