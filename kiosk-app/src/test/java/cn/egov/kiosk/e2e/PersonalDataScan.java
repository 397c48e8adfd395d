package cn.egov.kiosk.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Looks for personal data in bytes and files: each secret in UTF-8, UTF-16LE (UCS-2), UTF-16BE and
 * GB18030, at any offset; in a PDF, in its extracted text too (a PDF's text is compressed and
 * encoded by font, so its bytes alone would never show a name). Findings name the secret by what
 * it is ("the full name"), never by its value.
 */
final class PersonalDataScan {
    static final List<Charset> ENCODINGS = List.of(
            StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("GB18030"));

    /** The secrets, each with what it is. */
    private final Map<String, String> secrets;

    PersonalDataScan(Map<String, String> secrets) {
        this.secrets = new LinkedHashMap<>(secrets);
    }

    /** Regular files under a folder (links not followed; folders that cannot be read are skipped). */
    static Set<Path> regularFiles(Path root) {
        Set<Path> files = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** What a file holds (nothing for a file gone meanwhile or not ours to read). */
    List<String> scan(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 256L * 1024 * 1024) {
                return List.of();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of();
        }
        List<String> found = new ArrayList<>(findings(file.toString(), bytes));
        if (bytes.length > 4 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            found.addAll(pdfText(file.toString(), bytes));
        }
        return found;
    }

    /** Where the bytes hold a secret in one of the {@link #ENCODINGS}. */
    List<String> findings(String where, byte[] bytes) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            for (Charset cs : ENCODINGS) {
                if (indexOf(bytes, secret.getKey().getBytes(cs)) >= 0) {
                    found.add(where + " holds " + secret.getValue() + " in " + cs);
                }
            }
        }
        return found;
    }

    /** What a PDF's text shows. */
    List<String> pdfText(String where, byte[] pdf) {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            return List.of(); // not a PDF after all, or a broken one: its bytes were searched
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            if (text.replaceAll("\\s", "").contains(secret.getKey())) {
                found.add(where + " is a PDF whose text shows " + secret.getValue());
            }
        }
        return found;
    }

    /** What the secret is, for a report that must not hold it. */
    String describe(String secret) {
        return secrets.get(secret);
    }

    /** The line with every secret replaced by what it is. */
    String mask(String line) {
        String masked = line;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            masked = masked.replace(secret.getKey(), "<" + secret.getValue() + ">");
        }
        return masked;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
