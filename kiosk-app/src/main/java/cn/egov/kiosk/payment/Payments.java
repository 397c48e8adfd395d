package cn.egov.kiosk.payment;

import cn.egov.kiosk.payment.PaymentEngine.Moved;
import cn.egov.kiosk.payment.PaymentStep.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one door the screens pay through. {@link #pay} journals the attempt NEW, then SENT before
 * anything is asked that may charge, then what the terminal or the platform answered; {@link
 * #deliver} hands over the service only for an APPROVED payment, and journals it DELIVERED. A
 * second payment for a service and due that a payment holds (paid, in doubt, or its money on the way
 * back) is refused before anything is asked. Every call blocks (a terminal, the platform, the disk):
 * off the JavaFX thread.
 */
public final class Payments {

    /** How a payment ended, for the citizen. */
    public enum Outcome {
        /** Paid. */
        PAID,
        /** Refused by the bank or the wallet: not charged. */
        DECLINED,
        /** Not charged (given up, closed, not booked), or the charge undone. */
        CANCELLED,
        /** Not known yet: "we are checking with your bank, do not pay again". */
        IN_DOUBT,
        /** Refused before asking: this due is paid already. */
        ALREADY_PAID,
        /** Refused before asking: a payment of this due is in doubt or being given back. */
        ALREADY_PAYING
    }

    /** The outcome and the journal's record of the payment (the holder's, when refused). */
    public record Result(Outcome outcome, PaymentRecord payment) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(payment, "payment");
        }

        static Result of(PaymentRecord p) {
            return new Result(outcomeOf(p.state()), p);
        }

        private static Outcome outcomeOf(PaymentState s) {
            switch (s) {
                case APPROVED:
                case DELIVERED:
                    return Outcome.PAID;
                case DECLINED:
                    return Outcome.DECLINED;
                case CANCELLED:
                case REVERSED:
                case REFUNDED:
                    return Outcome.CANCELLED;
                default:
                    return Outcome.IN_DOUBT;
            }
        }
    }

    /** How a delivery went. */
    public enum Delivered {
        /** Delivered now and journalled. */
        DELIVERED,
        /** Delivered before: nothing done again. */
        ALREADY_DELIVERED,
        /** The payment is not APPROVED: nothing is delivered for an unpaid order. */
        NOT_PAID,
        /** The service can no longer be delivered: give the money back ({@link #giveBack}). */
        NOT_DELIVERABLE,
        /** The delivery failed; the payment stays APPROVED (try again, or give the money back). */
        FAILED,
        /** Someone else is working on this payment now. */
        BUSY
    }

    /** What the screen hears while a payment runs; called on the paying thread. */
    public interface Progress {
        Progress NONE = new Progress() {};

        /** 主扫: the QR code to show, and until when the platform keeps the order open. */
        default void qrReady(String qrContent, Optional<Instant> expiresAt) {}

        /** Whether the citizen gave up on the shown code (the order is then closed). */
        default boolean cancelled() {
            return false;
        }
    }

    /** Waits between two questions; tests pass one that moves their clock. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final PaymentEngine engine;
    private final Sleeper sleeper;
    private final Supplier<String> orderRefs;

    public Payments(PaymentJournal journal, CardGateway card, QrGateway qr, Clock clock) {
        this(
                journal,
                card,
                qr,
                clock,
                PaymentTimes.DEFAULTS,
                Sleeper.REAL,
                () -> UUID.randomUUID().toString());
    }

    /** With the times, the waiting and the order references given (tests). */
    public Payments(
            PaymentJournal journal,
            CardGateway card,
            QrGateway qr,
            Clock clock,
            PaymentTimes times,
            Sleeper sleeper,
            Supplier<String> orderRefs) {
        this.engine = new PaymentEngine(journal, card, qr, clock, times);
        this.sleeper = sleeper;
        this.orderRefs = orderRefs;
    }

    PaymentEngine engine() {
        return engine;
    }

    /** Pays an order; see {@link #pay(PaymentOrder, Progress)}. */
    public Result pay(PaymentOrder order) {
        return pay(order, Progress.NONE);
    }

    /**
     * Pays an order: by card on the terminal, by the QR code the kiosk shows (handed to {@code
     * progress}), or by the citizen's payment code. Refused (ALREADY_PAID, ALREADY_PAYING) before
     * anything is asked while another payment holds its service and due. A payment that ends IN_DOUBT
     * is resolved later by {@link PaymentRecovery}, never by asking the citizen to pay again.
     */
    public Result pay(PaymentOrder order, Progress progress) {
        PaymentRecord p;
        try {
            p = engine.journal.open(orderRefs.get(), order, engine.clock.instant());
        } catch (AlreadyPaying e) {
            PaymentRecord holder = e.holder();
            return new Result(holder.heldAsPaid() ? Outcome.ALREADY_PAID : Outcome.ALREADY_PAYING, holder);
        }
        if (!engine.claim(p.orderRef())) {
            throw new IllegalStateException("order reference " + p.orderRef() + " used twice");
        }
        try {
            if (order.method() == PaymentMethod.CARD && !terminalClear()) {
                // a new sale would make the earlier one's outcome unknowable: the repeat receipt shows
                // only the terminal's last transaction
                return Result.of(engine.move(
                        p,
                        PaymentState.CANCELLED,
                        Actor.KIOSK,
                        Answer.note("not sent: an earlier card payment is still being checked with the terminal")));
            }
            p = engine.move(
                    p,
                    PaymentState.SENT,
                    Actor.KIOSK,
                    Answer.note(
                            order.method() == PaymentMethod.CARD
                                    ? "sale sent to the terminal"
                                    : "sent to the platform"));
            switch (order.method()) {
                case CARD:
                    p = engine.sale(p, Actor.KIOSK);
                    break;
                case QR_SHOWN:
                    p = shown(p, progress);
                    break;
                default:
                    p = scanned(p, order.payerCode().orElseThrow());
                    break;
            }
        } catch (Moved m) {
            p = m.now;
        } finally {
            engine.release(p.orderRef());
        }
        return Result.of(p);
    }

    /**
     * Whether the terminal's last transaction is settled in the journal: the card payment sent last
     * is not in doubt, or is resolved now by the repeat receipt (the recovery may not have reached the
     * terminal at start-up, before its cable was up). A payment in doubt that someone else is working
     * on is not clear.
     */
    private boolean terminalClear() {
        Optional<PaymentRecord> last = engine.journal.lastCardSent();
        if (last.isEmpty() || last.get().state() != PaymentState.SENT) {
            return true;
        }
        String ref = last.get().orderRef();
        if (!engine.claim(ref)) {
            return false;
        }
        try {
            return engine.resolveCard(last.get(), Actor.RECOVERY).state() != PaymentState.SENT;
        } catch (Moved m) {
            return m.now.state() != PaymentState.SENT;
        } finally {
            engine.release(ref);
        }
    }

    /** 主扫: the order and its code, shown while the platform is asked whether it was paid. */
    private PaymentRecord shown(PaymentRecord p, Progress progress) {
        QrAnswer created = PaymentEngine.ask(
                () -> engine.qr.create(p.orderRef(), p.serviceId(), p.dueId(), p.amountFen(), p.description()),
                QrAnswer::unknown);
        if (created.outcome() == GatewayOutcome.DECLINED || created.outcome() == GatewayOutcome.NOT_POSSIBLE) {
            return engine.move(
                    p,
                    PaymentState.CANCELLED,
                    Actor.KIOSK,
                    created.answer("the platform refused the order: " + created.message()));
        }
        if (created.outcome() != GatewayOutcome.WAITING || created.qrContent() == null) {
            if (PaymentEngine.settles(created.outcome()) && created.outcome() != GatewayOutcome.NOT_FOUND) {
                return engine.settleQr(p, created, Actor.KIOSK);
            }
            // no answer: the order may exist, and nobody has seen its code; close it
            return engine.closeShown(p, Actor.KIOSK);
        }
        PaymentRecord withId = engine.keepId(p, created, Actor.KIOSK, "order created, its code shown");
        progress.qrReady(created.qrContent(), Optional.ofNullable(created.expiresAt()));
        Instant deadline = engine.clock.instant().plus(engine.times.qrShown());
        if (created.expiresAt() != null && created.expiresAt().isBefore(deadline)) {
            deadline = created.expiresAt();
        }
        while (engine.clock.instant().isBefore(deadline) && !progress.cancelled()) {
            if (!pause(engine.times.qrShownPoll())) {
                break;
            }
            QrAnswer q = PaymentEngine.ask(
                    () -> engine.qr.query(withId.orderRef(), withId.paymentId().orElse(null)), QrAnswer::unknown);
            if (PaymentEngine.settles(q.outcome()) && q.outcome() != GatewayOutcome.NOT_FOUND) {
                return engine.settleQr(withId, q, Actor.KIOSK);
            }
        }
        return engine.closeShown(withId, Actor.KIOSK);
    }

    /**
     * 被扫: the payment code charged once; an unclear answer is asked about for a while, then the order
     * is reversed, never charged again.
     */
    private PaymentRecord scanned(PaymentRecord p, String payerCode) {
        QrAnswer a = PaymentEngine.ask(
                () -> engine.qr.charge(
                        p.orderRef(), p.serviceId(), p.dueId(), p.amountFen(), p.description(), payerCode),
                QrAnswer::unknown);
        if (PaymentEngine.settles(a.outcome()) && a.outcome() != GatewayOutcome.NOT_FOUND) {
            return engine.settleQr(p, a, Actor.KIOSK);
        }
        PaymentRecord waiting = engine.keepId(p, a, Actor.KIOSK, "waiting for the payer");
        Instant deadline = engine.clock.instant().plus(engine.times.scannedMaxWait());
        while (engine.clock.instant().isBefore(deadline)) {
            if (!pause(engine.times.scannedPoll())) {
                break;
            }
            QrAnswer q = PaymentEngine.ask(
                    () -> engine.qr.query(
                            waiting.orderRef(), waiting.paymentId().orElse(null)),
                    QrAnswer::unknown);
            if (PaymentEngine.settles(q.outcome()) && q.outcome() != GatewayOutcome.NOT_FOUND) {
                return engine.settleQr(waiting, q, Actor.KIOSK);
            }
        }
        return engine.reverseInDoubt(
                waiting,
                Actor.KIOSK,
                "no clear answer within " + engine.times.scannedMaxWait().toSeconds() + " s: reversed");
    }

    /** Waits; false when interrupted (the flag is kept: the caller's thread is being stopped). */
    private boolean pause(Duration d) {
        try {
            sleeper.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Delivers the service of a payment, only when it is APPROVED, and journals it DELIVERED. The
     * delivery is idempotent by the payment's order reference ({@link Delivery}).
     */
    public Delivered deliver(String orderRef, Delivery delivery) {
        PaymentRecord p = find(orderRef).orElseThrow(() -> new IllegalArgumentException("no payment " + orderRef));
        if (p.state() == PaymentState.DELIVERED) {
            return Delivered.ALREADY_DELIVERED;
        }
        if (p.state() != PaymentState.APPROVED) {
            return Delivered.NOT_PAID;
        }
        if (!engine.claim(orderRef)) {
            return Delivered.BUSY;
        }
        try {
            if (!delivery.deliverable(p)) {
                return Delivered.NOT_DELIVERABLE;
            }
            return engine.deliver(p, delivery, Actor.KIOSK) ? Delivered.DELIVERED : Delivered.FAILED;
        } catch (Moved m) {
            return m.now.state() == PaymentState.DELIVERED ? Delivered.ALREADY_DELIVERED : Delivered.NOT_PAID;
        } finally {
            engine.release(orderRef);
        }
    }

    /**
     * Gives back the money of an APPROVED payment whose service will not be delivered: a card sale
     * reversed, a wallet payment refunded. Journalled pending before it is asked; a pending one without
     * an answer is asked again by the recovery. A payment in another state is returned as it is.
     */
    public Result giveBack(String orderRef, String why) {
        PaymentRecord p = find(orderRef).orElseThrow(() -> new IllegalArgumentException("no payment " + orderRef));
        if (p.state() != PaymentState.APPROVED || !engine.claim(orderRef)) {
            return Result.of(p);
        }
        try {
            p = engine.giveBack(p, Actor.KIOSK, why);
        } catch (Moved m) {
            p = m.now;
        } finally {
            engine.release(orderRef);
        }
        return Result.of(p);
    }

    /**
     * Staff settle a payment left to them (MANUAL) with what they found out: delivered, declined,
     * cancelled, reversed or refunded.
     */
    public PaymentRecord settleByStaff(String orderRef, PaymentState to, String note) {
        PaymentRecord p = find(orderRef).orElseThrow(() -> new IllegalArgumentException("no payment " + orderRef));
        if (p.state() != PaymentState.MANUAL || !to.isFinal()) {
            throw new IllegalArgumentException(
                    "staff settle a payment left to them (MANUAL) to a final state; " + orderRef + " is " + p.state());
        }
        return engine.move(p, to, Actor.STAFF, Answer.note(note));
    }

    public Optional<PaymentRecord> find(String orderRef) {
        return engine.journal.find(orderRef);
    }
}
