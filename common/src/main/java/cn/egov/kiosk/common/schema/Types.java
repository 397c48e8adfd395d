package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.yaml.YamlEdit;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The scalar types of the staff-edited files: numbers, true/false, texts, choices, paths. */
public final class Types {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Types() {}

    /** Reads a scalar's text (never null) into a value; reports and throws {@link Rejected} when bad. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text, Node node, String path, Reading r);
    }

    /** A scalar: a single value, not a mapping or a list; anything else is reported as such. */
    public static <T> Schema<T> scalar(
            String expected, ObjectNode jsonSchema, Parser<T> parser, Function<T, String> toYaml) {
        Objects.requireNonNull(expected, "expected");
        return new Schema<>() {
            @Override
            public T read(Node node, String path, Reading r) {
                String text = Reading.text(node);
                if (text == null) {
                    throw r.invalid(path, node, expected, Reading.describe(node));
                }
                return parser.parse(text, node, path, r);
            }

            @Override
            public String expected() {
                return expected;
            }

            @Override
            public ObjectNode jsonSchema() {
                return jsonSchema.deepCopy();
            }

            @Override
            public String toYaml(T value) {
                return toYaml.apply(value);
            }
        };
    }

    /** A whole number from {@code min} to {@code max}, in decimal. */
    public static Schema<Integer> wholeNumber(int min, int max) {
        return wholeNumber(min, max, "");
    }

    /** A whole number from {@code min} to {@code max}; {@code why} is added to the expected words. */
    public static Schema<Integer> wholeNumber(int min, int max, String why) {
        String expected = "a whole number from " + min + " to " + max + why;
        ObjectNode json =
                JSON.objectNode().put("type", "integer").put("minimum", min).put("maximum", max);
        return scalar(
                expected,
                json,
                (text, node, path, r) -> {
                    if (WHOLE_NUMBER.matcher(text).matches()) {
                        try {
                            long value = Long.parseLong(text);
                            if (value >= min && value <= max) {
                                return (int) value;
                            }
                        } catch (NumberFormatException e) {
                            // far too many digits: reported below
                        }
                    }
                    throw r.invalid(path, node, expected, Reading.describe(node));
                },
                String::valueOf);
    }

    /** A number, with decimals, from {@code min} to {@code max}: {@code 12} or {@code 12.5}. */
    public static Schema<Double> number(double min, double max) {
        String expected = "a number from " + plain(min) + " to " + plain(max);
        ObjectNode json =
                JSON.objectNode().put("type", "number").put("minimum", min).put("maximum", max);
        return scalar(
                expected,
                json,
                (text, node, path, r) -> {
                    if (DECIMAL.matcher(text).matches()) {
                        double value = Double.parseDouble(text);
                        if (value >= min && value <= max) {
                            return value;
                        }
                    }
                    throw r.invalid(path, node, expected, Reading.describe(node));
                },
                Types::plain);
    }

    /** {@code true} or {@code false}, in any case; {@code yes}, {@code on} and the like are refused. */
    public static Schema<Boolean> bool() {
        String expected = "true or false";
        return scalar(
                expected,
                JSON.objectNode().put("type", "boolean"),
                (text, node, path, r) -> {
                    if ("true".equalsIgnoreCase(text)) {
                        return true;
                    }
                    if ("false".equalsIgnoreCase(text)) {
                        return false;
                    }
                    throw r.invalid(path, node, expected, Reading.describe(node));
                },
                String::valueOf);
    }

    /** Any text. */
    public static Schema<String> text(String expected) {
        return scalar(
                expected, JSON.objectNode().put("type", "string"), (text, node, path, r) -> text, YamlEdit::scalar);
    }

    /** A text that matches {@code pattern} as a whole. */
    public static Schema<String> text(Pattern pattern, String expected) {
        ObjectNode json =
                JSON.objectNode().put("type", "string").put("pattern", JsonSchemas.anchored(pattern.pattern()));
        return scalar(
                expected,
                json,
                (text, node, path, r) -> {
                    if (!pattern.matcher(text).matches()) {
                        throw r.invalid(path, node, expected, Reading.quote(text));
                    }
                    return text;
                },
                YamlEdit::scalar);
    }

    /** One of the given words: {@code one of [standard, elderly]}. */
    public static Schema<String> oneOf(List<String> words) {
        return oneOf(words, "one of " + words);
    }

    /** One of the given words, with other expected words. */
    public static Schema<String> oneOf(List<String> words, String expected) {
        List<String> copy = List.copyOf(words);
        ObjectNode json = JSON.objectNode().put("type", "string");
        copy.forEach(json.putArray("enum")::add);
        return scalar(
                expected,
                json,
                (text, node, path, r) -> {
                    if (!copy.contains(text)) {
                        throw r.invalid(path, node, expected, Reading.quote(text));
                    }
                    return text;
                },
                YamlEdit::scalar);
    }

    /** A constant of an enum, written as {@code name} gives it. */
    public static <E extends Enum<E>> Schema<E> oneOf(Class<E> type, Function<E, String> name) {
        List<String> words = Arrays.stream(type.getEnumConstants()).map(name).toList();
        return oneOf(words).map(w -> type.getEnumConstants()[words.indexOf(w)], name);
    }

    /**
     * A path, absolute or relative to the folder of the file; held absolute and normalized. {@code ~}
     * is not expanded, so it is refused.
     */
    public static Schema<Path> path() {
        String expected = "a path, absolute or relative to the directory of this file";
        return scalar(
                expected,
                JSON.objectNode().put("type", "string"),
                (text, node, path, r) -> {
                    if (text.startsWith("~")) {
                        throw r.invalid(path, node, expected + " (~ is not expanded)", Reading.quote(text));
                    }
                    try {
                        Path p = Path.of(text);
                        if (!p.isAbsolute()) {
                            p = r.folder().resolve(p);
                        }
                        return p.toAbsolutePath().normalize();
                    } catch (InvalidPathException e) {
                        throw r.invalid(path, node, expected, Reading.quote(text) + " (" + e.getReason() + ")");
                    }
                },
                p -> YamlEdit.scalar(p.toString()));
    }

    /** 12 for 12.0, 12.5 for 12.5. */
    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
