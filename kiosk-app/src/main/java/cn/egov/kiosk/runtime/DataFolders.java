package cn.egov.kiosk.runtime;

import cn.egov.kiosk.config.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the kiosk's data folders readable by the kiosk's user only (0700): the store, the logs,
 * the device statistics and the control socket live there. Existing folders are tightened too.
 */
final class DataFolders {
    private DataFolders() {}

    static void prepare(Storage storage) {
        for (Path dir : new Path[] {storage.dataDir(), storage.database().getParent()}) {
            if (dir == null) {
                continue;
            }
            try {
                Files.createDirectories(dir);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the data folder " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
