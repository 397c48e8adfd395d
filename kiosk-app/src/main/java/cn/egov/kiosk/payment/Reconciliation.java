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
            PaymentState.REVERSED, EnumSet.of(Status.CLOSED, Status.REVERSED, Status.REFUNDED, Status.FAILED),
            PaymentState.REFUNDED, EnumSet.of(Status.REVERSED, Status.REFUNDED));

    /** How far back the terminal's last closed day is looked for. */
    private static final int LOOK_BACK_DAYS = 7;

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
        Instant closedAt = clock.instant();
        Optional<List<PlatformOrder>> orders = PaymentEngine.ask(() -> platform.ordersOf(day), why -> Optional.empty());
        ReconciliationReport report = compare(
                day, journal.ofDay(day, zone), terminalDay(day, closedAt), totals, orders, journal::find, closedAt);
        journal.saveReport(report);
        log.info(
                "Reconciliation of {}: {} payments, {} difference(s)",
                day,
                report.kiosk().payments(),
                report.differences().size());
        return report;
    }

    /**
     * The card payments of the terminal's day that its end of day now closes: since the last end of
     * day a reconciliation of the week before got totals from, or since the day began when there was
     * none, until now. A reconciliation made at 02:00 counts the card payments after midnight too,
     * as the terminal does.
     */
    private List<PaymentRecord> terminalDay(LocalDate day, Instant closedAt) {
        Instant from = day.atStartOfDay(zone).toInstant();
        for (int back = 1; back <= LOOK_BACK_DAYS; back++) {
            Optional<ReconciliationReport> before = journal.report(day.minusDays(back));
            if (before.isPresent() && before.get().terminal().isPresent()) {
                from = before.get().madeAt();
                break;
            }
        }
        LocalDate last = LocalDate.ofInstant(closedAt, zone);
        List<PaymentRecord> cards = new ArrayList<>();
        for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(last); d = d.plusDays(1)) {
            for (PaymentRecord p : journal.ofDay(d, zone)) {
                if (p.method() == PaymentMethod.CARD
                        && !p.createdAt().isBefore(from)
                        && !p.createdAt().isAfter(closedAt)) {
                    cards.add(p);
                }
            }
        }
        return cards;
    }

    /**
     * The comparison itself, of what each side said.
     *
     * @param payments the journal's payments of the day
     * @param terminalDay the journal's card payments of the terminal's day that its totals close
     * @param elsewhere the journal's record of an order the platform lists under this day but the
     *     journal under another (near midnight)
     */
    public static ReconciliationReport compare(
            LocalDate day,
            List<PaymentRecord> payments,
            List<PaymentRecord> terminalDay,
            Optional<TerminalTotals> terminal,
            Optional<List<PlatformOrder>> platformOrders,
            Function<String, Optional<PaymentRecord>> elsewhere,
            Instant madeAt) {
        List<Difference> out = new ArrayList<>();
        ReconciliationReport.KioskTotals kiosk = totals(payments, terminalDay);

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
                    kiosk.cardNetFen(),
                    0,
                    null,
                    null,
                    "the card terminal gave no end-of-day totals: card payments are not reconciled"));
        } else {
            TerminalTotals t = terminal.get();
            long transactions = kiosk.cardTransactions();
            long net = kiosk.cardNetFen();
            boolean countDiffers = t.countTold() && t.transactionCount() != transactions;
            if (countDiffers || t.netFen() != net) {
                out.add(new Difference(
                        Kind.TERMINAL_TOTALS_DIFFER,
                        null,
                        PaymentMethod.CARD,
                        net,
                        t.netFen(),
                        null,
                        null,
                        "card transactions (sales and reversals): " + transactions + " in the journal, "
                                + (t.countTold() ? t.transactionCount() : "not told") + " on the terminal; "
                                + "net charged: " + net + " fen in the journal, " + t.netFen()
                                + " fen on the terminal"));
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
            if (!seen.contains(p.orderRef()) && expectedOnPlatform(p)) {
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

    /**
     * Whether the platform should hold the order: it gave the order an id, or it is a wallet payment
     * that was charged, or a card payment whose money the hall keeps (the kiosk reports it when it
     * delivers). A card payment never charged, or charged and reversed before it was reported, is
     * the terminal's business only.
     */
    private static boolean expectedOnPlatform(PaymentRecord p) {
        if (p.paymentId().isPresent()) {
            return true;
        }
        return p.method() == PaymentMethod.CARD ? p.heldAsPaid() : p.wasCharged();
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

    static ReconciliationReport.KioskTotals totals(List<PaymentRecord> payments, List<PaymentRecord> terminalDay) {
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
        }
        for (PaymentRecord p : terminalDay) {
            // a sale the terminal booked: charged, or reversed by the terminal itself (asynchronous
            // completion) before the kiosk heard of the charge
            if (p.method() == PaymentMethod.CARD && (p.wasCharged() || p.state() == PaymentState.REVERSED)) {
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
