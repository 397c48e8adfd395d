package cn.egov.kiosk.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A card terminal in memory, for the payments' logic: it books sales with receipt and trace numbers
 * by its own clock, keeps them across the kiosk's "crashes" (it is the world outside the kiosk), and
 * answers as it is told to: approve, decline, abort, lose the answer after booking, die after booking.
 */
final class FakeTerminal implements CardGateway {

    /** What the next sale does. */
    enum Sale {
        APPROVE,
        DECLINE,
        ABORT,
        /** Booked, and the answer lost (UNKNOWN). */
        LOSE_ANSWER,
        /** Not booked, and no answer (UNKNOWN). */
        NO_ANSWER,
        /** Booked, then the kiosk dies before it hears the answer. */
        CRASH_AFTER_BOOKING
    }

    /** One booked transaction. */
    static final class Tx {
        final String receiptNo;
        final String traceNo;
        final long amountFen;
        final Instant at;
        boolean reversed;

        Tx(String receiptNo, String traceNo, long amountFen, Instant at) {
            this.receiptNo = receiptNo;
            this.traceNo = traceNo;
            this.amountFen = amountFen;
            this.at = at;
        }
    }

    private final Clock clock;
    final List<Tx> booked = new ArrayList<>();
    Sale next = Sale.APPROVE;
    boolean offline;
    boolean reversalPossible = true;
    boolean repeatReceiptGivesTime = true;
    int sales;
    int reversals;
    int repeatReceipts;
    /** Runs when a sale arrives, before it is booked (tests look at the journal then). */
    Consumer<String> onSale = ref -> {};

    private int counter = 100;
    /** Where the terminal's day began: the transactions before were closed by an end of day. */
    private int dayStart;

    FakeTerminal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CardAnswer sale(String orderRef, long amountFen, Duration timeout) {
        sales++;
        onSale.accept(orderRef);
        if (offline) {
            return CardAnswer.unknown("offline");
        }
        switch (next) {
            case DECLINE:
                return new CardAnswer(
                        GatewayOutcome.DECLINED, amountFen, null, null, null, null, clock.instant(), "05", "declined");
            case ABORT:
                return new CardAnswer(
                        GatewayOutcome.CLOSED, 0, null, null, null, null, clock.instant(), "6C", "aborted");
            case NO_ANSWER:
                return CardAnswer.unknown("timeout");
            default:
                break;
        }
        Tx tx = book(amountFen);
        if (next == Sale.LOSE_ANSWER) {
            return CardAnswer.unknown("answer lost");
        }
        if (next == Sale.CRASH_AFTER_BOOKING) {
            throw new Crash("after the terminal booked the sale");
        }
        return answer(tx, GatewayOutcome.APPROVED);
    }

    /** Books a sale as the terminal does (also one the kiosk did not ask for: a test at the terminal). */
    Tx book(long amountFen) {
        counter++;
        Tx tx = new Tx("R" + counter, "T" + counter, amountFen, clock.instant());
        booked.add(tx);
        return tx;
    }

    private CardAnswer answer(Tx tx, GatewayOutcome outcome) {
        return new CardAnswer(
                outcome,
                tx.amountFen,
                tx.receiptNo,
                tx.traceNo,
                "6222021234567890", // the terminal sends the whole number: the kiosk masks it
                "A" + tx.traceNo,
                repeatReceiptGivesTime ? tx.at : null,
                "00",
                outcome.name());
    }

    @Override
    public CardAnswer reverse(String receiptNo, long amountFen) {
        reversals++;
        if (offline) {
            return CardAnswer.unknown("offline");
        }
        for (Tx tx : booked) {
            if (tx.receiptNo.equals(receiptNo)) {
                if (!reversalPossible && !tx.reversed) {
                    return new CardAnswer(
                            GatewayOutcome.NOT_POSSIBLE,
                            amountFen,
                            receiptNo,
                            null,
                            null,
                            null,
                            null,
                            "B5",
                            "reversal not possible");
                }
                tx.reversed = true; // B4 "already reversed" answers REVERSED as well
                return answer(tx, GatewayOutcome.REVERSED);
            }
        }
        return new CardAnswer(GatewayOutcome.NOT_FOUND, 0, receiptNo, null, null, null, null, "64", "no such receipt");
    }

    @Override
    public CardAnswer lastTransaction() {
        repeatReceipts++;
        if (offline) {
            return CardAnswer.unknown("offline");
        }
        if (booked.isEmpty()) {
            return new CardAnswer(GatewayOutcome.NOT_FOUND, 0, null, null, null, null, null, null, "none");
        }
        Tx last = booked.get(booked.size() - 1);
        return answer(last, last.reversed ? GatewayOutcome.REVERSED : GatewayOutcome.APPROVED);
    }

    @Override
    public Optional<TerminalTotals> endOfDay() {
        if (offline) {
            return Optional.empty();
        }
        // as a terminal counts, since its last end of day: each sale (reversed or not) and each
        // reversal; the net kept
        List<Tx> day = booked.subList(dayStart, booked.size());
        long reversals = day.stream().filter(t -> t.reversed).count();
        long net = day.stream()
                .filter(t -> !t.reversed)
                .mapToLong(t -> t.amountFen)
                .sum();
        TerminalTotals totals = new TerminalTotals(day.size() + reversals, net);
        dayStart = booked.size();
        return Optional.of(totals);
    }

    /** The money the terminal took and kept: booked, not reversed. */
    List<Tx> kept() {
        return booked.stream().filter(t -> !t.reversed).toList();
    }
}
