package cn.egov.kiosk.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code storage} section. Both paths are absolute and normalized: the loader resolves a
 * relative path in the file against the directory that contains the file.
 *
 * @param database the SQLite database file (the outbox, queue numbers, audit trail)
 * @param dataDir the directory for everything else the kiosk writes (statistics, spooled prints)
 */
public record Storage(Path database, Path dataDir) {
  public Storage {
    database = absolute(database, "database");
    dataDir = absolute(dataDir, "dataDir");
  }

  private static Path absolute(Path p, String name) {
    Objects.requireNonNull(p, name);
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException("storage." + name + " must be absolute: " + p);
    }
    return p.normalize();
  }
}
