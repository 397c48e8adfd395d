package cn.egov.kiosk.store;

import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.printing.PrintLog;
import cn.egov.kiosk.printing.PrintRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The print audit trail in SQLite ({@code print_record}). */
public final class PrintRecordRepository implements PrintLog {
    private final Database db;
    private final String kioskId;
    private final Optional<OutboxRepository> outbox;

    public PrintRecordRepository(Database db, String kioskId) {
        this(db, kioskId, Optional.empty());
    }

    /** Each print also becomes a {@code print.done} audit event for the platform, in the same transaction. */
    public PrintRecordRepository(Database db, String kioskId, Optional<OutboxRepository> outbox) {
        this.db = db;
        this.kioskId = kioskId;
        this.outbox = outbox;
    }

    @Override
    public void record(PrintRecord r) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO print_record (id, printed_at, template, reference, device_id, medium, result, reason, reprint, kiosk_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id());
                ps.setString(2, Times.text(r.printedAt()));
                ps.setString(3, r.template());
                ps.setString(4, r.reference());
                ps.setString(5, r.deviceId().orElse(null));
                ps.setString(6, r.medium().name());
                ps.setString(7, r.result().name());
                ps.setString(8, r.reason().orElse(null));
                ps.setInt(9, r.reprint() ? 1 : 0);
                ps.setString(10, kioskId);
                ps.executeUpdate();
            }
            if (outbox.isPresent()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("template", r.template());
                detail.put("reference", r.reference());
                detail.put("device", r.deviceId().orElse(null));
                detail.put("result", r.result().name());
                detail.put("reason", r.reason().orElse(null));
                detail.put("reprint", r.reprint());
                AuditEvents.append(c, outbox.get(), r.id(), r.printedAt(), "print.done", "SYSTEM", detail);
            }
            return null;
        });
    }

    @Override
    public Optional<PrintRecord> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM print_record WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<PrintRecord> recent(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM print_record ORDER BY printed_at DESC, rowid DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<PrintRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The prints from {@code from} (included) to {@code to} (excluded), in the order they were made. */
    public List<PrintRecord> between(Instant from, Instant to) {
        return db.read(c -> DayFiguresRepository.between(
                c,
                "SELECT * FROM print_record WHERE printed_at >= ? AND printed_at < ? ORDER BY printed_at, rowid",
                from,
                to,
                PrintRecordRepository::row));
    }

    private static PrintRecord row(ResultSet rs) throws SQLException {
        return new PrintRecord(
                rs.getString("id"),
                Instant.parse(rs.getString("printed_at")),
                rs.getString("template"),
                rs.getString("reference"),
                Optional.ofNullable(rs.getString("device_id")),
                Medium.valueOf(rs.getString("medium")),
                PrintRecord.Result.valueOf(rs.getString("result")),
                Optional.ofNullable(rs.getString("reason")),
                rs.getInt("reprint") != 0);
    }
}
