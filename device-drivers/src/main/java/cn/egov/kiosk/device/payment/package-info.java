/**
 * The bank-card payment terminal, as a UnifiedPOS CAT-like contract: sale, reversal by receipt
 * number, refund, the last transaction again, end of day, status, abort. Amounts are in fen (分), as
 * whole numbers; card numbers are masked (first six, last four at most) in every result. A sale whose
 * outcome was not heard is a result {@code UNKNOWN}, never an exception: the caller asks for the last
 * transaction and reverses what it cannot use. Drivers: {@code payment.zvt} (ZVT over serial or TCP),
 * {@code payment.vendor} (an acquirer's library behind an adapter), and the in-process simulator.
 */
package cn.egov.kiosk.device.payment;
