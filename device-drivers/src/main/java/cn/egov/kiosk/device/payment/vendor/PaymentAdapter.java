package cn.egov.kiosk.device.payment.vendor;

import cn.egov.kiosk.device.payment.EndOfDay;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.RefundRequest;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.TerminalStatus;

/**
 * What a vendor writes to put a terminal that is reached only through its acquirer's library (a
 * MIS-POS {@code bankall(request, response)} and the like) behind the kiosk's {@link
 * cn.egov.kiosk.device.payment.PaymentTerminal}: the library's calls, one method each, and nothing
 * of the kiosk's device model. The kiosk wraps it ({@link AdaptedPaymentTerminal}) in the device
 * lifecycle, its one-operation-at-a-time guard, the offline state the device manager reopens,
 * statistics, and the rules below. {@code docs/PAYMENT-TERMINALS.md} says how one is written.
 *
 * <ul>
 *   <li>One call at a time, on the kiosk's thread; only {@link #abort()} comes from another.
 *   <li>Amounts in fen. Results as the contract's records; the kiosk masks the card number again
 *       (first six, last four) and puts back the order reference and the transaction type it asked
 *       for, whatever the adapter returned.
 *   <li>A sale, reversal or refund whose outcome the library did not tell returns {@code UNKNOWN}
 *       or throws {@link AdapterException.Kind#FAILED}; the kiosk then asks {@link
 *       #lastTransaction()}. {@code OFFLINE}, {@code BUSY} and {@code REFUSED} mean nothing was
 *       done: an adapter that is not sure must not use them.
 *   <li>Never log a card number or any of the citizen's data.
 * </ul>
 */
public interface PaymentAdapter {

    /** Connects: loads the library, opens its port, checks the terminal answers. */
    void open() throws AdapterException;

    PaymentResult sale(SaleRequest request) throws AdapterException;

    /** Voids (撤销) a sale of the day by its receipt number (MIS-POS: transaction type 01). */
    PaymentResult reverse(ReversalRequest request) throws AdapterException;

    /** MIS-POS: transaction type 02. */
    PaymentResult refund(RefundRequest request) throws AdapterException;

    /** The last transaction, as the reprint gives it (MIS-POS: transaction type 04). */
    PaymentResult lastTransaction() throws AdapterException;

    /** The settlement (结算; MIS-POS: transaction type 06). */
    EndOfDay endOfDay() throws AdapterException;

    TerminalStatus status() throws AdapterException;

    /** Asks the library to stop the call in progress, from another thread; false when it cannot. */
    default boolean abort() {
        return false;
    }

    /** Disconnects; must not throw. */
    void close();

    /** Where the terminal is, for logs and diagnostics: {@code posinf:COM3}. */
    String describe();
}
