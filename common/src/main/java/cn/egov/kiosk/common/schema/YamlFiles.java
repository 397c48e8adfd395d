package cn.egov.kiosk.common.schema;

import cn.egov.kiosk.common.schema.Problem.Kind;
import cn.egov.kiosk.common.yaml.YamlTree;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads a staff-edited YAML file against its declared schema: the file as UTF-8 text, the YAML, then
 * the values, every problem collected and thrown at once as the file kind's exception.
 */
public final class YamlFiles {
    private YamlFiles() {}

    /**
     * The text of {@code file}; a missing, unreadable or non-UTF-8 file is one {@link Kind#UNREADABLE}
     * problem.
     */
    public static <E extends ProblemsException> String readText(Path file, Function<List<Problem>, E> failure)
            throws E {
        if (Files.isDirectory(file)) {
            throw failure.apply(List.of(unreadable(file, "a readable YAML file", "a directory")));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure.apply(List.of(unreadable(
                    file,
                    "a readable YAML file",
                    "no such file (working directory " + Path.of("").toAbsolutePath() + ")")));
        } catch (AccessDeniedException e) {
            throw failure.apply(List.of(unreadable(file, "a readable YAML file", "no permission to read it")));
        } catch (IOException e) {
            throw failure.apply(List.of(
                    unreadable(file, "a readable YAML file", e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw failure.apply(List.of(
                    unreadable(file, "a text file in UTF-8", "bytes that are not UTF-8 (save the file as UTF-8)")));
        }
    }

    /**
     * Reads YAML text against {@code root}: a syntax error is the one problem; otherwise duplicate
     * keys, a second document, an empty file and every problem of the values are reported together.
     */
    public static <T, E extends ProblemsException> T read(
            String yaml, Schema<T> root, Reading r, Function<List<Problem>, E> failure) throws E {
        if (!yaml.isEmpty() && yaml.charAt(0) == '\uFEFF') {
            yaml = yaml.substring(1); // a byte-order mark, as some Windows editors write
        }
        YamlTree.Parsed parsed;
        try {
            parsed = YamlTree.parse(yaml);
        } catch (YamlTree.SyntaxError e) {
            throw failure.apply(List.of(new Problem(
                    r.file(),
                    e.line() > 0 ? OptionalInt.of(e.line()) : OptionalInt.empty(),
                    "",
                    Kind.SYNTAX,
                    "well-formed YAML (indent with spaces, a space after every colon, quotes closed)",
                    Optional.of(e.getMessage()))));
        }
        for (YamlTree.Duplicate d : parsed.duplicates()) {
            r.add(
                    d.path(),
                    d.line(),
                    Kind.DUPLICATE_KEY,
                    "each key once (first given at line " + d.firstLine() + ")",
                    null);
        }
        if (parsed.secondDocumentLine() > 0) {
            r.add("", parsed.secondDocumentLine(), Kind.INVALID, "one YAML document", "a second document (---)");
        }
        Node node = parsed.root();
        T value = null;
        if (Reading.isAbsent(node)) {
            r.add("", 0, Kind.INVALID, root.expected(), "an empty file");
        } else {
            try {
                value = root.read(node, "", r);
            } catch (Rejected bad) {
                // reported
            }
        }
        if (r.hasProblems() || value == null) {
            throw failure.apply(r.problems());
        }
        return value;
    }

    private static Problem unreadable(Path file, String expected, String found) {
        return new Problem(file, OptionalInt.empty(), "", Kind.UNREADABLE, expected, Optional.of(found));
    }
}
