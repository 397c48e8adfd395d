package cn.egov.kiosk.payment;

import cn.egov.kiosk.payment.Difference.Kind;
import cn.egov.kiosk.payment.PlatformOrder.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 日结/对账: a day's journal set against the card terminal's end-of-day totals and the platform's
 * orders of the day, each difference listed for staff: an order on one side only (单边账: one the
 * platform holds as paid and the kiosk does not know is money to refund), amounts or states that
 * differ, totals that do not add up, payments in doubt or left for staff, a side that did not
 * answer. The report is kept in the journal ({@code ./kiosk payments} shows it).
 */
public final class Reconciliation {
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** The platform's statuses that agree with each final journal state. */
    private static final Map<PaymentState, Set<Status>> AGREEING = Map.of(
            PaymentState.APPROVED, EnumSet.of(Status.PAID),
            PaymentState.DELIVERED, EnumSet.of(Status.PAID),
            PaymentState.DECLINED, EnumSet.of(Status.FAILED, Status.CLOSED),
            PaymentState.CANCELLED, EnumSet.of(Status.CLOSED, Status.FAILED),
            PaymentState.REVERSED, EnumSet.of(Status.CLOSED, Status.REFUNDED, Status.FAILED),
            PaymentState.REFUNDED, EnumSet.of(Status.REFUNDED));

