package cn.egov.kiosk.payment;

import java.util.Objects;

/**
 * One payment order as the platform holds it, for the day's reconciliation: card payments are
 * there too (the kiosk reports the terminal's outcome).
 */
public record PlatformOrder(String orderRef, String paymentId, boolean card, long amountFen, Status status) {

    /** The platform's payment statuses. */
    public enum Status {
        PENDING,
        PAID,
        FAILED,
        CLOSED,
        /** Paid, then given back at once (a wallet order reversed; a card sale reversed on the terminal). */
        REVERSED,
        REFUNDED
    }

    public PlatformOrder {
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(status, "status");
    }
}
