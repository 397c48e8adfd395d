package cn.egov.kiosk.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * The card terminal's answer (a sale, a reversal, the repeat receipt). Ids are null when the answer
 * did not carry them. The card number is masked here whatever the terminal sent.
 *
 * @param amountFen the amount the terminal booked, in fen (0 when it said none)
 * @param receiptNo the receipt number (ZVT BMP 87), the key of a reversal
 * @param traceNo the trace number (ZVT BMP 0B)
 * @param at when the terminal booked it, by its clock (null when it did not say)
 * @param resultCode the terminal's result code as it said it (ZVT BMP 27: 00 approved, 6C timeout...)
 * @param message the terminal's words, for staff and the log
 */
public record CardAnswer(
        GatewayOutcome outcome,
        long amountFen,
        String receiptNo,
        String traceNo,
        String cardMasked,
        String authCode,
        Instant at,
        String resultCode,
        String message) {

    public CardAnswer {
        Objects.requireNonNull(outcome, "outcome");
        cardMasked = cardMasked == null ? null : CardMask.mask(cardMasked);
    }

    /** No answer came (a lost link, a timeout): the sale may or may not have been booked. */
    public static CardAnswer unknown(String why) {
        return new CardAnswer(GatewayOutcome.UNKNOWN, 0, null, null, null, null, null, null, why);
    }

    /** The ids for the journal, with {@code note}. */
    Answer answer(String note) {
        return new Answer(receiptNo, traceNo, null, cardMasked, authCode, resultCode, note);
    }
}
