package cn.egov.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each synchronised resource stands ({@code sync_state}) and the whole lists kept as the
 * platform sent them ({@code reference_data}: departments, notices, business types, registration).
 */
public final class SyncStateRepository {
    /** A resource's state: the version or ETag of the local copy, when it was brought up to date. */
    public record State(
            String resource,
            long version,
            Optional<String> etag,
            Optional<Instant> syncedAt,
            Optional<Instant> lastAttemptAt,
            Optional<String> lastError) {}

    private final Database db;

    public SyncStateRepository(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    public State get(String resource) {
        return db.read(c -> get(c, resource));
    }

    private static State get(Connection c, String resource) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, etag, synced_at, last_attempt_at, last_error FROM sync_state WHERE resource = ?")) {
            ps.setString(1, resource);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new State(
                            resource, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
                }
                return new State(
                        resource,
                        rs.getLong(1),
                        Optional.ofNullable(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)).map(Instant::parse),
                        Optional.ofNullable(rs.getString(4)).map(Instant::parse),
                        Optional.ofNullable(rs.getString(5)));
            }
        }
    }

    /** The local copy is now at {@code version}/{@code etag}, checked at {@code now}; in the caller's transaction. */
    public void synced(Connection c, String resource, long version, Optional<String> etag, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_state (resource, version, etag, synced_at, last_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, NULL)"
                        + " ON CONFLICT (resource) DO UPDATE SET version = excluded.version, etag = excluded.etag, synced_at = excluded.synced_at,"
                        + " last_attempt_at = excluded.last_attempt_at, last_error = NULL")) {
            ps.setString(1, resource);
            ps.setLong(2, version);
            ps.setString(3, etag.orElse(null));
            ps.setString(4, Times.text(now));
            ps.setString(5, Times.text(now));
            ps.executeUpdate();
        }
    }

    public void synced(String resource, long version, Optional<String> etag, Instant now) {
        db.transaction(c -> {
            synced(c, resource, version, etag, now);
            return null;
        });
    }

    /** An attempt failed; the local copy stays as it was. */
    public void failed(String resource, String error, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sync_state (resource, version, last_attempt_at, last_error) VALUES (?, 0, ?, ?)"
                            + " ON CONFLICT (resource) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error")) {
                ps.setString(1, resource);
                ps.setString(2, Times.text(now));
                ps.setString(3, error.length() > 500 ? error.substring(0, 500) : error);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void putReference(Connection c, String name, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO reference_data (name, json) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json")) {
            ps.setString(1, name);
            ps.setString(2, json);
            ps.executeUpdate();
        }
    }

    public void putReference(String name, String json) {
        db.transaction(c -> {
            putReference(c, name, json);
            return null;
        });
    }

    public Optional<String> reference(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM reference_data WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }
}
