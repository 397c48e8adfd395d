package cn.egov.kiosk.device.payment;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;

/**
 * A bank-card payment terminal (POS), after UnifiedPOS CAT: a sale (authorisation), its reversal by
 * the terminal's receipt number, a refund, the last transaction again (the repeat receipt), the end
 * of day with its totals, the terminal's status, and abort. Amounts are in fen, as whole numbers.
 *
 * <p><b>In doubt.</b> A terminal cannot be asked about a sale by the kiosk's own reference: once a
 * sale, reversal or refund has gone to the terminal, a failure to hear how it ended (no answer, the
 * cable pulled mid-way) is not an exception but a result whose outcome is {@link
 * PaymentResult.Outcome#UNKNOWN}; the caller then asks {@link #lastTransaction()} and compares amount,
 * receipt and trace with what it journalled, and reverses a charge it cannot use. A {@link
 * DeviceException} from these three means nothing was charged: the terminal was offline, busy, or
 * refused the command before it started.
 */
public interface PaymentTerminal extends Device {

    /** Asks the citizen to present a card and pay {@code request.amountFen()}; waits for the outcome. */
    PaymentResult sale(SaleRequest request) throws DeviceException;

    /** Cancels an earlier sale of this terminal, by the receipt number the terminal gave it. */
    PaymentResult reverse(ReversalRequest request) throws DeviceException;

    /** Pays an amount back to a card (a sale of an earlier day cannot be reversed, only refunded). */
    PaymentResult refund(RefundRequest request) throws DeviceException;

    /**
     * The last transaction the terminal made, as it repeats its receipt: how a lost answer is found.
     * {@link PaymentResult.Outcome#NOT_FOUND} when there is none (since the end of day).
     */
    PaymentResult lastTransaction() throws DeviceException;

    /** Closes the terminal's day (settlement, 日结) and returns its totals. */
    EndOfDay endOfDay() throws DeviceException;

    /** Asks the terminal whether it is ready to take a card. */
    TerminalStatus status() throws DeviceException;

    /**
     * Asks the terminal to stop the operation in progress (a sale waiting for a card), from any
     * thread; the operation then ends {@link PaymentResult.Outcome#ABORTED}, unless the terminal had
     * got further. Returns whether the request to stop was made: false when nothing was running.
     */
    boolean abort();
}
