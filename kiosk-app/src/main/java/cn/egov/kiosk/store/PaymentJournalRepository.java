package cn.egov.kiosk.store;

import cn.egov.kiosk.payment.AlreadyPaying;
import cn.egov.kiosk.payment.Answer;
import cn.egov.kiosk.payment.Difference;
import cn.egov.kiosk.payment.PaymentJournal;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.payment.ReconciliationReport;
import cn.egov.kiosk.payment.TerminalTotals;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The payment journal in SQLite ({@code payment}, {@code payment_step}, and the reconciliations):
 * each step in one transaction with the state it sets and, where the kiosk has a platform, a {@code
 * payment.step} audit event for it (never the card number, nor any person).
 */
public final class PaymentJournalRepository implements PaymentJournal {
    private final Database db;
    private final Optional<OutboxRepository> outbox;

    /** The journal of a kiosk without a platform. */
    public PaymentJournalRepository(Database db) {
        this(db, Optional.empty());
    }

    /** Each step also becomes an audit event for the platform, in the same transaction. */
    public PaymentJournalRepository(Database db, Optional<OutboxRepository> outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public PaymentRecord open(String orderRef, PaymentOrder order, Instant now) {
        return db.transaction(c -> {
            Optional<PaymentRecord> holder = holding(c, order.serviceId(), order.dueId());
            if (holder.isPresent()) {
                throw new AlreadyPaying(holder.get());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO payment (order_ref, service_id, due_id, description, amount_fen, method, state, "
                            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, ?)")) {
                ps.setString(1, orderRef);
                ps.setString(2, order.serviceId());
                ps.setString(3, order.dueId());
                ps.setString(4, order.description());
                ps.setLong(5, order.amountFen());
                ps.setString(6, order.method().name());
                ps.setString(7, Times.text(now));
                ps.setString(8, Times.text(now));
                ps.executeUpdate();
            }
            PaymentRecord p = find(c, orderRef).orElseThrow();
            step(c, p, Optional.empty(), PaymentStep.Actor.KIOSK, Answer.note("recorded"), now);
            return p;
        });
    }

    @Override
    public Optional<PaymentRecord> advance(
            String orderRef, PaymentState from, PaymentState to, PaymentStep.Actor actor, Answer answer, Instant now) {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("a payment does not go from " + from + " to " + to);
        }
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payment SET state = ?, updated_at = ?, "
                    + "sent_at = CASE WHEN ? = 'SENT' THEN COALESCE(sent_at, ?) ELSE sent_at END, "
                    + "approved_at = CASE WHEN ? = 'APPROVED' THEN COALESCE(approved_at, ?) ELSE approved_at END, "
                    + "receipt_no = COALESCE(?, receipt_no), trace_no = COALESCE(?, trace_no), "
                    + "payment_id = COALESCE(?, payment_id), card_masked = COALESCE(?, card_masked), "
                    + "auth_code = COALESCE(?, auth_code), note = COALESCE(?, note), "
                    + "attempts = CASE WHEN state = ? THEN attempts ELSE 0 END "
                    + "WHERE order_ref = ? AND state = ?")) {
                String at = Times.text(now);
                ps.setString(1, to.name());
                ps.setString(2, at);
                ps.setString(3, to.name());
                ps.setString(4, at);
                ps.setString(5, to.name());
                ps.setString(6, at);
                ps.setString(7, answer.receiptNo());
                ps.setString(8, answer.traceNo());
                ps.setString(9, answer.paymentId());
                ps.setString(10, answer.cardMasked());
                ps.setString(11, answer.authCode());
                ps.setString(12, answer.note());
                ps.setString(13, to.name());
                ps.setString(14, orderRef);
                ps.setString(15, from.name());
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            PaymentRecord p = find(c, orderRef).orElseThrow();
            step(c, p, Optional.of(from), actor, answer, now);
            return Optional.of(p);
        });
    }

    @Override
    public Optional<PaymentRecord> noAnswer(
            String orderRef, PaymentState state, PaymentStep.Actor actor, String note, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payment SET attempts = attempts + 1, "
                    + "updated_at = ?, note = ? WHERE order_ref = ? AND state = ?")) {
                ps.setString(1, Times.text(now));
                ps.setString(2, note);
                ps.setString(3, orderRef);
                ps.setString(4, state.name());
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            PaymentRecord p = find(c, orderRef).orElseThrow();
            step(c, p, Optional.of(state), actor, Answer.note(note), now);
            return Optional.of(p);
        });
    }

    /** Appends the step that set {@code p}'s state, and its audit event, in the caller's transaction. */
    private void step(
            Connection c,
            PaymentRecord p,
            Optional<PaymentState> from,
            PaymentStep.Actor actor,
            Answer answer,
            Instant now)
            throws SQLException {
        int seq;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM payment_step WHERE order_ref = ?")) {
            ps.setString(1, p.orderRef());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO payment_step (order_ref, seq, at, from_state, to_state, actor, receipt_no, trace_no, "
                        + "payment_id, card_masked, auth_code, result_code, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.orderRef());
            ps.setInt(2, seq);
            ps.setString(3, Times.text(now));
            ps.setString(4, from.map(Enum::name).orElse(null));
            ps.setString(5, p.state().name());
            ps.setString(6, actor.name());
            ps.setString(7, answer.receiptNo());
            ps.setString(8, answer.traceNo());
            ps.setString(9, answer.paymentId());
            ps.setString(10, answer.cardMasked());
            ps.setString(11, answer.authCode());
            ps.setString(12, answer.resultCode());
            ps.setString(13, answer.note());
            ps.executeUpdate();
        }
        if (outbox.isPresent()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("orderRef", p.orderRef());
            detail.put("seq", seq);
            detail.put("serviceId", p.serviceId());
            detail.put("method", p.method().name());
            detail.put("amountFen", p.amountFen());
            detail.put("from", from.map(Enum::name).orElse(null));
            detail.put("to", p.state().name());
            detail.put("receiptNo", answer.receiptNo());
            detail.put("traceNo", answer.traceNo());
            detail.put("paymentId", answer.paymentId());
            detail.put("resultCode", answer.resultCode());
            detail.put("note", answer.note());
            // the event's id from the step's: the same step is never two events
            String eventId = UUID.nameUUIDFromBytes(
                            ("payment.step:" + p.orderRef() + "#" + seq).getBytes(StandardCharsets.UTF_8))
                    .toString();
            AuditEvents.append(c, outbox.get(), eventId, now, "payment.step", actor.name(), detail);
        }
    }

    @Override
    public Optional<PaymentRecord> find(String orderRef) {
        return db.read(c -> find(c, orderRef));
    }

    private static Optional<PaymentRecord> find(Connection c, String orderRef) throws SQLException {
        return one(c, "SELECT * FROM payment WHERE order_ref = ?", orderRef);
    }

    @Override
    public Optional<PaymentRecord> holding(String serviceId, String dueId) {
        return db.read(c -> holding(c, serviceId, dueId));
    }

    private static Optional<PaymentRecord> holding(Connection c, String serviceId, String dueId) throws SQLException {
        return one(
                c,
                "SELECT * FROM payment WHERE service_id = ? AND due_id = ? "
                        + "AND state NOT IN ('DECLINED', 'CANCELLED', 'REVERSED', 'REFUNDED')",
                serviceId,
                dueId);
    }

    @Override
    public List<PaymentRecord> unresolved() {
        return db.read(c -> list(
                c,
                "SELECT * FROM payment WHERE state IN ('NEW', 'SENT', 'APPROVED', 'REVERSAL_PENDING', 'REFUND_PENDING') "
                        + "ORDER BY created_at, rowid"));
    }

    @Override
    public List<PaymentRecord> forStaff() {
        return db.read(c -> list(c, "SELECT * FROM payment WHERE state = 'MANUAL' ORDER BY created_at, rowid"));
    }

    @Override
    public List<PaymentRecord> ofDay(LocalDate day, ZoneId zone) {
        String from = Times.text(day.atStartOfDay(zone).toInstant());
        String to = Times.text(day.plusDays(1).atStartOfDay(zone).toInstant());
        return db.read(c -> list(
                c,
                "SELECT * FROM payment WHERE created_at >= ? AND created_at < ? ORDER BY created_at, rowid",
                from,
                to));
    }

    @Override
    public Optional<PaymentRecord> withTrace(String traceNo) {
        return db.read(c -> one(
                c,
                "SELECT * FROM payment WHERE method = 'CARD' AND trace_no = ? ORDER BY created_at LIMIT 1",
                traceNo));
    }

    @Override
    public Optional<PaymentRecord> lastCardSent() {
        return db.read(c -> one(
                c,
                "SELECT * FROM payment WHERE method = 'CARD' AND sent_at IS NOT NULL "
                        + "ORDER BY sent_at DESC, rowid DESC LIMIT 1"));
    }

    @Override
    public List<PaymentStep> steps(String orderRef) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM payment_step WHERE order_ref = ? ORDER BY seq")) {
                ps.setString(1, orderRef);
                List<PaymentStep> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PaymentStep(
                                rs.getString("order_ref"),
                                rs.getInt("seq"),
                                Instant.parse(rs.getString("at")),
                                Optional.ofNullable(rs.getString("from_state")).map(PaymentState::valueOf),
                                PaymentState.valueOf(rs.getString("to_state")),
                                PaymentStep.Actor.valueOf(rs.getString("actor")),
                                new Answer(
                                        rs.getString("receipt_no"),
                                        rs.getString("trace_no"),
                                        rs.getString("payment_id"),
                                        rs.getString("card_masked"),
                                        rs.getString("auth_code"),
                                        rs.getString("result_code"),
                                        rs.getString("note"))));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<PaymentRecord> one(Connection c, String sql, String... args) throws SQLException {
        List<PaymentRecord> found = list(c, sql, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<PaymentRecord> list(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<PaymentRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    private static PaymentRecord row(ResultSet rs) throws SQLException {
        return new PaymentRecord(
                rs.getString("order_ref"),
                rs.getString("service_id"),
                rs.getString("due_id"),
                rs.getString("description"),
                rs.getLong("amount_fen"),
                PaymentMethod.valueOf(rs.getString("method")),
                PaymentState.valueOf(rs.getString("state")),
                Instant.parse(rs.getString("created_at")),
                instant(rs.getString("sent_at")),
                instant(rs.getString("approved_at")),
                Instant.parse(rs.getString("updated_at")),
                Optional.ofNullable(rs.getString("receipt_no")),
                Optional.ofNullable(rs.getString("trace_no")),
                Optional.ofNullable(rs.getString("payment_id")),
                Optional.ofNullable(rs.getString("card_masked")),
                Optional.ofNullable(rs.getString("auth_code")),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("note")));
    }

    private static Optional<Instant> instant(String text) {
        return Optional.ofNullable(text).map(Instant::parse);
    }

    // ---- reconciliations ----

    @Override
    public void saveReport(ReconciliationReport r) {
        db.transaction(c -> {
            String day = r.day().toString();
            try (PreparedStatement del = c.prepareStatement("DELETE FROM payment_difference WHERE day = ?")) {
                del.setString(1, day);
                del.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM payment_reconciliation WHERE day = ?")) {
                del.setString(1, day);
                del.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO payment_reconciliation (day, made_at, payments, "
                            + "paid_count, paid_fen, card_sale_count, card_sale_fen, card_reversal_count, card_reversal_fen, "
                            + "terminal_transaction_count, terminal_net_fen, "
                            + "platform_orders) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ReconciliationReport.KioskTotals k = r.kiosk();
                ps.setString(1, day);
                ps.setString(2, Times.text(r.madeAt()));
                ps.setLong(3, k.payments());
                ps.setLong(4, k.paidCount());
                ps.setLong(5, k.paidFen());
                ps.setLong(6, k.cardSaleCount());
                ps.setLong(7, k.cardSaleFen());
                ps.setLong(8, k.cardReversalCount());
                ps.setLong(9, k.cardReversalFen());
                Optional<TerminalTotals> t = r.terminal();
                setLong(ps, 10, t.map(TerminalTotals::transactionCount));
                setLong(ps, 11, t.map(TerminalTotals::netFen));
                setLong(
                        ps,
                        12,
                        r.platformOrders().isPresent()
                                ? Optional.of((long) r.platformOrders().getAsInt())
                                : Optional.empty());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO payment_difference (day, seq, kind, order_ref, "
                            + "method, kiosk_fen, other_fen, kiosk_state, other_state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (Difference d : r.differences()) {
                    ps.setString(1, day);
                    ps.setInt(2, ++seq);
                    ps.setString(3, d.kind().name());
                    ps.setString(4, d.orderRef());
                    ps.setString(5, d.method() == null ? null : d.method().name());
                    ps.setLong(6, d.kioskFen());
                    ps.setLong(7, d.otherFen());
                    ps.setString(8, d.kioskState());
                    ps.setString(9, d.otherState());
                    ps.setString(10, d.note());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void setLong(PreparedStatement ps, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.get());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    @Override
    public Optional<ReconciliationReport> report(LocalDate day) {
        return db.read(c -> {
            ReconciliationReport.KioskTotals kiosk;
            Instant madeAt;
            Optional<TerminalTotals> terminal;
            OptionalInt platformOrders;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM payment_reconciliation WHERE day = ?")) {
                ps.setString(1, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ReconciliationReport>empty();
                    }
                    madeAt = Instant.parse(rs.getString("made_at"));
                    kiosk = new ReconciliationReport.KioskTotals(
                            rs.getLong("payments"),
                            rs.getLong("paid_count"),
                            rs.getLong("paid_fen"),
                            rs.getLong("card_sale_count"),
                            rs.getLong("card_sale_fen"),
                            rs.getLong("card_reversal_count"),
                            rs.getLong("card_reversal_fen"));
                    long transactions = rs.getLong("terminal_transaction_count");
                    terminal = rs.wasNull()
                            ? Optional.empty()
                            : Optional.of(new TerminalTotals(transactions, rs.getLong("terminal_net_fen")));
                    int orders = rs.getInt("platform_orders");
                    platformOrders = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(orders);
                }
            }
            List<Difference> differences = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM payment_difference WHERE day = ? ORDER BY seq")) {
                ps.setString(1, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String method = rs.getString("method");
                        differences.add(new Difference(
                                Difference.Kind.valueOf(rs.getString("kind")),
                                rs.getString("order_ref"),
                                method == null ? null : PaymentMethod.valueOf(method),
                                rs.getLong("kiosk_fen"),
                                rs.getLong("other_fen"),
                                rs.getString("kiosk_state"),
                                rs.getString("other_state"),
                                rs.getString("note")));
                    }
                }
            }
            return Optional.of(new ReconciliationReport(day, madeAt, kiosk, terminal, platformOrders, differences));
        });
    }
}
