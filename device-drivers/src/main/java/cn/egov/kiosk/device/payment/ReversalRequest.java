package cn.egov.kiosk.device.payment;

import java.time.Duration;
import java.util.Objects;

/**
 * A reversal (冲正/撤销) of an earlier sale: the kiosk's order reference (for its own records and
 * the result), the receipt number the terminal gave the sale, how long it may take (some terminals
 * want the card again).
 */
public record ReversalRequest(String orderReference, String receiptNumber, Duration timeout) {
    public ReversalRequest {
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(timeout, "timeout");
        if (receiptNumber == null || !receiptNumber.matches("[0-9]{1,8}")) {
            throw new IllegalArgumentException("a receipt number of 1 to 8 digits, not \"" + receiptNumber + "\"");
        }
    }
}
