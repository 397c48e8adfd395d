package cn.egov.kiosk.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A day's reconciliation (日结/对账): the journal's figures, what the terminal and the platform said
 * (empty when one did not answer), and the differences for staff.
 *
 * @param platformOrders how many orders the platform listed for the day
 */
public record ReconciliationReport(
        LocalDate day,
        Instant madeAt,
        KioskTotals kiosk,
        Optional<TerminalTotals> terminal,
        OptionalInt platformOrders,
        List<Difference> differences) {

    /**
     * The journal's side of the day.
     *
     * @param payments every attempt of the day
     * @param paidCount the payments whose money the hall holds (approved or delivered)
     * @param paidFen their sum
     * @param cardSaleCount the card sales the terminal booked (given back since or not) in the
     *     terminal's day that the reconciliation closed (from the end of day before to this one)
     * @param cardReversalCount those of them reversed
     */
    public record KioskTotals(
            long payments,
            long paidCount,
            long paidFen,
            long cardSaleCount,
            long cardSaleFen,
            long cardReversalCount,
            long cardReversalFen) {

        /** The card transactions the terminal counts: each sale, and each reversal. */
        public long cardTransactions() {
            return cardSaleCount + cardReversalCount;
        }

        /** What the card sales left charged: sales less those reversed. */
        public long cardNetFen() {
            return cardSaleFen - cardReversalFen;
        }
    }

    public ReconciliationReport {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(platformOrders, "platformOrders");
        differences = List.copyOf(differences);
    }

    /** Whether everything agreed and every side answered. */
    public boolean clean() {
        return differences.isEmpty();
    }
}
