package cn.egov.kiosk.common.schema;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One key of a mapping, declared once: its name, what its value may be, whether it is required or
 * what it means when left out, what it is for (in Chinese and English) and an example. The key
 * tables of the READMEs and the JSON Schemas are made from these declarations; the staff screens
 * edit a file through them.
 *
 * @param <T> the value's type
 */
public final class Key<T> {
    private final String name;
    private final Schema<T> schema;
    private final boolean required;
    private final Function<Reading, Optional<T>> whenLeftOut;
    private final String defaultText;
    private final boolean defaultInWords;
    private final String zh;
    private final String en;
    private final String example;
    private final Fact<T> tells;

    private Key(
            String name,
            Schema<T> schema,
            boolean required,
            Function<Reading, Optional<T>> whenLeftOut,
            String defaultText,
            boolean defaultInWords,
            String zh,
            String en,
            String example,
            Fact<T> tells) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.required = required;
        this.whenLeftOut = whenLeftOut;
        this.defaultText = defaultText;
        this.defaultInWords = defaultInWords;
        this.zh = zh;
        this.en = en;
        this.example = example;
        this.tells = tells;
    }

    /** A key that must be given. */
    public static <T> Key<T> required(String name, Schema<T> schema) {
        return new Key<>(name, schema, true, r -> Optional.empty(), "", false, "", "", "", null);
    }

    /** A key that may be left out, meaning {@code defaultValue}. */
    public static <T> Key<T> optional(String name, Schema<T> schema, T defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        return new Key<>(
                name,
                schema,
                false,
                r -> Optional.of(defaultValue),
                schema.toYaml(defaultValue),
                false,
                "",
                "",
                "",
                null);
    }

    /** A key that may be left out, meaning nothing: its value is then empty. */
    public static <T> Key<Optional<T>> optional(String name, Schema<T> schema) {
        return new Key<>(
                name, schema.optional(), false, r -> Optional.of(Optional.empty()), "", false, "", "", "", null);
    }

    /** A section that may be left out, meaning every one of its keys' defaults. */
    public static <T> Key<T> defaults(String name, ObjectSchema<T> schema) {
        return new Key<>(
                name, schema, false, r -> Optional.of(schema.readDefaults(name, r)), "{}", false, "", "", "", null);
    }

    /**
     * A key whose default depends on the rest of the file, such as a path in the data folder: {@code
     * whenLeftOut} gives it, or empty when that part of the file was bad (and reported).
     */
    public static <T> Key<T> optional(
            String name, Schema<T> schema, Function<Reading, Optional<T>> whenLeftOut, String defaultInWords) {
        return new Key<>(name, schema, false, whenLeftOut, defaultInWords, true, "", "", "", null);
    }

    /** What the key is for, in Chinese and in English, for the tables and the JSON Schema. */
    public Key<T> doc(String chinese, String english) {
        return new Key<>(
                name, schema, required, whenLeftOut, defaultText, defaultInWords, chinese, english, example, tells);
    }

    /** An example value as written in the file. */
    public Key<T> example(String yaml) {
        return new Key<>(name, schema, required, whenLeftOut, defaultText, defaultInWords, zh, en, yaml, tells);
    }

    /** Once read, the value is told to the rest of the reading as {@code fact}. */
    public Key<T> tells(Fact<T> fact) {
        return new Key<>(name, schema, required, whenLeftOut, defaultText, defaultInWords, zh, en, example, fact);
    }

    public String name() {
        return name;
    }

    public Schema<T> schema() {
        return schema;
    }

    public boolean isRequired() {
        return required;
    }

    /** The default as written in the file (or in words); "" for a required key or one that means nothing. */
    public String defaultText() {
        return defaultText;
    }

    /** Whether {@link #defaultText()} is a value as written in the file (not words about one). */
    public boolean defaultIsValue() {
        return !required && !defaultText.isEmpty() && !defaultInWords;
    }

    public String chinese() {
        return zh;
    }

    public String english() {
        return en;
    }

    public String example() {
        return example;
    }

    Optional<T> whenLeftOut(Reading r) {
        return whenLeftOut.apply(r);
    }

    Fact<T> tells() {
        return tells;
    }

    @Override
    public String toString() {
        return name;
    }
}
