package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.yaml.YamlEdit;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Changes values of a configuration file through their declarations, as the staff screens do:
 * the new text is checked as a whole (the same {@link ConfigLoader} the kiosk starts with) before
 * anything is written, then replaces the file atomically: written beside it, synced, moved over it,
 * and the directory synced, so that a power cut or a kill at any moment leaves the old file or the
 * new one. A temporary file a kill left behind is removed at the next save. Every comment, blank
 * line and other value of the file stays as it was ({@link YamlEdit}).
 */
public final class ConfigEditor {
    /** One save at a time in this process: each reads the file the one before it wrote. */
    private static final ReentrantLock SAVING = new ReentrantLock();

    private ConfigEditor() {}

    /** A change of the file's text: a value set, or a key removed. */
    public sealed interface Change permits Put, Remove {
        /** The dotted key path, such as {@code session.inactivityTimeoutSeconds}. */
        String keyPath();
    }

    /** Sets the value at {@code keyPath} to {@code valueYaml}, a value as written in YAML (added if missing). */
    public record Put(String keyPath, String valueYaml) implements Change {
        public Put {
            Objects.requireNonNull(keyPath, "keyPath");
            Objects.requireNonNull(valueYaml, "valueYaml");
        }

        /** {@code key} of the mapping at {@code mapping} set to {@code value}, written by its declaration. */
        public static <T> Put of(String mapping, Key<T> key, T value) {
            return new Put(
                    mapping.isEmpty() ? key.name() : mapping + "." + key.name(),
                    key.schema().toYaml(value));
        }
    }

    /** Removes the key at {@code keyPath} with its value (nothing when it is not there). */
    public record Remove(String keyPath) implements Change {
        public Remove {
            Objects.requireNonNull(keyPath, "keyPath");
        }
    }

    /**
     * Sets {@code key} of the mapping at {@code mapping} ({@code "session"}, {@code
     * "devices.ticket-printer.options"}) to {@code value}.
     *
     * @return the configuration as it now is
     * @throws ConfigException when the file with the new value would not load (the file is left as it was)
     */
    public static <T> KioskConfig set(Path file, String mapping, Key<T> key, T value)
            throws ConfigException, IOException {
        return apply(file, List.of(Put.of(mapping, key, value)));
    }

    /**
     * Sets the value at {@code keyPath} (dotted, such as {@code session.inactivityTimeoutSeconds}) to
     * {@code valueYaml}, a value as written in YAML.
     *
     * @throws ConfigException when the file with the new value would not load (the file is left as it was)
     * @throws IOException when the file cannot be read or written, or the key path cannot be edited
     */
    public static KioskConfig set(Path file, String keyPath, String valueYaml) throws ConfigException, IOException {
        return apply(file, List.of(new Put(keyPath, valueYaml)));
    }

    /**
     * Makes the changes, in order, checks the result as a whole and only then replaces the file.
     *
     * @return the configuration as it now is
     * @throws ConfigException when the file with the changes would not load (the file is left as it was)
     * @throws IOException when the file cannot be read or written, or a key path cannot be edited
     */
    public static KioskConfig apply(Path file, List<? extends Change> changes) throws ConfigException, IOException {
        SAVING.lock();
        try {
            Edited edited = edit(file, changes);
            replace(file, edited.text());
            return edited.config();
        } finally {
            SAVING.unlock();
        }
    }

    /**
     * The configuration the changes would make, checked as a whole, without writing anything (a
     * device tested with settings not yet saved).
     */
    public static KioskConfig check(Path file, List<? extends Change> changes) throws ConfigException, IOException {
        return edit(file, changes).config();
    }

    /** The text with the changes made, and the configuration it loads into. */
    public record Edited(String text, KioskConfig config) {}

    /** The text with the changes made, checked; nothing is written. */
    public static Edited edit(Path file, List<? extends Change> changes) throws ConfigException, IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (Change c : changes) {
            List<String> path = List.of(c.keyPath().split("\\."));
            try {
                if (c instanceof Put s) {
                    text = YamlEdit.set(text, path, s.valueYaml());
                } else {
                    text = YamlEdit.remove(text, path);
                }
            } catch (YamlEdit.EditException e) {
                throw new IOException(file + ": " + c.keyPath() + " cannot be edited: " + e.getMessage(), e);
            }
        }
        return new Edited(text, ConfigLoader.parse(text, file));
    }

    /**
     * Writes beside the file, syncs, and moves over it, keeping the file's permissions; then syncs the
     * directory, so that the move itself survives a power cut.
     */
    private static void replace(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = "." + file.getFileName() + ".";
        removeLeftovers(dir, prefix);
        Path temp = Files.createTempFile(dir, prefix, ".tmp");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                var bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files of saves that a kill or a power cut interrupted: never the configuration. */
    private static void removeLeftovers(Path dir, String prefix) throws IOException {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".tmp");
        })) {
            for (Path p : found) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** fsync of the directory (Linux allows it on a directory opened for reading); elsewhere nothing. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform opens a directory: the move is atomic there, if perhaps not yet durable
        }
    }
}
