package cn.egov.kiosk.print.template;

import java.text.ChoiceFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A text of a template with placeholders: {@code 受理编号：{acceptanceNo}}, {@code
 * {applicant.name|maskName}}, {@code {fee|money}}, {@code {issuedAt|date:yyyy-MM-dd}}, {@code
 * {ahead|choice:0#nobody|1#one person|1<{0} people}} (last, as it takes the rest). A brace written
 * twice ({@code {{}, {@code }}}) is a brace. Parsed once when the template loads.
 */
public final class Expr {

    /** One formatter applied to a placeholder's value: a name and an optional argument. */
    public record Call(String name, Optional<String> argument) {}

    /** A placeholder: the data path and its formatters, left to right. */
    public record Placeholder(String path, List<Call> calls) {
        public Placeholder {
            calls = List.copyOf(calls);
        }
    }

    private sealed interface Piece permits Literal, Hole {}

    private record Literal(String text) implements Piece {}

    private record Hole(Placeholder placeholder) implements Piece {}

    private final String source;
    private final List<Piece> pieces;

    private Expr(String source, List<Piece> pieces) {
        this.source = source;
        this.pieces = List.copyOf(pieces);
    }

    /** A text without placeholders. */
    public static Expr literal(String text) {
        return new Expr(text, List.of(new Literal(text)));
    }

    /**
     * Parses a text.
     *
     * @throws IllegalArgumentException with what is wrong (an unclosed brace, an empty placeholder,
     *     a path that is not {@code name(.name)*})
     */
    public static Expr parse(String source) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = closing(source, i);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            "a placeholder opened at character " + (i + 1) + " is not closed with }");
                }
                if (literal.length() > 0) {
                    pieces.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                pieces.add(new Hole(placeholder(source.substring(i + 1, end).trim())));
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException(
                        "a } at character " + (i + 1) + " closes no placeholder (write }} for a brace)");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0 || pieces.isEmpty()) {
            pieces.add(new Literal(literal.toString()));
        }
        return new Expr(source, pieces);
    }

    /** The brace that closes the placeholder opened at {@code open} (a choice's {0} nests inside). */
    private static int closing(String source, int open) {
        int depth = 0;
        for (int k = open; k < source.length(); k++) {
            char ch = source.charAt(k);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static Placeholder placeholder(String inside) {
        if (inside.isEmpty()) {
            throw new IllegalArgumentException("an empty placeholder {}");
        }
        // a choice takes the rest as its argument, bars and all: {n|choice:0#none|1#one|1<{0} many}
        int choice = inside.indexOf("|choice:");
        String choiceArg = null;
        if (choice >= 0) {
            choiceArg = inside.substring(choice + "|choice:".length());
            inside = inside.substring(0, choice) + "|choice";
        }
        String[] parts = inside.split("\\|", -1);
        String path = parts[0].trim();
        if (!Scope.validPath(path)) {
            throw new IllegalArgumentException("\"" + path + "\" is not a data path (names such as applicant.name)");
        }
        List<Call> calls = new ArrayList<>();
        for (int k = 1; k < parts.length; k++) {
            String call = parts[k].trim();
            int colon = call.indexOf(':');
            String name = colon < 0 ? call : call.substring(0, colon).trim();
            if (!Formatters.exists(name)) {
                throw new IllegalArgumentException(
                        "unknown formatter \"" + name + "\" (known: " + Formatters.names() + ")");
            }
            if (name.equals("choice")) {
                try {
                    new ChoiceFormat(choiceArg == null ? "" : choiceArg);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "choice:" + choiceArg + " is not a choice such as 0#none|1#one|1<{0} many");
                }
                calls.add(new Call(name, Optional.ofNullable(choiceArg)));
                continue;
            }
            calls.add(new Call(name, colon < 0 ? Optional.empty() : Optional.of(call.substring(colon + 1))));
        }
        return new Placeholder(path, calls);
    }

    /** The placeholders, in order. */
    public List<Placeholder> placeholders() {
        return pieces.stream()
                .filter(Hole.class::isInstance)
                .map(p -> ((Hole) p).placeholder())
                .toList();
    }

    /** Whether the text has no placeholder. */
    public boolean isLiteral() {
        return pieces.stream().noneMatch(Hole.class::isInstance);
    }

    /** The text with every placeholder replaced by its formatted value (empty when missing). */
    public String evaluate(Scope scope, Locale locale) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else if (p instanceof Hole h) {
                sb.append(Formatters.apply(h.placeholder(), scope, locale));
            }
        }
        return sb.toString();
    }

    /** As written in the template. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
