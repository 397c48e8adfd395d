package cn.egov.kiosk.store;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applications made at this kiosk: a row without personal data (what, when, where it stands) and,
 * in the same transaction, the sealed {@code application.submit} outbox record that carries the
 * applicant's data to the platform. The platform's answer moves the row on ({@link
 * OutboxRepository.AckHook}) in the transaction that deletes the record.
 */
public final class ApplicationRepository {
    /** Where an application stands. */
    public enum State {
        QUEUED,
        RECEIVED,
        REJECTED
    }

    /** An application as the kiosk knows it. */
    public record Application(
            String id,
            String itemId,
            State state,
            Optional<String> applicationNo,
            Instant createdAt,
            Optional<String> problem) {}

    private final Database db;
    private final OutboxRepository outbox;
    private final Clock clock;

    public ApplicationRepository(OutboxRepository outbox, Clock clock) {
        this.db = outbox.database();
        this.outbox = outbox;
        this.clock = clock;
        outbox.onSettled(Batch.APPLICATION_SUBMIT, new OutboxRepository.AckHook() {
            @Override
            public void acknowledged(Connection c, String key, Optional<String> resultJson) throws SQLException {
                String no = null;
                if (resultJson.isPresent()) {
                    try {
                        no = Json.mapper()
                                .readTree(resultJson.get())
                                .path("applicationNo")
                                .asText(null);
                    } catch (IOException e) {
                        no = null;
                    }
                }
                update(c, key, State.RECEIVED, no, null);
            }

            @Override
            public void rejected(Connection c, String key, String error) throws SQLException {
                update(c, key, State.REJECTED, null, error);
            }
        });
    }

    /**
     * Records an application and its outbox record in one durable transaction: once this returns,
     * the application will reach the platform, whatever happens to the kiosk.
     *
     * @param submitJson the {@code application.submit} body, with the applicant's data (sealed at rest)
     */
    public Application queue(String id, String itemId, byte[] submitJson) {
        Instant now = clock.instant();
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO application (id, item_id, state, created_at, updated_at) VALUES (?, ?, 'QUEUED', ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, itemId);
                ps.setString(3, Times.text(now));
                ps.setString(4, Times.text(now));
                ps.executeUpdate();
            }
            outbox.append(
                    c, new OutboxRepository.New(Batch.APPLICATION_SUBMIT, "application", id, now, submitJson, true));
            return new Application(id, itemId, State.QUEUED, Optional.empty(), now, Optional.empty());
        });
    }

    public Optional<Application> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, item_id, state, application_no, created_at, problem FROM application WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(row(rs));
                }
            }
        });
    }

    /**
     * The applications made here that the platform does not hold (queued, or refused and set aside)
     * whose applicant has this ID number, newest first. The row holds no personal data: the sealed
     * record that carries the application is opened to compare, and overwritten at once; neither
     * the number nor the record is kept or logged.
     */
    public List<Application> notWithPlatformOf(String idNumber) {
        String wanted = idNumber.strip().toUpperCase(Locale.ROOT);
        List<Application> out = new ArrayList<>();
        for (Application a : select("WHERE state IN ('QUEUED', 'REJECTED') ORDER BY created_at DESC", null)) {
            Optional<byte[]> body = outbox.opened(a.id());
            if (body.isEmpty()) {
                continue; // sent meanwhile: the platform holds it
            }
            byte[] json = body.get();
            try {
                String applicant = Json.mapper()
                        .readTree(json)
                        .path("applicant")
                        .path("idNumber")
                        .asText("");
                if (applicant.strip().toUpperCase(Locale.ROOT).equals(wanted)) {
                    out.add(a);
                }
            } catch (IOException e) {
                // a damaged record: the sender sets it aside; it names nobody here
            } finally {
                Arrays.fill(json, (byte) 0);
            }
        }
        return out;
    }

    /**
     * The applications whose id, without its hyphens and in capitals, begins with {@code hex} (the
     * twelve characters of a kiosk's reference, {@code KS-XXXX-XXXX-XXXX}), newest first.
     */
    public List<Application> withIdStarting(String hex) {
        return select(
                "WHERE upper(replace(id, '-', '')) LIKE ? ESCAPE '\\' ORDER BY created_at DESC",
                hex.toUpperCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%");
    }

    /** The applications the platform numbered {@code applicationNo}, newest first. */
    public List<Application> numbered(String applicationNo) {
        return select("WHERE application_no = ? ORDER BY created_at DESC", applicationNo);
    }

    /** The applications made from {@code from} (included) to {@code to} (excluded), in order. */
    public List<Application> createdBetween(Instant from, Instant to) {
        return db.read(c -> DayFiguresRepository.between(
                c,
                "SELECT id, item_id, state, application_no, created_at, problem FROM application "
                        + "WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",
                from,
                to,
                ApplicationRepository::row));
    }

    private List<Application> select(String where, String parameter) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, item_id, state, application_no, created_at, problem FROM application " + where)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                List<Application> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Application row(ResultSet rs) throws SQLException {
        return new Application(
                rs.getString(1),
                rs.getString(2),
                State.valueOf(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)),
                Instant.parse(rs.getString(5)),
                Optional.ofNullable(rs.getString(6)));
    }

    private void update(Connection c, String id, State state, String no, String problem) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE application SET state = ?, application_no = COALESCE(?, application_no), problem = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, no);
            ps.setString(3, problem);
            ps.setString(4, Times.text(clock.instant()));
            ps.setString(5, id);
            ps.executeUpdate();
        }
    }
}
