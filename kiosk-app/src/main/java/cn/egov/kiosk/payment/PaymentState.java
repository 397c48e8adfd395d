package cn.egov.kiosk.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payment attempt stands in the journal. {@code NEW -> SENT (in doubt) -> APPROVED ->
 * DELIVERED}; or {@code DECLINED}, {@code CANCELLED}; money given back through {@code
 * REVERSAL_PENDING -> REVERSED} or {@code REFUND_PENDING -> REFUNDED}; {@code MANUAL} when only staff
 * can tell. A state is written before the call it announces: {@code SENT} before the terminal or the
 * platform is asked to charge, {@code REVERSAL_PENDING} before the reversal.
 */
public enum PaymentState {
    /** Recorded; nothing has been asked of anyone yet. */
    NEW,
    /** Asked to charge: until an answer is journalled, the money may or may not have moved. */
    SENT,
    /** Charged; the service not yet delivered. */
    APPROVED,
    /** Charged and the service delivered: done. */
    DELIVERED,
    /** Refused by the bank or the wallet: not charged. */
    DECLINED,
    /** Ended before any charge (the citizen gave up, the order closed, the sale never happened). */
    CANCELLED,
    /** A reversal (void, or a wallet order cancelled) is to be asked for, or was asked without answer. */
    REVERSAL_PENDING,
    /** Reversed: the charge, if there was one, is undone. */
    REVERSED,
    /** A refund of a paid wallet order is to be asked for, or was asked without answer. */
    REFUND_PENDING,
    /** Refunded. */
    REFUNDED,
    /** Neither the kiosk nor its counterparts can tell: for staff to settle. */
    MANUAL;

    private static final Map<PaymentState, Set<PaymentState>> NEXT = Map.ofEntries(
            Map.entry(NEW, EnumSet.of(SENT, CANCELLED, MANUAL)),
            Map.entry(SENT, EnumSet.of(APPROVED, DECLINED, CANCELLED, REVERSAL_PENDING, REVERSED, REFUNDED, MANUAL)),
            Map.entry(APPROVED, EnumSet.of(DELIVERED, REVERSAL_PENDING, REFUND_PENDING, MANUAL)),
            Map.entry(REVERSAL_PENDING, EnumSet.of(REVERSED, REFUNDED, MANUAL)),
            Map.entry(REFUND_PENDING, EnumSet.of(REFUNDED, MANUAL)),
            // staff settle what the kiosk could not, with what they found out
            Map.entry(MANUAL, EnumSet.of(DELIVERED, DECLINED, CANCELLED, REVERSED, REFUNDED)),
            Map.entry(DELIVERED, EnumSet.noneOf(PaymentState.class)),
            Map.entry(DECLINED, EnumSet.noneOf(PaymentState.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(PaymentState.class)),
            Map.entry(REVERSED, EnumSet.noneOf(PaymentState.class)),
            Map.entry(REFUNDED, EnumSet.noneOf(PaymentState.class)));

    /**
     * Whether the journal may go from this state to {@code next}. A state may follow itself where a
     * step adds what an answer said without changing the state (the platform's order id, a reversal
     * asked again).
     */
    public boolean canMoveTo(PaymentState next) {
        return next == this ? !isFinal() : NEXT.get(this).contains(next);
    }

    /** Nothing more will happen to it: done, or no money kept. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Left for the kiosk to finish (at start-up, after a crash): neither final nor for staff. */
    public boolean unresolved() {
        return !isFinal() && this != MANUAL;
    }

    /**
     * Whether a payment in this state stops another for the same thing: while it is paid, or may be,
     * or money is on its way back, the citizen is not asked to pay again.
     */
    public boolean holdsTheDue() {
        return this != DECLINED && this != CANCELLED && this != REVERSED && this != REFUNDED;
    }
}
