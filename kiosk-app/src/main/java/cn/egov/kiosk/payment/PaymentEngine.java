package cn.egov.kiosk.payment;

import cn.egov.kiosk.payment.PaymentStep.Actor;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps {@link Payments} and {@link PaymentRecovery} share: each state is journalled before the
 * call it announces, each answer journalled as it comes, every move conditional on the state it
 * leaves (a payment moved meanwhile by someone else is not overwritten: {@link Moved}). A payment
 * being worked on is claimed, so that the recovery leaves a payment in progress alone.
 */
final class PaymentEngine {
    private static final Logger log = LoggerFactory.getLogger(PaymentEngine.class);

    final PaymentJournal journal;
    final CardGateway card;
    final QrGateway qr;
    final Clock clock;
    final PaymentTimes times;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    PaymentEngine(PaymentJournal journal, CardGateway card, QrGateway qr, Clock clock, PaymentTimes times) {
        this.journal = journal;
        this.card = card;
        this.qr = qr;
        this.clock = clock;
        this.times = times;
    }

    /** A step found its payment in another state than it left it: someone else moved it. */
    static final class Moved extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PaymentRecord now;

        Moved(PaymentRecord now) {
            super("payment " + now.orderRef() + " was moved meanwhile, to " + now.state());
            this.now = now;
        }
    }

    /** Takes a payment to work on; false when someone else in this kiosk is working on it. */
    boolean claim(String orderRef) {
        return busy.add(orderRef);
    }

    void release(String orderRef) {
        busy.remove(orderRef);
    }

    PaymentRecord move(PaymentRecord p, PaymentState to, Actor actor, Answer answer) {
        Optional<PaymentRecord> moved = journal.advance(p.orderRef(), p.state(), to, actor, answer, clock.instant());
        if (moved.isEmpty()) {
            throw new Moved(journal.find(p.orderRef()).orElseThrow());
        }
        if (to != p.state()) {
            log.info(
                    "Payment {} {} -> {}{}",
                    p.orderRef(),
                    p.state(),
                    to,
                    answer.note() == null ? "" : ": " + answer.note());
        }
        return moved.get();
    }

    PaymentRecord noAnswer(PaymentRecord p, Actor actor, String note) {
        log.warn("Payment {} stays {}: {}", p.orderRef(), p.state(), note);
        return journal.noAnswer(p.orderRef(), p.state(), actor, note, clock.instant())
                .orElseThrow(() -> new Moved(journal.find(p.orderRef()).orElseThrow()));
    }

    /**
     * A gateway's call; what it throws instead of answering is no answer (the money may have moved).
     * Errors are not caught: a kiosk that dies leaves the journal to the recovery.
     */
    static <T> T ask(Supplier<T> call, Function<String, T> unknown) {
        try {
            T answer = call.get();
            return answer != null ? answer : unknown.apply("an empty answer");
        } catch (RuntimeException e) {
            log.warn("A payment gateway failed instead of answering", e);
            return unknown.apply(e.toString());
        }
    }

    // ---- the card terminal ----

    /** Sends a sale for a payment journalled SENT, and journals what came of it. */
    PaymentRecord sale(PaymentRecord sent, Actor actor) {
        CardAnswer a = ask(() -> card.sale(sent.orderRef(), sent.amountFen(), times.sale()), CardAnswer::unknown);
        switch (a.outcome()) {
            case APPROVED:
                if (a.amountFen() != sent.amountFen()) {
                    return move(
                            sent,
                            PaymentState.MANUAL,
                            actor,
                            a.answer("the terminal approved " + a.amountFen() + " fen, not " + sent.amountFen()));
                }
                return move(sent, PaymentState.APPROVED, actor, a.answer("approved by the terminal"));
            case DECLINED:
                return move(sent, PaymentState.DECLINED, actor, a.answer("declined: " + a.message()));
            case CLOSED:
                return move(sent, PaymentState.CANCELLED, actor, a.answer("aborted at the terminal"));
            default:
                log.warn(
                        "Payment {}: the sale got no clear answer ({}: {}); asking for the repeat receipt",
                        sent.orderRef(),
                        a.outcome(),
                        a.message());
                return resolveCard(sent, actor);
        }
    }

    /**
     * A card payment in doubt (SENT), resolved by the terminal's repeat receipt: only the last
     * transaction can be read, so only the card payment sent last can be resolved so.
     */
    PaymentRecord resolveCard(PaymentRecord p, Actor actor) {
        Optional<PaymentRecord> last = journal.lastCardSent();
        if (last.isPresent() && !last.get().orderRef().equals(p.orderRef())) {
            return move(
                    p,
                    PaymentState.MANUAL,
                    actor,
                    Answer.note("the repeat receipt shows only the terminal's last transaction, and card payment "
                            + last.get().orderRef() + " was sent after this one"));
        }
        CardAnswer r = ask(card::lastTransaction, CardAnswer::unknown);
        if (r.outcome() == GatewayOutcome.UNKNOWN) {
            return noAnswer(p, actor, "no repeat receipt from the terminal: " + r.message());
        }
        Optional<PaymentRecord> holder = r.traceNo() == null ? Optional.empty() : journal.withTrace(r.traceNo());
        CardMatch.Verdict verdict = CardMatch.of(p, r, holder, times.sale(), times.terminalClockSlack());
        switch (verdict) {
            case NOT_OURS:
                return move(
                        p,
                        PaymentState.CANCELLED,
                        actor,
                        Answer.note("never booked: the terminal's last transaction is another"
                                + (r.traceNo() == null ? "" : " (trace " + r.traceNo() + ")")));
            case UNSURE:
                return move(
                        p,
                        PaymentState.MANUAL,
                        actor,
                        r.answer("the terminal's last transaction may be this sale: same amount, but its time "
                                + (r.at() == null ? "is not given" : r.at() + " is not near when it was sent")));
            default:
                break;
        }
        switch (r.outcome()) {
            case APPROVED:
                return move(p, PaymentState.APPROVED, actor, r.answer("approved, found by the repeat receipt"));
            case DECLINED:
                return move(p, PaymentState.DECLINED, actor, r.answer("declined, found by the repeat receipt"));
            case REVERSED:
                return move(p, PaymentState.REVERSED, actor, r.answer("reversed by the terminal itself"));
            case CLOSED:
                return move(p, PaymentState.CANCELLED, actor, r.answer("aborted, found by the repeat receipt"));
            default:
                return move(p, PaymentState.MANUAL, actor, r.answer("the repeat receipt says " + r.outcome()));
        }
    }

    /** Asks again for the reversal of a card payment journalled REVERSAL_PENDING. */
    PaymentRecord reverseCard(PaymentRecord p, Actor actor) {
        if (p.receiptNo().isEmpty()) {
            return move(p, PaymentState.MANUAL, actor, Answer.note("no receipt number to reverse the sale by"));
        }
        CardAnswer r = ask(() -> card.reverse(p.receiptNo().get(), p.amountFen()), CardAnswer::unknown);
        switch (r.outcome()) {
            case REVERSED:
                // the payment keeps its sale's receipt and trace (what the terminal's journal and the
                // reconciliation know it by); the reversal's own go into the note
                return move(
                        p,
                        PaymentState.REVERSED,
                        actor,
                        Answer.note("reversed at the terminal"
                                + (r.receiptNo() == null ? "" : ", reversal receipt " + r.receiptNo())
                                + (r.traceNo() == null ? "" : " trace " + r.traceNo())));
            case NOT_POSSIBLE:
            case DECLINED:
            case NOT_FOUND:
                return move(
                        p,
                        PaymentState.MANUAL,
                        actor,
                        r.answer("the terminal cannot reverse it (" + r.outcome() + " " + r.message()
                                + "): to be refunded by staff"));
            default:
                return noAnswer(p, actor, "no answer to the reversal: " + r.message());
        }
    }

    // ---- wallets through the platform ----

    /** Whether the platform's answer settles where an order stands. */
    static boolean settles(GatewayOutcome o) {
        return o != GatewayOutcome.WAITING && o != GatewayOutcome.UNKNOWN && o != GatewayOutcome.NOT_POSSIBLE;
    }

    /** Journals a settling answer about a wallet order journalled SENT. */
    PaymentRecord settleQr(PaymentRecord p, QrAnswer a, Actor actor) {
        switch (a.outcome()) {
            case APPROVED:
                if (a.amountFen() != 0 && a.amountFen() != p.amountFen()) {
                    return move(
                            p,
                            PaymentState.MANUAL,
                            actor,
                            a.answer("the platform says " + a.amountFen() + " fen were paid, not " + p.amountFen()));
                }
                return move(p, PaymentState.APPROVED, actor, a.answer("paid"));
            case DECLINED:
                return move(p, PaymentState.DECLINED, actor, a.answer("failed: " + a.message()));
            case CLOSED:
                return move(p, PaymentState.CANCELLED, actor, a.answer("the order is closed, unpaid"));
            case NOT_FOUND:
                return move(p, PaymentState.CANCELLED, actor, a.answer("the platform holds no such order"));
            case REVERSED:
                return move(p, PaymentState.REVERSED, actor, a.answer("the order was reversed"));
            case REFUNDED:
                return move(p, PaymentState.REFUNDED, actor, a.answer("the order was refunded"));
            default:
                throw new IllegalArgumentException("not a settling answer: " + a.outcome());
        }
    }

    /** Keeps the platform's order id once it is known (a step that keeps the state). */
    PaymentRecord keepId(PaymentRecord p, QrAnswer a, Actor actor, String note) {
        if (a.paymentId() == null || a.paymentId().equals(p.paymentId().orElse(null))) {
            return p;
        }
        return move(p, p.state(), actor, a.answer(note));
    }

    /**
     * Closes a shown order whose time is up (or that the citizen left), then asks once more: the
     * citizen may have paid in between. Stays SENT when the platform does not answer.
     */
    PaymentRecord closeShown(PaymentRecord p, Actor actor) {
        String paymentId = p.paymentId().orElse(null);
        QrAnswer c = ask(() -> qr.close(p.orderRef(), paymentId), QrAnswer::unknown);
        if (settles(c.outcome()) && c.outcome() != GatewayOutcome.CLOSED) {
            return settleQr(p, c, actor);
        }
        QrAnswer q = ask(() -> qr.query(p.orderRef(), paymentId), QrAnswer::unknown);
        if (settles(q.outcome())) {
            return settleQr(p, q, actor);
        }
        if (c.outcome() == GatewayOutcome.CLOSED) {
            return settleQr(p, c, actor);
        }
        return noAnswer(p, actor, "the order could not be closed: " + c.message());
    }

    /** A scanned code's charge still unclear: reversed, never charged again. */
    PaymentRecord reverseInDoubt(PaymentRecord p, Actor actor, String why) {
        return reverseQr(move(p, PaymentState.REVERSAL_PENDING, actor, Answer.note(why)), actor);
    }

    /** Asks the platform to give a wallet payment back (REVERSAL_PENDING or REFUND_PENDING). */
    PaymentRecord reverseQr(PaymentRecord p, Actor actor) {
        QrAnswer r = ask(() -> qr.reverse(p.orderRef(), p.paymentId().orElse(null)), QrAnswer::unknown);
        boolean refund = p.state() == PaymentState.REFUND_PENDING;
        switch (r.outcome()) {
            case REFUNDED:
                return move(p, PaymentState.REFUNDED, actor, r.answer("refunded by the platform"));
            case REVERSED:
                return move(
                        p,
                        refund ? PaymentState.REFUNDED : PaymentState.REVERSED,
                        actor,
                        r.answer("reversed by the platform"));
            case CLOSED:
            case NOT_FOUND:
                if (refund) {
                    return move(
                            p,
                            PaymentState.MANUAL,
                            actor,
                            r.answer("a paid order to refund, and the platform says " + r.outcome()));
                }
                return move(p, PaymentState.REVERSED, actor, r.answer("nothing was paid: the order is closed"));
            case NOT_POSSIBLE:
            case DECLINED:
            case APPROVED:
                return move(
                        p,
                        PaymentState.MANUAL,
                        actor,
                        r.answer("the platform did not give the money back (" + r.outcome() + " " + r.message()
                                + "): to be refunded by staff"));
            default:
                return noAnswer(p, actor, "no answer to the reversal: " + r.message());
        }
    }

    // ---- giving money back, delivering ----

    /** Gives back the money of an APPROVED payment whose service will not be delivered. */
    PaymentRecord giveBack(PaymentRecord p, Actor actor, String why) {
        if (p.method().qr()) {
            return reverseQr(move(p, PaymentState.REFUND_PENDING, actor, Answer.note(why)), actor);
        }
        if (p.receiptNo().isEmpty()) {
            return move(p, PaymentState.MANUAL, actor, Answer.note(why + "; no receipt number to reverse the sale by"));
        }
        return reverseCard(move(p, PaymentState.REVERSAL_PENDING, actor, Answer.note(why)), actor);
    }

    /** Asks again for a reversal or refund journalled pending. */
    PaymentRecord continueGiveBack(PaymentRecord p, Actor actor) {
        return p.method().qr() ? reverseQr(p, actor) : reverseCard(p, actor);
    }

    /** Delivers the service of an APPROVED payment; true once it is delivered and journalled. */
    boolean deliver(PaymentRecord p, Delivery delivery, Actor actor) {
        boolean done;
        try {
            done = delivery.deliver(p);
        } catch (RuntimeException e) {
            log.warn("Payment {}: delivering its service failed", p.orderRef(), e);
            done = false;
        }
        if (done) {
            move(p, PaymentState.DELIVERED, actor, Answer.note("service delivered"));
        }
        return done;
    }
}
