package cn.egov.kiosk.payment;

import java.util.Objects;

/**
 * One difference the reconciliation found, for staff. Fields that do not apply are null (a
 * difference of totals names no order).
 *
 * @param kioskFen the journal's amount (or sum), in fen
 * @param otherFen the platform's or the terminal's amount (or sum), in fen
 * @param kioskState the journal's state of the payment
 * @param otherState the platform's status of the order
 * @param note what it means and what to do, in plain words
 */
public record Difference(
        Kind kind,
        String orderRef,
        PaymentMethod method,
        long kioskFen,
        long otherFen,
        String kioskState,
        String otherState,
        String note) {

    /** What kind of difference. */
    public enum Kind {
        /** In the kiosk's journal, and the platform does not hold the order. */
        ONLY_IN_JOURNAL,
        /** The platform holds an order the journal does not know (单边账). */
        ONLY_ON_PLATFORM,
        /** Both hold it, for different amounts. */
        AMOUNT_DIFFERS,
        /** Both hold it, one paid and the other not (or given back). */
        STATE_DIFFERS,
        /** The terminal's end-of-day totals and the journal's card payments disagree. */
        TERMINAL_TOTALS_DIFFER,
        /** A payment in doubt or left for staff on the day. */
        FOR_STAFF,
        /** The terminal or the platform did not answer: that side is not reconciled. */
        NO_ANSWER
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
    }
}
