package cn.egov.kiosk.store;

import cn.egov.kiosk.platform.api.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox in SQLite: records that must reach the platform. {@link #append(Connection, New)}
 * writes one inside the caller's transaction (with the local change it belongs to); the sender
 * takes the {@link #due} ones and {@link #settle}s what the platform answered, in one transaction
 * with the local consequences ({@link AckHook}). Nothing is deleted before the platform has it.
 */
public final class OutboxRepository {
    private static final Logger log = LoggerFactory.getLogger(OutboxRepository.class);
    /** A record to append. {@code json} is the body; {@code personal} seals it at rest. */
    public record New(
            String kind, String stream, String idempotencyKey, Instant occurredAt, byte[] json, boolean personal) {
        public New {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(json, "json");
        }
    }

    /** A record waiting to be sent, its body opened. */
    public record Pending(
            long id,
            String idempotencyKey,
            String stream,
            long seq,
            String kind,
            Instant occurredAt,
            byte[] json,
            int attempts) {
        @Override
        public String toString() {
            return "Pending[" + kind + " " + stream + "#" + seq + " " + idempotencyKey + " attempts=" + attempts + "]";
        }
    }

    /** What became of a sent record. */
    public sealed interface Settlement permits Acknowledged, Postponed, Rejected {
        String idempotencyKey();
    }

    /** The platform holds it (accepted or duplicate): delete it. {@code result} is the platform's, if any. */
    public record Acknowledged(String idempotencyKey, String kind, Optional<String> resultJson) implements Settlement {}

    /** Try again at {@code notBeforeMs}. */
    public record Postponed(String idempotencyKey, long notBeforeMs, String error) implements Settlement {}

    /** Refused for good: a dead letter for staff. */
    public record Rejected(String idempotencyKey, String kind, String error) implements Settlement {}

    /** A dead letter as staff see it: what, when, why; never the body. */
    public record DeadLetter(
            String idempotencyKey,
            String kind,
            String stream,
            long seq,
            Instant occurredAt,
            int attempts,
            String error) {}

    /** The outbox at a glance. */
    public record Counts(long pending, long dead, Optional<Instant> oldestPending) {}

    /** Local consequences of an answer, run in the settling transaction. */
    public interface AckHook {
        void acknowledged(Connection c, String idempotencyKey, Optional<String> resultJson) throws SQLException;

        void rejected(Connection c, String idempotencyKey, String error) throws SQLException;
    }

    private final Database db;
    private final SealedBox box;
    private final Clock clock;
    private final Map<String, AckHook> hooks = new HashMap<>();

    public OutboxRepository(Database db, SealedBox box, Clock clock) {
        this.db = db;
        this.box = box;
        this.clock = clock;
    }

    public Database database() {
        return db;
    }

    /** What to do locally when a record of {@code kind} is acknowledged or rejected. */
    public synchronized void onSettled(String kind, AckHook hook) {
        hooks.put(kind, hook);
    }

    /** Appends a record in its own transaction; returns its sequence in its stream. */
    public long append(New r) {
        return db.transaction(c -> append(c, r));
    }

    /** Appends a record inside the caller's transaction; returns its sequence in its stream. */
    public long append(Connection c, New r) throws SQLException {
        long seq;
        try (PreparedStatement up = c.prepareStatement(
                "INSERT INTO outbox_stream (stream, last_seq) VALUES (?, 1) ON CONFLICT (stream) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq")) {
            up.setString(1, r.stream());
            try (ResultSet rs = up.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (idem_key, stream, stream_seq, kind, occurred_at, body, sealed, next_attempt_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.idempotencyKey());
            ps.setString(2, r.stream());
            ps.setLong(3, seq);
            ps.setString(4, r.kind());
            ps.setString(5, Times.text(r.occurredAt()));
            ps.setBytes(6, r.personal() ? box.seal(r.json(), r.idempotencyKey()) : r.json());
            ps.setInt(7, r.personal() ? 1 : 0);
            ps.setLong(8, 0);
            ps.executeUpdate();
        }
        return seq;
    }

    /**
     * Up to {@code limit} records due by {@code nowMs}, oldest first, in order within each stream: a
     * stream whose earliest pending record is waiting out a back-off sends nothing after it.
     */
    public List<Pending> due(long nowMs, int limit) {
        List<String> unreadable = new ArrayList<>();
        List<Pending> due = dueRows(nowMs, limit, unreadable);
        if (!unreadable.isEmpty()) {
            // A body that does not open (the installation's key was lost or replaced) or is not JSON
            // cannot be sent; left pending it would hold back every record after it, in every stream.
            db.transaction(c -> {
                try (PreparedStatement dead = c.prepareStatement(
                        "UPDATE outbox SET state = 'DEAD', attempts = attempts + 1, last_error = ? WHERE idem_key = ?")) {
                    for (String key : unreadable) {
                        dead.setString(
                                1, "unreadable: the record does not open with this installation's key, or is damaged");
                        dead.setString(2, key);
                        dead.addBatch();
                    }
                    dead.executeBatch();
                }
                return null;
            });
            log.error(
                    "{} outbox record(s) could not be read (store key lost or replaced?) and were set aside as dead letters",
                    unreadable.size());
            return due.isEmpty() ? dueRows(nowMs, limit, new ArrayList<>()) : due;
        }
        return due;
    }

    private List<Pending> dueRows(long nowMs, int limit, List<String> unreadable) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    // The streams held back: their earliest record waiting out a back-off (few rows,
                    // by the due index). Then the records in id order, stopping at the limit: the '+'
                    // keeps SQLite on the id order rather than sorting every pending record.
                    "WITH held AS (SELECT stream, MIN(stream_seq) AS seq FROM outbox WHERE state = 'PENDING' AND next_attempt_ms > ? GROUP BY stream)"
                            + " SELECT o.id, o.idem_key, o.stream, o.stream_seq, o.kind, o.occurred_at, o.body, o.sealed, o.attempts"
                            + " FROM outbox o LEFT JOIN held h ON h.stream = o.stream"
                            + " WHERE +o.state = 'PENDING' AND +o.next_attempt_ms <= ? AND (h.seq IS NULL OR o.stream_seq < h.seq)"
                            + " ORDER BY o.id LIMIT ?")) {
                ps.setLong(1, nowMs);
                ps.setLong(2, nowMs);
                ps.setInt(3, limit);
                List<Pending> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(2);
                        byte[] body = rs.getBytes(7);
                        byte[] json;
                        try {
                            json = rs.getInt(8) == 1 ? box.unseal(body, key) : body;
                            Json.mapper().readTree(json); // what cannot be parsed cannot be sent either
                        } catch (StoreException | IOException e) {
                            unreadable.add(key);
                            continue;
                        }
                        out.add(new Pending(
                                rs.getLong(1),
                                key,
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getString(5),
                                Instant.parse(rs.getString(6)),
                                json,
                                rs.getInt(9)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The body of a record still waiting (pending or dead), opened: for the kiosk's own use of what it
     * has not sent yet (finding the applications of the citizen at the screen). Empty when the record
     * is gone (the platform has it) or does not open. The caller overwrites the bytes when done.
     */
    public Optional<byte[]> opened(String idempotencyKey) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body, sealed FROM outbox WHERE idem_key = ?")) {
                ps.setString(1, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<byte[]>empty();
                    }
                    byte[] body = rs.getBytes(1);
                    if (rs.getInt(2) == 0) {
                        return Optional.of(body);
                    }
                    try {
                        return Optional.of(box.unseal(body, idempotencyKey));
                    } catch (StoreException e) {
                        log.warn("Outbox record {} does not open: {}", idempotencyKey, e.getMessage());
                        return Optional.<byte[]>empty();
                    }
                }
            }
        });
    }

    /** Records whose body is sealed (personal data), pending or dead. */
    public long sealedCount() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox WHERE sealed = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * When the next pending record may be sent (ms since the epoch), if any is pending: the earliest
     * due time of the streams' first pending records. A record behind its stream's first one waits
     * for it whatever its own due time, so counting it would wake the sender for nothing, again and
     * again, until the first one is due.
     */
    public OptionalLong nextDueMs() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            // per stream (few, each in outbox_stream) its first pending record, by the stream order
                            // index
                            "SELECT MIN(n) FROM (SELECT (SELECT o.next_attempt_ms FROM outbox o WHERE o.stream = s.stream AND o.state = 'PENDING'"
                                    + " ORDER BY o.stream_seq LIMIT 1) AS n FROM outbox_stream s)")) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
            }
        });
    }

    /** Records what the platform answered, and its local consequences, in one transaction. */
    public void settle(List<? extends Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE idem_key = ?");
                    PreparedStatement postpone = c.prepareStatement(
                            "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?, last_error = ? WHERE idem_key = ? AND state = 'PENDING'");
                    PreparedStatement dead = c.prepareStatement(
                            "UPDATE outbox SET state = 'DEAD', attempts = attempts + 1, last_error = ? WHERE idem_key = ?")) {
                for (Settlement s : settlements) {
                    if (s instanceof Acknowledged a) {
                        delete.setString(1, a.idempotencyKey());
                        delete.addBatch();
                        AckHook h = hook(a.kind());
                        if (h != null) {
                            h.acknowledged(c, a.idempotencyKey(), a.resultJson());
                        }
                    } else if (s instanceof Postponed p) {
                        postpone.setLong(1, p.notBeforeMs());
                        postpone.setString(2, truncate(p.error()));
                        postpone.setString(3, p.idempotencyKey());
                        postpone.addBatch();
                    } else if (s instanceof Rejected r) {
                        dead.setString(1, truncate(r.error()));
                        dead.setString(2, r.idempotencyKey());
                        dead.addBatch();
                        AckHook h = hook(r.kind());
                        if (h != null) {
                            h.rejected(c, r.idempotencyKey(), r.error());
                        }
                    }
                }
                delete.executeBatch();
                postpone.executeBatch();
                dead.executeBatch();
            }
            return null;
        });
    }

    private synchronized AckHook hook(String kind) {
        return hooks.get(kind);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    public Counts counts() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT COALESCE(SUM(state = 'PENDING'), 0), COALESCE(SUM(state = 'DEAD'), 0), MIN(CASE WHEN state = 'PENDING' THEN occurred_at END) FROM outbox")) {
                rs.next();
                String oldest = rs.getString(3);
                return new Counts(
                        rs.getLong(1),
                        rs.getLong(2),
                        Optional.ofNullable(oldest).map(Instant::parse));
            }
        });
    }

    /** How many records of a kind are in a state, and when the oldest of them happened. */
    public record Shape(String kind, String state, long count, Instant oldest) {}

    /** The outbox by kind and state (for diagnostics): counts and ages, never a body. */
    public List<Shape> shape() {
        return shape(db);
    }

    /** {@link #shape()} of a store opened without its key (an engineer's tool). */
    public static List<Shape> shape(Database db) {
        return db.read(c -> {
            List<Shape> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT kind, state, COUNT(*), MIN(occurred_at) FROM outbox GROUP BY kind, state ORDER BY kind, state")) {
                while (rs.next()) {
                    out.add(new Shape(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.parse(rs.getString(4))));
                }
            }
            return out;
        });
    }

    /** The dead letters, oldest first. */
    public List<DeadLetter> deadLetters(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT idem_key, kind, stream, stream_seq, occurred_at, attempts, last_error FROM outbox WHERE state = 'DEAD' ORDER BY id LIMIT ?")) {
                ps.setInt(1, limit);
                List<DeadLetter> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeadLetter(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                Instant.parse(rs.getString(5)),
                                rs.getInt(6),
                                rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    /** Staff send a dead letter (or all, with an empty key) again; how many. */
    public int retryDead(Optional<String> idempotencyKey) {
        return db.transaction(c -> {
            String sql = "UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_ms = ? WHERE state = 'DEAD'"
                    + (idempotencyKey.isPresent() ? " AND idem_key = ?" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, clock.millis());
                if (idempotencyKey.isPresent()) {
                    ps.setString(2, idempotencyKey.get());
                }
                return ps.executeUpdate();
            }
        });
    }
}
