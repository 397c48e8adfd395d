package cn.egov.kiosk.payment;

/**
 * What an answer said, as a journal step keeps it: the ids that find the transaction again and a
 * note for staff. Each is null when the answer did not carry it; a step never erases an id an
 * earlier step recorded. The card number is masked ({@link CardMask}) before it gets here.
 *
 * @param receiptNo the terminal's receipt number (ZVT BMP 87), or the platform's receipt number of a
 *     wallet payment
 * @param traceNo the terminal's trace number (ZVT BMP 0B)
 * @param paymentId the platform's id of the order
 * @param cardMasked the card number, first 6 and last 4 digits at most
 * @param authCode the bank's authorisation code
 * @param resultCode the terminal's or the platform's result code, as it said it
 * @param note why, in plain words, for staff and the log (no personal data)
 */
public record Answer(
        String receiptNo,
        String traceNo,
        String paymentId,
        String cardMasked,
        String authCode,
        String resultCode,
        String note) {

    public static final Answer NONE = new Answer(null, null, null, null, null, null, null);

    public Answer {
        cardMasked = cardMasked == null ? null : CardMask.mask(cardMasked);
    }

    /** An answer that carried nothing but a reason. */
    public static Answer note(String note) {
        return new Answer(null, null, null, null, null, null, note);
    }

    /** The same ids with another note. */
    public Answer withNote(String newNote) {
        return new Answer(receiptNo, traceNo, paymentId, cardMasked, authCode, resultCode, newNote);
    }
}