    private final PaymentJournal journal;
    private final CardGateway card;
    private final PlatformOrders platform;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the hall's time zone, which says what a day is */
    public Reconciliation(PaymentJournal journal, CardGateway card, PlatformOrders platform, Clock clock, ZoneId zone) {
        this.journal = journal;
        this.card = card;
        this.platform = platform;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Closes the terminal's day (its end of day, once a day), asks the platform for the day's orders,
     * compares, and keeps the report. Blocks: off the JavaFX thread.
     */
    public ReconciliationReport run(LocalDate day) {
        Optional<TerminalTotals> totals = PaymentEngine.ask(card::endOfDay, why -> Optional.empty());
        Optional<List<PlatformOrder>> orders = PaymentEngine.ask(() -> platform.ordersOf(day), why -> Optional.empty());
        ReconciliationReport report =
                compare(day, journal.ofDay(day, zone), totals, orders, journal::find, clock.instant());
        journal.saveReport(report);
        log.info(
                "Reconciliation of {}: {} payments, {} difference(s)",
                day,
                report.kiosk().payments(),
                report.differences().size());
        return report;
    }

    /**
     * The comparison itself, of what each side said.
     *
     * @param elsewhere the journal's record of an order the platform lists under this day but the
     *     journal under another (near midnight)
     */
    public static ReconciliationReport compare(
            LocalDate day,
            List<PaymentRecord> payments,
            Optional<TerminalTotals> terminal,
            Optional<List<PlatformOrder>> platformOrders,
            Function<String, Optional<PaymentRecord>> elsewhere,
            Instant madeAt) {
        List<Difference> out = new ArrayList<>();
        ReconciliationReport.KioskTotals kiosk = totals(payments);

        for (PaymentRecord p : payments) {
            if (!p.state().isFinal()) {
                out.add(new Difference(
                        Kind.FOR_STAFF,
                        p.orderRef(),
                        p.method(),
                        p.amountFen(),
                        0,
                        p.state().name(),
                        null,
                        p.state() == PaymentState.MANUAL
                                ? "left for staff: " + p.note().orElse("")
                                : "not resolved yet (" + p.note().orElse("") + ")"));
            }
        }

        if (terminal.isEmpty()) {
            out.add(new Difference(
                    Kind.NO_ANSWER,
                    null,
                    PaymentMethod.CARD,
                    kiosk.cardSaleFen(),
                    0,
                    null,
                    null,
                    "the card terminal gave no end-of-day totals: card payments are not reconciled"));
        } else {
            TerminalTotals t = terminal.get();
            if (t.saleCount() != kiosk.cardSaleCount() || t.saleFen() != kiosk.cardSaleFen()) {
                out.add(new Difference(
                        Kind.TERMINAL_TOTALS_DIFFER,
                        null,
                        PaymentMethod.CARD,
                        kiosk.cardSaleFen(),
                        t.saleFen(),
                        null,
                        null,
                        "card sales: " + kiosk.cardSaleCount() + " in the journal, " + t.saleCount()
                                + " on the terminal"));
            }
            if (t.reversalCount() != kiosk.cardReversalCount() || t.reversalFen() != kiosk.cardReversalFen()) {
                out.add(new Difference(
                        Kind.TERMINAL_TOTALS_DIFFER,
                        null,
                        PaymentMethod.CARD,
                        kiosk.cardReversalFen(),
                        t.reversalFen(),
                        null,
                        null,
                        "card reversals: " + kiosk.cardReversalCount() + " in the journal, " + t.reversalCount()
                                + " on the terminal"));
            }
        }

        if (platformOrders.isEmpty()) {
            out.add(new Difference(
                    Kind.NO_ANSWER,
                    null,
                    null,
                    kiosk.paidFen(),
                    0,
                    null,
                    null,
                    "the platform did not list its orders: nothing is reconciled with it"));
        } else {
            comparePlatform(payments, platformOrders.get(), elsewhere, out);
        }
        return new ReconciliationReport(
                day,
                madeAt,
                kiosk,
                terminal,
                platformOrders.map(o -> OptionalInt.of(o.size())).orElse(OptionalInt.empty()),
                out);
    }

    private static void comparePlatform(
            List<PaymentRecord> payments,
            List<PlatformOrder> orders,
            Function<String, Optional<PaymentRecord>> elsewhere,
            List<Difference> out) {
        Set<String> seen = new HashSet<>();
        for (PlatformOrder o : orders) {
            seen.add(o.orderRef());
            Optional<PaymentRecord> mine = payments.stream()
                    .filter(p -> p.orderRef().equals(o.orderRef()))
                    .findFirst()
                    .or(() -> elsewhere.apply(o.orderRef()));
            if (mine.isEmpty()) {
                out.add(new Difference(
                        Kind.ONLY_ON_PLATFORM,
                        o.orderRef(),
                        o.card() ? PaymentMethod.CARD : null,
                        0,
                        o.amountFen(),
                        null,
                        o.status().name(),
                        o.status() == Status.PAID
                                ? "paid on the platform and unknown to the kiosk: to be refunded to the citizen"
                                : "an order the kiosk does not know"));
                continue;
            }
            PaymentRecord p = mine.get();
            if (p.amountFen() != o.amountFen()) {
                out.add(new Difference(
                        Kind.AMOUNT_DIFFERS,
                        p.orderRef(),
                        p.method(),
                        p.amountFen(),
                        o.amountFen(),
                        p.state().name(),
                        o.status().name(),
                        "the amounts differ"));
            }
            Set<Status> agreeing = AGREEING.get(p.state());
            if (agreeing != null && !agreeing.contains(o.status())) {
                out.add(new Difference(
                        Kind.STATE_DIFFERS,
                        p.orderRef(),
                        p.method(),
                        p.amountFen(),
                        o.amountFen(),
                        p.state().name(),
                        o.status().name(),
                        stateNote(p, o)));
            }
        }
        for (PaymentRecord p : payments) {
            if (!seen.contains(p.orderRef()) && (p.paymentId().isPresent() || p.wasCharged())) {
                out.add(new Difference(
                        Kind.ONLY_IN_JOURNAL,
                        p.orderRef(),
                        p.method(),
                        p.amountFen(),
                        0,
                        p.state().name(),
                        null,
                        p.heldAsPaid()
                                ? "paid here, and the platform does not hold the order"
                                : "the platform does not hold the order"));
            }
        }
    }

    private static String stateNote(PaymentRecord p, PlatformOrder o) {
        if (p.heldAsPaid()) {
            return "paid here, " + o.status() + " on the platform";
        }
        if (o.status() == Status.PAID) {
            return "PAID on the platform, " + p.state() + " here: the citizen may have paid for nothing";
        }
        if (o.status() == Status.PENDING) {
            return "still open on the platform: it may yet be paid; close it";
        }
        return p.state() + " here, " + o.status() + " on the platform";
    }

    static ReconciliationReport.KioskTotals totals(List<PaymentRecord> payments) {
        long paidCount = 0;
        long paidFen = 0;
        long saleCount = 0;
        long saleFen = 0;
        long reversalCount = 0;
        long reversalFen = 0;
        for (PaymentRecord p : payments) {
            if (p.heldAsPaid()) {
                paidCount++;
                paidFen += p.amountFen();
            }
            if (p.method() == PaymentMethod.CARD && p.wasCharged()) {
                saleCount++;
                saleFen += p.amountFen();
                if (p.state() == PaymentState.REVERSED) {
                    reversalCount++;
                    reversalFen += p.amountFen();
                }
            }
        }
        return new ReconciliationReport.KioskTotals(
                payments.size(), paidCount, paidFen, saleCount, saleFen, reversalCount, reversalFen);
    }
}
