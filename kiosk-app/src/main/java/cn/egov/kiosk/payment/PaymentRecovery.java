package cn.egov.kiosk.payment;

import cn.egov.kiosk.payment.PaymentEngine.Moved;
import cn.egov.kiosk.payment.PaymentStep.Actor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a crash or a silent counterpart left unresolved, at start-up and then now and
 * again: a payment never sent is cancelled; one in doubt is asked about (card: the terminal's
 * repeat receipt, matched by amount, time and trace; 主扫: the platform's order, closed if still
 * open; 被扫: the platform's order, reversed if still unclear); one paid but not delivered is delivered
 * if the service still can be, else its money given back; a reversal or refund without answer is
 * asked again. Whatever stays without an answer after {@code maxAttempts} runs is left to staff
 * (MANUAL), except a paid payment whose delivery keeps failing, whose money is given back.
 *
 * <p>Every step is journalled (actor RECOVERY, with the platform's audit event) before the call it
 * announces, and every call is one that may be made again (a query, a close, a reversal by receipt
 * number, a delivery idempotent by order reference): a crash in the middle of a run leaves nothing
 * the next run cannot finish. A payment being paid in this kiosk right now is left alone.
 */
public final class PaymentRecovery {
    private static final Logger log = LoggerFactory.getLogger(PaymentRecovery.class);
    /** Steps one payment may take in a run (SENT, APPROVED, REFUND_PENDING, REFUNDED is the longest). */
    private static final int MAX_STEPS = 6;

    /** What a run did to one payment. */
    public record Resolution(String orderRef, PaymentState from, PaymentState to) {}

    /**
     * What a run did: each payment it looked at, from what state to what state; those it could not
     * finish yet; and those left for staff.
     */
    public record Report(List<Resolution> resolutions, List<PaymentRecord> unresolved, List<PaymentRecord> forStaff) {
        public Report {
            resolutions = List.copyOf(resolutions);
            unresolved = List.copyOf(unresolved);
            forStaff = List.copyOf(forStaff);
        }
    }

    private final PaymentEngine engine;
    private final Delivery delivery;
    private final int maxAttempts;

    /**
     * @param delivery what the payments bought, delivered for a paid payment
     * @param maxAttempts runs without an answer before a payment is left to staff
     */
    public PaymentRecovery(Payments payments, Delivery delivery, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
        }
        this.engine = payments.engine();
        this.delivery = delivery;
        this.maxAttempts = maxAttempts;
    }

    /** One run over every unresolved payment, oldest first. Blocks: off the JavaFX thread. */
    public Report run() {
        List<Resolution> done = new ArrayList<>();
        for (PaymentRecord p : engine.journal.unresolved()) {
            if (!engine.claim(p.orderRef())) {
                continue; // being paid right now
            }
            PaymentRecord end;
            try {
                end = finish(p);
            } catch (Moved m) {
                end = m.now;
            } finally {
                engine.release(p.orderRef());
            }
            done.add(new Resolution(p.orderRef(), p.state(), end.state()));
        }
        Report report = new Report(done, engine.journal.unresolved(), engine.journal.forStaff());
        if (!done.isEmpty()) {
            log.info(
                    "Payment recovery: {} looked at, {} still unresolved, {} left for staff",
                    done.size(),
                    report.unresolved().size(),
                    report.forStaff().size());
        }
        return report;
    }

    private PaymentRecord finish(PaymentRecord start) {
        PaymentRecord p = start;
        for (int i = 0; i < MAX_STEPS && p.state().unresolved(); i++) {
            PaymentRecord next = step(p);
            if (next.state() != p.state()) {
                p = next;
                continue;
            }
            // no answer this time
            if (next.attempts() >= maxAttempts) {
                String why = "no answer after " + next.attempts() + " tries";
                return next.state() == PaymentState.APPROVED
                        ? engine.giveBack(next, Actor.RECOVERY, "the service could not be delivered: " + why)
                        : engine.move(next, PaymentState.MANUAL, Actor.RECOVERY, Answer.note(why));
            }
            return next;
        }
        return p;
    }

    private PaymentRecord step(PaymentRecord p) {
        switch (p.state()) {
            case NEW:
                // SENT is journalled before anything is asked: nothing was
                return engine.move(
                        p, PaymentState.CANCELLED, Actor.RECOVERY, Answer.note("never sent: the kiosk stopped first"));
            case SENT:
                return inDoubt(p);
            case APPROVED:
                return paid(p);
            case REVERSAL_PENDING:
            case REFUND_PENDING:
                return engine.continueGiveBack(p, Actor.RECOVERY);
            default:
                throw new IllegalStateException("not for the recovery: " + p.state());
        }
    }

    private PaymentRecord inDoubt(PaymentRecord p) {
        if (p.method() == PaymentMethod.CARD) {
            return engine.resolveCard(p, Actor.RECOVERY);
        }
        QrAnswer q = PaymentEngine.ask(
                () -> engine.qr.query(p.orderRef(), p.paymentId().orElse(null)), QrAnswer::unknown);
        if (PaymentEngine.settles(q.outcome())) {
            return engine.settleQr(p, q, Actor.RECOVERY);
        }
        if (q.outcome() == GatewayOutcome.WAITING) {
            PaymentRecord withId = engine.keepId(p, q, Actor.RECOVERY, "found waiting for its payer");
            return p.method() == PaymentMethod.QR_SHOWN
                    ? engine.closeShown(withId, Actor.RECOVERY)
                    : engine.reverseInDoubt(withId, Actor.RECOVERY, "still waiting for its payer after a restart");
        }
        return engine.noAnswer(p, Actor.RECOVERY, "no answer from the platform: " + q.message());
    }

    private PaymentRecord paid(PaymentRecord p) {
        boolean deliverable;
        try {
            deliverable = delivery.deliverable(p);
        } catch (RuntimeException e) {
            log.warn("Payment {}: whether its service can be delivered is not known", p.orderRef(), e);
            return engine.noAnswer(p, Actor.RECOVERY, "whether the service can be delivered is not known");
        }
        if (!deliverable) {
            return engine.giveBack(p, Actor.RECOVERY, "paid, and the service can no longer be delivered");
        }
        if (engine.deliver(p, delivery, Actor.RECOVERY)) {
            return engine.journal.find(p.orderRef()).orElseThrow();
        }
        return engine.noAnswer(p, Actor.RECOVERY, "paid, and delivering the service failed");
    }
}
