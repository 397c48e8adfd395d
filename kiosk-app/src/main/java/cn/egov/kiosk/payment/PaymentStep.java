package cn.egov.kiosk.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a payment as the journal keeps it for ever, written in the transaction that set its
 * state: when, from what to what, who moved it (the kiosk paying, the recovery at start-up, staff)
 * and what the answer said.
 *
 * @param from empty for the first step (the record made NEW)
 */
public record PaymentStep(
        String orderRef,
        int seq,
        Instant at,
        Optional<PaymentState> from,
        PaymentState to,
        Actor actor,
        Answer answer) {

    /** Who took a step. */
    public enum Actor {
        /** The kiosk, while the citizen pays. */
        KIOSK,
        /** The recovery at start-up. */
        RECOVERY,
        /** Staff, settling a payment left to them. */
        STAFF
    }

    public PaymentStep {
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(answer, "answer");
    }
}
