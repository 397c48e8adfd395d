package cn.egov.kiosk.payment;

/**
 * The card terminal's end-of-day totals (ZVT 06 50, UnifiedPOS {@code accessDailyLog}): the sales it
 * booked since its last end of day, reversed ones included, and the reversals, each a count and a sum
 * in fen.
 */
public record TerminalTotals(long saleCount, long saleFen, long reversalCount, long reversalFen) {}
