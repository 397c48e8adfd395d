package cn.egov.kiosk.common.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of the repository made from declarations (a README's key tables, a JSON Schema): the tests
 * compare it with what the declarations make now and fail when it is stale; run them with {@code
 * -Dkiosk.regenerate=true} (scripts/regenerate-docs) to write it afresh instead.
 */
public final class GeneratedFile {
    /** The system property that makes the tests write the files instead of comparing them. */
    public static final String REGENERATE = "kiosk.regenerate";

    private GeneratedFile() {}

    /**
     * Empty when {@code file} holds {@code expected} (or was just written with it); else what to do.
     */
    public static String check(Path file, String expected) {
        try {
            if (Boolean.getBoolean(REGENERATE)) {
                if (!Files.exists(file)
                        || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                    Files.writeString(file, expected, StandardCharsets.UTF_8);
                }
                return "";
            }
            if (Files.exists(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                return "";
            }
            return file + " is not what the declarations make: run scripts/regenerate-docs and commit the change";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
