package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.yaml.YamlEdit;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;

/**
 * Changes one value of a configuration file through its declaration, as the staff screens do:
 * the new text is checked as a whole (the same {@link ConfigLoader} the kiosk starts with) before
 * anything is written, then replaces the file atomically. Every comment, blank line and other
 * value of the file stays as it was ({@link YamlEdit}).
 */
public final class ConfigEditor {
    private ConfigEditor() {}

    /**
     * Sets {@code key} of the mapping at {@code mapping} ({@code "session"}, {@code
     * "devices.ticket-printer.options"}) to {@code value}.
     *
     * @return the configuration as it now is
     * @throws ConfigException when the file with the new value would not load (the file is left as it was)
     */
    public static <T> KioskConfig set(Path file, String mapping, Key<T> key, T value)
            throws ConfigException, IOException {
        return set(
                file,
                mapping.isEmpty() ? key.name() : mapping + "." + key.name(),
                key.schema().toYaml(value));
    }

    /**
     * Sets the value at {@code keyPath} (dotted, such as {@code session.inactivityTimeoutSeconds}) to
     * {@code valueYaml}, a value as written in YAML.
     *
     * @throws ConfigException when the file with the new value would not load (the file is left as it was)
     * @throws IOException when the file cannot be read or written, or the key path cannot be edited
     */
    public static KioskConfig set(Path file, String keyPath, String valueYaml) throws ConfigException, IOException {
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after;
        try {
            after = YamlEdit.set(before, List.of(keyPath.split("\\.")), valueYaml);
        } catch (YamlEdit.EditException e) {
            throw new IOException(file + ": " + keyPath + " cannot be edited: " + e.getMessage(), e);
        }
        KioskConfig checked = ConfigLoader.parse(after, file);
        replace(file, after);
        return checked;
    }

    /** Writes beside the file, syncs, and moves over it, keeping the file's permissions. */
    private static void replace(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(text));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
