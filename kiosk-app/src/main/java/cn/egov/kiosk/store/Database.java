package cn.egov.kiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;

/**
 * The kiosk's SQLite database: one connection, used under a lock (SQLite has one writer anyway),
 * WAL journal, full synchronous commits, foreign keys on. Migrations run when it opens.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Loads the SQLite native library ahead of the first open (start-up runs it in parallel with
     * other work). A failure here is reported by {@link #open} when it matters.
     */
    public static void preload() {
        try {
            SqliteNative.useCache();
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            log.debug("SQLite preload failed: {}", e.toString());
        }
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        SqliteNative.useCache();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=FULL");
                    s.execute("PRAGMA foreign_keys=ON");
                    s.execute("PRAGMA busy_timeout=5000");
                    s.execute(
                            "PRAGMA secure_delete=ON"); // deleted rows (sealed personal data) are overwritten, not left
                    // in free pages
                }
                int version = Migrations.apply(c);
                log.info("Local store {} open at schema version {}", file, version);
                return new Database(file, c);
            } catch (SQLException | RuntimeException e) {
                c.close(); // a store that refuses to open keeps no handle on the file
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the local store " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Work with the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the first error is the one to report
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("local store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read (or a single-statement write) outside an explicit transaction. */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("local store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the local store {} failed", file, e);
        } finally {
            lock.unlock();
        }
    }
}
