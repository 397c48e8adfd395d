package cn.egov.kiosk.payment;

/**
 * The card terminal's end-of-day totals (ZVT 06 50, UnifiedPOS {@code accessDailyLog}), as a
 * terminal gives them: one count and one sum since its last end of day.
 *
 * @param transactionCount the transactions it booked: sales (reversed ones included), reversals and
 *     refunds, each one; -1 when the terminal did not say
 * @param netFen the money that stayed charged, in fen: sales not reversed, less refunds
 */
public record TerminalTotals(long transactionCount, long netFen) {

    /** The count was not told. */
    public static final long NOT_TOLD = -1;

    public TerminalTotals {
        if (transactionCount < NOT_TOLD) {
            throw new IllegalArgumentException("a count of transactions, or -1, not " + transactionCount);
        }
    }

    /** Whether the terminal said how many transactions it booked. */
    public boolean countTold() {
        return transactionCount != NOT_TOLD;
    }
}
