package cn.egov.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the day at a glance counts that nothing else records: citizen flows started and ended
 * ({@code flow_event}) and device faults as they start ({@code device_fault}). Never who. With an
 * outbox, a flow's start and end are also audit events for the platform ({@code flow.start}, {@code
 * flow.end}), in the transaction that records them.
 */
public final class DayFiguresRepository {
    /** A flow's start or end, as recorded. */
    public record FlowEvent(Instant at, String flow, boolean start, Optional<String> outcome) {}

    /** A device fault, as recorded. */
    public record Fault(Instant at, String deviceId, String deviceClass, String code) {}

    private final Database db;
    private final Optional<OutboxRepository> outbox;

    public DayFiguresRepository(Database db, Optional<OutboxRepository> outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** A citizen flow started. */
    public void flowStarted(Instant at, String flow) {
        flow(at, flow, "START", null);
    }

    /** A citizen flow ended, with how ({@code DONE}, {@code LEFT}). */
    public void flowEnded(Instant at, String flow, String outcome) {
        flow(at, flow, "END", outcome);
    }

    private void flow(Instant at, String flow, String kind, String outcome) {
        db.transaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO flow_event (at, flow, kind, outcome) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, Times.text(at));
                ps.setString(2, flow);
                ps.setString(3, kind);
                ps.setString(4, outcome);
                ps.executeUpdate();
            }
            if (outbox.isPresent()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("flow", flow);
                if (outcome != null) {
                    detail.put("outcome", outcome);
                }
                AuditEvents.append(
                        c,
                        outbox.get(),
                        UUID.randomUUID().toString(),
                        at,
                        "START".equals(kind) ? "flow.start" : "flow.end",
                        "CITIZEN",
                        detail);
            }
            return null;
        });
    }

    /** A device went into a fault. */
    public void fault(Instant at, String deviceId, String deviceClass, String code) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO device_fault (at, device_id, device_class, code) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, Times.text(at));
                ps.setString(2, deviceId);
                ps.setString(3, deviceClass);
                ps.setString(4, code);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The flow events from {@code from} (included) to {@code to} (excluded), in order. */
    public List<FlowEvent> flows(Instant from, Instant to) {
        return db.read(c -> between(
                c,
                "SELECT at, flow, kind, outcome FROM flow_event WHERE at >= ? AND at < ? ORDER BY at, id",
                from,
                to,
                rs -> new FlowEvent(
                        Instant.parse(rs.getString(1)),
                        rs.getString(2),
                        "START".equals(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)))));
    }

    /** The device faults from {@code from} (included) to {@code to} (excluded), in order. */
    public List<Fault> faults(Instant from, Instant to) {
        return db.read(c -> between(
                c,
                "SELECT at, device_id, device_class, code FROM device_fault WHERE at >= ? AND at < ? ORDER BY at, id",
                from,
                to,
                rs -> new Fault(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4))));
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> between(Connection c, String sql, Instant from, Instant to, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Times.text(from));
            ps.setString(2, Times.text(to));
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }
}
