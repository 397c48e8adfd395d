package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payment orders (缴费): by bank card on the kiosk's terminal, or through the citizen's wallet app,
 * either way round: the kiosk shows the order's QR code and the phone scans it (主扫, {@link
 * Method#QR}), or the kiosk scans the payment code the phone shows (被扫, {@link
 * Method#PAYMENT_CODE}) and the platform charges it. The platform holds the merchant keys; the
 * kiosk only ever sees the order.
 */
public final class Payments {
    private Payments() {}

    public enum Method {
        /** The kiosk shows the order's QR code ({@code qrCode}); the citizen's phone pays it. */
        QR,
        /** The kiosk's card terminal; the kiosk reports its outcome ({@code card-result}). */
        CARD,
        /** The kiosk scans the phone's payment code (付款码) and asks the platform to charge it. */
        PAYMENT_CODE
    }

    /**
     * Where an order stands. {@code WAITING}: not paid yet (the QR code not paid, the payment code
     * not charged, or charged and waiting for the payer to confirm on the phone); {@code PAID};
     * {@code FAILED} (declined, or a payment code the wallet refused: {@code failure} says why);
     * {@code CLOSED} (closed or expired unpaid: nothing was taken); {@code REVERSED} (paid, then
     * reversed: the money went back at once); {@code REFUNDED} (paid, then refunded by the
     * platform's staff).
     */
    public enum Status {
        WAITING,
        PAID,
        FAILED,
        CLOSED,
        REVERSED,
        REFUNDED
    }

    /** The wallet that paid, or whose payment code was charged (the kiosk's card: none). */
    public enum Wallet {
        WECHAT,
        ALIPAY,
        UNIONPAY
    }

    /** Why an order {@code FAILED}. */
    public enum Failure {
        /** The bank or the wallet declined it (funds, limits, the card's issuer). */
        DECLINED,
        /** The payment code is not one a wallet issued, expired, or was used before. */
        CODE_INVALID,
        /** The payer cancelled it on the phone instead of confirming. */
        PAYER_CANCELLED,
        /** The due it was for had been paid meanwhile (by another order): nothing was taken. */
        DUE_PAID
    }

    /**
     * {@code POST /v1/payments}; {@code orderRef} is the kiosk's and the idempotency key. For a fee
     * of a catalogue item {@code itemId} (and the application's number, if any); for a social
     * insurance due (社保缴费) {@code dueId}, the amount then being the due's, or one of its grades.
     * {@code expiresInSeconds}: how long the order may be paid (60 to 900; absent: 900); the
     * platform closes it then by itself, so that a kiosk gone away does not leave it open.
     */
    public record Create(
            String orderRef,
            String itemId,
            String applicationNo,
            long amountFen,
            Method method,
            String description,
            String dueId,
            Integer expiresInSeconds) {

        /** An order for a catalogue item's fee, open for the platform's default time. */
        public static Create forItem(
                String orderRef,
                String itemId,
                String applicationNo,
                long amountFen,
                Method method,
                String description) {
            return new Create(orderRef, itemId, applicationNo, amountFen, method, description, null, null);
        }

        /** An order for a social insurance due (the due's amount, or one of its grades). */
        public static Create forDue(String orderRef, String dueId, long amountFen, Method method, String description) {
            return new Create(orderRef, null, null, amountFen, method, description, dueId, null);
        }

        /** The same order, open for {@code seconds} only. */
        public Create expiringIn(int seconds) {
            return new Create(orderRef, itemId, applicationNo, amountFen, method, description, dueId, seconds);
        }
    }

    /**
     * An order as it stands. {@code qrCode}: what the QR code the kiosk shows holds (a {@code QR}
     * order; the URL the phone opens); {@code expiresAt}: when the platform closes it unpaid;
     * {@code paidAt}, {@code receiptNo} and {@code wallet} once paid (a reversed or refunded order
     * keeps them); {@code failure} once {@code FAILED}.
     */
    public record Payment(
            String paymentId,
            String orderRef,
            long amountFen,
            Method method,
            Status status,
            String qrCode,
            OffsetDateTime expiresAt,
            OffsetDateTime paidAt,
            String receiptNo,
            Wallet wallet,
            Failure failure,
            String dueId) {}

    /**
     * {@code GET /v1/payments}: the calling kiosk's orders, by its {@code orderRef} (the one order;
     * {@code 404} when there is none) or by the day they were made ({@code day}, in the platform's
     * time zone, the hall's), oldest first.
     */
    public record PaymentList(List<Payment> payments) {
        public PaymentList {
            payments = payments == null ? List.of() : List.copyOf(payments);
        }
    }

    public enum CardOutcome {
        APPROVED,
        DECLINED
    }

    /** {@code POST /v1/payments/{id}/card-result}: what the card terminal answered. */
    public record CardResult(
            String terminalRef, CardOutcome result, long amountFen, String cardMasked, String authCode) {}

    /**
     * {@code POST /v1/payments/{id}/charge}: the payment code (付款码) the kiosk scanned from the
     * citizen's phone. It stands for the citizen's money for a minute: it is never logged, not
     * even here (only its length).
     */
    public record Charge(String paymentCode) {
        @Override
        public String toString() {
            return "Charge[payment code of " + (paymentCode == null ? 0 : paymentCode.length()) + " digits]";
        }
    }

    /**
     * What a charge came to. {@code PAID}; {@code WAITING}: the payer confirms on the phone (a
     * password over the wallet's limit): poll the order; {@code UNKNOWN}: the wallet's answer did
     * not come, the money may have been taken: query the order, never charge again; {@code
     * FAILED}: nothing was taken ({@code payment.failure} says why).
     */
    public enum ChargeOutcome {
        PAID,
        WAITING,
        UNKNOWN,
        FAILED
    }

    /** The answer to a charge: its outcome and the order as the platform knows it then. */
    public record Charged(ChargeOutcome outcome, Payment payment) {}
}
