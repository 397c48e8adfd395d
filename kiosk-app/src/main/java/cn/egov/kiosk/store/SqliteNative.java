package cn.egov.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Where SQLite's native library is loaded from. The driver alone copies it out of its jar into
 * the temporary folder at every start, under a new name: a megabyte written on each start, and
 * one left behind by each kiosk that did not exit cleanly (a power cut, a watchdog's kill; 172
 * were found in /tmp on a development machine). Here it is copied once per driver version into
 * the kiosk's cache ({@code $XDG_CACHE_HOME/kiosk/sqlite/VERSION/}, else {@code ~/.cache/...})
 * and loaded from there ({@code org.sqlite.lib.path}); a copy of the wrong size (cut short) is made
 * again. Where that cannot be done, or the library does not load from there, the driver does as it
 * always did.
 */
final class SqliteNative {
    private static final Logger log = LoggerFactory.getLogger(SqliteNative.class);
    private static final String LIBRARY = "libsqlitejdbc.so";

    private SqliteNative() {}

    /** Points the driver at the cached library (copied there first if need be), unless told otherwise. */
    static void useCache() {
        if (System.getProperty("org.sqlite.lib.path") != null
                || !System.getProperty("os.name", "").startsWith("Linux")) {
            return;
        }
        try {
            String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + LIBRARY;
            URL inJar = SqliteNative.class.getResource(resource);
            if (inJar == null) {
                return; // no library for this platform in the jar: the driver says so when it opens
            }
            long size = inJar.openConnection().getContentLengthLong();
            Path dir =
                    cacheRoot().resolve("sqlite").resolve(SQLiteJDBCLoader.getVersion() + "-" + OSInfo.getArchName());
            Path lib = dir.resolve(LIBRARY);
            // a copy cut short (a power cut as it was written) is not the library: made again
            if (!Files.isRegularFile(lib) || Files.size(lib) != size) {
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, LIBRARY, ".part");
                try {
                    try (InputStream in = inJar.openStream();
                            FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                        out.transferFrom(Channels.newChannel(in), 0, Long.MAX_VALUE);
                        out.force(true); // on disk before it takes the library's name
                    }
                    // another kiosk process may have put it there meanwhile: the same bytes either way
                    Files.move(partial, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", LIBRARY);
        } catch (IOException | RuntimeException e) {
            log.debug("SQLite's library stays with the driver's own copy: {}", e.toString());
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("kiosk");
    }
}
