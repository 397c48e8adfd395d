package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;

/** Payment orders (缴费): by QR code or by bank card on the kiosk's terminal. */
public final class Payments {
    private Payments() {}

    public enum Method {
        QR,
        CARD
    }

    public enum Status {
        PENDING,
        PAID,
        FAILED,
        CLOSED,
        REFUNDED
    }

    /** {@code POST /v1/payments}; {@code orderRef} is the kiosk's and the idempotency key. */
    public record Create(
            String orderRef, String itemId, String applicationNo, int amountFen, Method method, String description) {}

    public record Payment(
            String paymentId,
            String orderRef,
            int amountFen,
            Method method,
            Status status,
            String qrCode,
            OffsetDateTime expiresAt,
            OffsetDateTime paidAt,
            String receiptNo) {}

    public enum CardOutcome {
        APPROVED,
        DECLINED
    }

    /** {@code POST /v1/payments/{id}/card-result}: what the card terminal answered. */
    public record CardResult(
            String terminalRef, CardOutcome result, int amountFen, String cardMasked, String authCode) {}
}
