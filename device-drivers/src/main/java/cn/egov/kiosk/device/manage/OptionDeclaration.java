package cn.egov.kiosk.device.manage;

import java.util.List;
import java.util.Objects;

/**
 * One option a driver reads, as {@link OptionReader} saw it asked: its name, kind, default (as
 * written in configuration) and what it accepts. A settings screen lists a driver's options from
 * these and edits each with the right control.
 *
 * @param min the least value of a number ({@link Kind#INTEGER}, {@link Kind#MILLIS}), else 0
 * @param max the greatest value of a number, else 0
 * @param allowed the values a {@link Kind#CHOICE} or {@link Kind#BOOL} takes, written exactly so; else empty
 * @param pattern the regular expression a {@link Kind#TEXT} matches as a whole; else empty
 * @param expected what a {@link Kind#TEXT} must be, in the driver's words; else empty
 */
public record OptionDeclaration(
        String name,
        Kind kind,
        String defaultValue,
        long min,
        long max,
        List<String> allowed,
        String pattern,
        String expected) {

    /** How the value is written and edited. */
    public enum Kind {
        /** A whole number in a range. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOL,
        /** One of a list of values. */
        CHOICE,
        /** Text matching a pattern. */
        TEXT,
        /** A duration in milliseconds, a whole number in a range. */
        MILLIS
    }

    public OptionDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(expected, "expected");
    }

    /** Whether the driver takes {@code text} for this option (as {@link OptionReader} reads it). */
    public boolean accepts(String text) {
        String t = text.trim();
        switch (kind) {
            case INTEGER:
            case MILLIS:
                try {
                    long v = Integer.parseInt(t);
                    return v >= min && v <= max;
                } catch (NumberFormatException e) {
                    return false;
                }
            case BOOL:
            case CHOICE:
                return allowed.contains(t);
            case TEXT:
                return t.matches(pattern);
            default:
                return false;
        }
    }

    /** Whether {@code text} is this option's default as written (a value the configuration need not hold). */
    public boolean isDefault(String text) {
        return text.trim().equals(defaultValue);
    }
}
