package cn.egov.kiosk.common.schema;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing wrong with a file staff edit (the configuration, a print template): the one problem
 * type every declared {@link Schema} reports.
 *
 * @param file the file as it was given to the loader
 * @param line the 1-based line, when known (a missing key has none)
 * @param key the full key path, for example {@code devices.ticket-printer.options.columns},
 *     {@code queue.businessTypes[0].code} or {@code body[3].size}; empty for a problem with the
 *     whole file
 * @param kind what kind of problem; decides the wording of {@link #describe()}
 * @param expected what was expected, in words, for example {@code a whole number from 15 to 600}
 * @param found what was found, as shown in the message (text values in double quotes); empty when
 *     nothing was found, and never the staff PIN itself
 */
public record Problem(Path file, OptionalInt line, String key, Kind kind, String expected, Optional<String> found) {

    /** The kinds of problem, each with the words that start its description. */
    public enum Kind {
        /** A value of the wrong type or out of range. */
        INVALID(""),
        /** A required value is missing or empty. */
        REQUIRED("required, "),
        /** A key that is not part of the format (often a typing mistake). */
        UNKNOWN_KEY("unknown key; "),
        /**
         * A key the format had once and no longer has; {@code expected} says what to do instead (its
         * description: {@code FILE, line N: KEY: no longer a key; WHAT TO DO}).
         */
        REMOVED_KEY("no longer a key; "),
        /** A key given twice in the same mapping. */
        DUPLICATE_KEY("duplicate key; "),
        /** The file is not well-formed YAML; {@code found} is what the YAML parser said. */
        SYNTAX("YAML syntax error: "),
        /** The file is missing or cannot be read. */
        UNREADABLE("cannot read the file; ");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /**
     * One line: {@code FILE[, line N]: [KEY: ][kind words]expected WHAT[, found WHAT]} (a syntax
     * error: {@code FILE, line N: YAML syntax error: WHAT THE PARSER SAID; expected WHAT}), for
     * example
     * {@code config/demo.yaml, line 12: devices.ticket-printer.options.columns: expected a whole
     * number from 16 to 96, found "wide"}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(file.toString());
        line.ifPresent(n -> sb.append(", line ").append(n));
        sb.append(": ");
        if (!key.isEmpty()) {
            sb.append(key).append(": ");
        }
        if (kind == Kind.SYNTAX) {
            // The YAML parser's own words read best first: "YAML syntax error: mapping values are not
            // allowed here; expected well-formed YAML (...)".
            sb.append("YAML syntax error: ")
                    .append(found.orElse("?"))
                    .append("; expected ")
                    .append(expected);
            return sb.toString();
        }
        if (kind == Kind.REMOVED_KEY) {
            return sb.append(kind.prefix).append(expected).toString();
        }
        sb.append(kind.prefix).append("expected ").append(expected);
        found.ifPresent(f -> sb.append(", found ").append(f));
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
