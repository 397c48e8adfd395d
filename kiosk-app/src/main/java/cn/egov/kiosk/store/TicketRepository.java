package cn.egov.kiosk.store;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.QueueNumbers;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.queue.TicketStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Queue tickets and the per-day, per-type counters, in SQLite. With an outbox, each ticket's end
 * (printed, voided, interrupted) is reported to the platform in the transaction that records it.
 */
public final class TicketRepository implements TicketStore {
    private static final DateTimeFormatter DAY_ID = DateTimeFormatter.BASIC_ISO_DATE;

    private final Database db;
    private final Optional<OutboxRepository> outbox;
    private final ZoneId zone;

    /** Tickets of a kiosk without a platform. */
    public TicketRepository(Database db) {
        this(db, Optional.empty(), ZoneOffset.UTC);
    }

    /** Tickets reported to the platform through {@code outbox} once they end. */
    public TicketRepository(Database db, Optional<OutboxRepository> outbox, ZoneId zone) {
        this.db = db;
        this.outbox = outbox;
        this.zone = zone;
    }

    /**
     * Takes the next number of the day for a business type and records it as allocated, in one
     * durable transaction: a restart continues the sequence; a new day starts at 1. The kiosk's own
     * numbers (origin LOCAL) share one sequence per day and type, whatever their prefix: a prefix
     * that changes during the day (none without a platform, the kiosk's id before registration, the
     * assigned one after) continues after the day's highest local number instead of starting again
     * at 1 and colliding with it.
     */
    @Override
    public Ticket allocate(String kioskId, LocalDate day, String businessType, String prefix, Instant now) {
        String counter = prefix.isEmpty() ? businessType : prefix + ":" + businessType;
        return db.transaction(c -> {
            int seq;
            try (PreparedStatement up = c.prepareStatement(
                    "INSERT INTO queue_counter (service_day, business_type, last_seq) VALUES (?, ?, 1 + "
                            + "(SELECT COALESCE(MAX(seq), 0) FROM queue_ticket WHERE service_day = ? AND business_type = ? AND origin = 'LOCAL')) "
                            + "ON CONFLICT (service_day, business_type) DO UPDATE SET last_seq = MAX(last_seq + 1, excluded.last_seq) "
                            + "RETURNING last_seq")) {
                up.setString(1, day.toString());
                up.setString(2, counter);
                up.setString(3, day.toString());
                up.setString(4, businessType);
                try (ResultSet rs = up.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1);
                }
            }
            OptionalInt ahead = waiting(c, day, businessType, seq);
            String number = prefix + Ticket.formatNumber(businessType, seq);
            String id = kioskId + "-" + day.format(DAY_ID) + "-" + number;
            return insertAllocated(
                    c, new Ticket(id, day, businessType, seq, number, TicketStatus.ALLOCATED, ahead, now), "LOCAL");
        });
    }

    /** Records a ticket as allocated, of its origin (LOCAL or PLATFORM), in the caller's transaction. */
    private static Ticket insertAllocated(Connection c, Ticket t, String origin) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO queue_ticket (id, service_day, business_type, origin, seq, number, status, waiting_ahead, issued_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'ALLOCATED', ?, ?, ?)")) {
            ins.setString(1, t.id());
            ins.setString(2, t.serviceDay().toString());
            ins.setString(3, t.businessType());
            ins.setString(4, origin);
            ins.setInt(5, t.seq());
            ins.setString(6, t.number());
            if (t.waitingAhead().isPresent()) {
                ins.setInt(7, t.waitingAhead().getAsInt());
            } else {
                ins.setNull(7, Types.INTEGER);
            }
            ins.setString(8, Times.text(t.issuedAt()));
            ins.setString(9, Times.text(t.issuedAt()));
            ins.executeUpdate();
        }
        return t;
    }

    /** Moves a ticket on; returns false when it was not in the expected status. */
    @Override
    public boolean transition(String id, TicketStatus from, TicketStatus to, String reason, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE queue_ticket SET status = ?, void_reason = COALESCE(?, void_reason), updated_at = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, to.name());
                ps.setString(2, reason);
                ps.setString(3, Times.text(now));
                ps.setString(4, id);
                ps.setString(5, from.name());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            Optional<QueueNumbers.TicketStatus> reported = reportedAs(to);
            if (reported.isPresent() && outbox.isPresent()) {
                report(c, id, reported.get(), now);
            }
            return true;
        });
    }

    @Override
    public Ticket recordCentral(
            String ticketId, LocalDate day, String businessType, String number, OptionalInt waitingAhead, Instant now) {
        String digits = number.replaceAll("[^0-9]", ""); // the platform's A012 is 12 in its sequence
        int seq = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        Ticket t = new Ticket(ticketId, day, businessType, seq, number, TicketStatus.ALLOCATED, waitingAhead, now);
        return db.transaction(c -> insertAllocated(c, t, "PLATFORM"));
    }

    /**
     * How a ticket's end is reported to the platform: printed (handed out), voided (never handed out:
     * the hall must not wait for it) or interrupted (the kiosk stopped while printing it). A ticket
     * ends once, so it is reported once; a called ticket was reported when printed.
     */
    private static Optional<QueueNumbers.TicketStatus> reportedAs(TicketStatus status) {
        return switch (status) {
            case PRINTED -> Optional.of(QueueNumbers.TicketStatus.PRINTED);
            case VOIDED -> Optional.of(QueueNumbers.TicketStatus.VOIDED);
            case INTERRUPTED -> Optional.of(QueueNumbers.TicketStatus.INTERRUPTED);
            default -> Optional.empty();
        };
    }

    /** The ticket's end goes into the outbox ({@code ticket.issued}), in the caller's transaction. */
    private void report(Connection c, String id, QueueNumbers.TicketStatus status, Instant now) throws SQLException {
        Ticket t;
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                t = map(rs);
            }
        }
        append(
                c,
                new QueueNumbers.TicketIssued(
                        t.id(),
                        t.number(),
                        t.businessType(),
                        t.serviceDay(),
                        OffsetDateTime.ofInstant(t.issuedAt(), zone),
                        status),
                now);
    }

    private void append(Connection c, QueueNumbers.TicketIssued body, Instant now) throws SQLException {
        outbox.get()
                .append(
                        c,
                        new OutboxRepository.New(
                                Batch.TICKET_ISSUED,
                                "ticket",
                                issuedKey(body.ticketId()),
                                now,
                                Json.bytes(body),
                                false));
    }

    /**
     * A central number asked for and never received (the answer was lost or late): the platform may
     * hold it in the hall's queue for nobody. It is reported voided under the ticket id the kiosk
     * sent, without a number (the kiosk never learnt it), so that the hall does not wait for it.
     */
    @Override
    public void abandonCentral(String ticketId, LocalDate day, String businessType, Instant now) {
        if (outbox.isEmpty()) {
            return;
        }
        db.transaction(c -> {
            append(
                    c,
                    new QueueNumbers.TicketIssued(
                            ticketId,
                            null,
                            businessType,
                            day,
                            OffsetDateTime.ofInstant(now, zone),
                            QueueNumbers.TicketStatus.VOIDED),
                    now);
            return null;
        });
    }

    /**
     * The {@code ticket.issued} record's idempotency key: a UUID derived from the ticket's id, so the
     * same ticket always has the same key, and never the key of the {@code POST /v1/queue-numbers}
     * that asked for a central number (the same key with another body would be refused).
     */
    public static String issuedKey(String ticketId) {
        return UUID.nameUUIDFromBytes(("ticket.issued:" + ticketId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Override
    public int markInterrupted(Instant now) {
        return db.transaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT id FROM queue_ticket WHERE status = 'ALLOCATED' ORDER BY issued_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE queue_ticket SET status = 'INTERRUPTED', void_reason = 'the kiosk stopped while printing', updated_at = ? WHERE status = 'ALLOCATED'")) {
                ps.setString(1, Times.text(now));
                ps.executeUpdate();
            }
            if (outbox.isPresent()) {
                for (String id : ids) {
                    report(c, id, QueueNumbers.TicketStatus.INTERRUPTED, now);
                }
            }
            return ids.size();
        });
    }

    @Override
    public OptionalInt waiting(LocalDate day, String businessType, int beforeSeq) {
        return db.read(c -> waiting(c, day, businessType, beforeSeq));
    }

    private static OptionalInt waiting(Connection c, LocalDate day, String businessType, int beforeSeq)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(status = 'CALLED'), 0), COALESCE(SUM(status = 'PRINTED' AND seq < ?), 0)"
                        + " FROM queue_ticket WHERE service_day = ? AND business_type = ?")) {
            ps.setInt(1, beforeSeq);
            ps.setString(2, day.toString());
            ps.setString(3, businessType);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 0 ? OptionalInt.empty() : OptionalInt.of(rs.getInt(2));
            }
        }
    }

    public Optional<Ticket> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<Ticket>empty();
                }
            }
        });
    }

    /** The tickets of a day, in the order they were taken. */
    @Override
    public List<Ticket> ofDay(LocalDate day) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement(SELECT + " WHERE service_day = ? ORDER BY issued_at, business_type, seq")) {
                ps.setString(1, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    List<Ticket> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(map(rs));
                    }
                    return list;
                }
            }
        });
    }

    private static final String SELECT =
            "SELECT id, service_day, business_type, seq, number, status, waiting_ahead, issued_at FROM queue_ticket";

    private static Ticket map(ResultSet rs) throws SQLException {
        int ahead = rs.getInt("waiting_ahead");
        boolean aheadKnown = !rs.wasNull();
        return new Ticket(
                rs.getString("id"),
                LocalDate.parse(rs.getString("service_day")),
                rs.getString("business_type"),
                rs.getInt("seq"),
                rs.getString("number"),
                TicketStatus.valueOf(rs.getString("status")),
                aheadKnown ? OptionalInt.of(ahead) : OptionalInt.empty(),
                Instant.parse(rs.getString("issued_at")));
    }
}
