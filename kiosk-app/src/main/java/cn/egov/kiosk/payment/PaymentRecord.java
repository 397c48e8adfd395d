package cn.egov.kiosk.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment attempt as the journal holds it now: what it pays for, its state, when it was sent and
 * approved, and the ids the answers gave. No personal data: the card number masked, no payment code.
 *
 * @param orderRef the kiosk's unique reference of the attempt; the platform's idempotency key
 * @param sentAt when it was first sent to the terminal or the platform (a repeat receipt is matched
 *     against it)
 * @param approvedAt when the charge was journalled approved: a sale the terminal's totals count
 * @param attempts the tries of the recovery that got no answer
 * @param note the latest step's reason
 */
public record PaymentRecord(
        String orderRef,
        String serviceId,
        String dueId,
        String description,
        long amountFen,
        PaymentMethod method,
        PaymentState state,
        Instant createdAt,
        Optional<Instant> sentAt,
        Optional<Instant> approvedAt,
        Instant updatedAt,
        Optional<String> receiptNo,
        Optional<String> traceNo,
        Optional<String> paymentId,
        Optional<String> cardMasked,
        Optional<String> authCode,
        int attempts,
        Optional<String> note) {

    public PaymentRecord {
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(receiptNo, "receiptNo");
        Objects.requireNonNull(traceNo, "traceNo");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(cardMasked, "cardMasked");
        Objects.requireNonNull(authCode, "authCode");
        Objects.requireNonNull(note, "note");
    }

    /** Whether the money was taken at some point (it may have been given back since). */
    public boolean wasCharged() {
        return approvedAt.isPresent();
    }

    /** Whether the money is with the hall now: charged and neither given back nor on its way back. */
    public boolean heldAsPaid() {
        return state == PaymentState.APPROVED || state == PaymentState.DELIVERED;
    }
}
