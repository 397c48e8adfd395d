package cn.egov.kiosk.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio of the kiosk's fixed prompts, made once and kept as WAV files in a folder ({@code
 * <dataDir>/speech-cache}, {@link #folderOf}), so that a prompt said again, even after a restart,
 * costs a file read instead of a synthesis. A file is named by the SHA-256 of the engine's id, the
 * voice, the locale and the text: another engine, version or voice makes new files. A file that
 * is not a whole WAV (a crash while writing, a damaged disk) is made again. The folder is kept
 * under {@code maxBytes}, the least recently used files going first.
 *
 * <p>Texts with personal data (a masked name, a number) go through {@link #uncached}: made in
 * memory, never written. Calls block (files, the engine): never on the JavaFX thread. Safe for
 * concurrent use (files are replaced atomically).
 */
public final class PromptCache {
    public static final String FOLDER = "speech-cache";
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private static final Logger log = LoggerFactory.getLogger(PromptCache.class);

    private final SpeechEngine engine;
    private final Path folder;
    private final long maxBytes;
    private boolean warnedUnwritable;

    public PromptCache(SpeechEngine engine, Path folder) {
        this(engine, folder, DEFAULT_MAX_BYTES);
    }

    public PromptCache(SpeechEngine engine, Path folder, long maxBytes) {
        this.engine = engine;
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** The cache's folder in a kiosk's data folder ({@code config.storage().dataDir()}). */
    public static Path folderOf(Path dataDir) {
        return dataDir.resolve(FOLDER);
    }

    public SpeechEngine engine() {
        return engine;
    }

    public Path folder() {
        return folder;
    }

    /**
     * A fixed prompt's audio: the cached file when there is a good one, else synthesised and
     * cached. A folder that cannot be written leaves the audio uncached (logged once), not unsaid.
     */
    public byte[] wav(String text, Locale locale) throws SpeechException {
        Path file = fileOf(text, locale);
        if (Files.isRegularFile(file)) {
            try {
                byte[] cached = Files.readAllBytes(file);
                Wav.parse(cached); // a damaged file throws, and is made again below
                touch(file);
                return cached;
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Speech cache: {} is damaged ({}); making it again", file.getFileName(), e.getMessage());
            }
        }
        byte[] wav = engine.synthesize(text, locale);
        store(file, wav);
        return wav;
    }

    /** Audio of a text with personal data: synthesised in memory, never written to disk. */
    public byte[] uncached(String text, Locale locale) throws SpeechException {
        return engine.synthesize(text, locale);
    }

    /** The file a prompt's audio is cached in (which may not exist yet). */
    Path fileOf(String text, Locale locale) {
        String key = String.join("\n", engine.id(), engine.voice(locale), locale.toLanguageTag(), text);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash) + ".wav");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private void store(Path file, byte[] wav) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            }
            Path tmp = Files.createTempFile(folder, "prompt", ".tmp");
            try {
                Files.write(tmp, wav);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            trim();
        } catch (IOException e) {
            synchronized (this) {
                if (!warnedUnwritable) {
                    warnedUnwritable = true;
                    log.warn(
                            "Speech cache: cannot write in {} ({}); prompts are synthesised each time",
                            folder,
                            e.toString());
                }
            }
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the order of eviction suffers
        }
    }

    /** Deletes the least recently used files while the folder holds more than {@code maxBytes}. */
    private void trim() throws IOException {
        record Cached(Path path, long size, FileTime used) {}
        List<Cached> files = new ArrayList<>();
        long total = 0;
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".wav")).toList()) {
                try {
                    Cached c = new Cached(p, Files.size(p), Files.getLastModifiedTime(p));
                    files.add(c);
                    total += c.size();
                } catch (NoSuchFileException e) {
                    // trimmed by another thread
                }
            }
        }
        if (total <= maxBytes) {
            return;
        }
        files.sort(Comparator.comparing(Cached::used));
        for (Cached c : files) {
            if (total <= maxBytes) {
                break;
            }
            Files.deleteIfExists(c.path());
            total -= c.size();
        }
    }
}
