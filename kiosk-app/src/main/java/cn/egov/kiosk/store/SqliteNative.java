package cn.egov.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where SQLite's native library is loaded from. The driver alone copies it out of its jar into
 * the temporary folder at every start, under a new name: a megabyte written on each start, and
 * one left behind by each kiosk that did not exit cleanly (a power cut, a watchdog's kill; 172
 * were found in /tmp on a development machine). Here it is copied once per driver version into
 * the kiosk's cache ({@code $XDG_CACHE_HOME/kiosk/sqlite/VERSION/}, else {@code ~/.cache/...})
 * and loaded from there ({@code org.sqlite.lib.path}). Where that cannot be done, the driver does
 * as it always did.
 */
final class SqliteNative {
  private static final Logger log = LoggerFactory.getLogger(SqliteNative.class);
  private static final String LIBRARY = "libsqlitejdbc.so";

  private SqliteNative() {}

  /** Points the driver at the cached library (copied there first if need be), unless told otherwise. */
  static void useCache() {
    if (System.getProperty("org.sqlite.lib.path") != null || !System.getProperty("os.name", "").startsWith("Linux")) {
      return;
    }
    try {
      String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + LIBRARY;
      Path dir = cacheRoot().resolve("sqlite").resolve(org.sqlite.SQLiteJDBCLoader.getVersion() + "-" + org.sqlite.util.OSInfo.getArchName());
      Path lib = dir.resolve(LIBRARY);
      if (!Files.isRegularFile(lib)) {
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, LIBRARY, ".part");
        try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
          if (in == null) {
            Files.deleteIfExists(partial);
            return; // no library for this platform in the jar: the driver says so when it opens
          }
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        // another kiosk process may have put it there meanwhile: the same bytes either way
        Files.move(partial, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", LIBRARY);
    } catch (IOException | RuntimeException e) {
      log.debug("SQLite's library stays with the driver's own copy: {}", e.toString());
    }
  }

  private static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("kiosk");
  }
}
