package cn.egov.kiosk.sync;

import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.GatewayOutcome;
import cn.egov.kiosk.payment.QrAnswer;
import cn.egov.kiosk.payment.QrGateway;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wallet payments (主扫 and 被扫) through the platform's payment orders ({@code /v1/payments}), the
 * payments' {@link QrGateway}. The kiosk's order reference is the order's {@code orderRef} and its
 * idempotency key; an order whose creation was not answered is found by it ({@code GET
 * /v1/payments?orderRef=}), never created twice. The due id says what the order pays ({@link
 * DueRef}): an insurance due is an order {@code forDue}, anything else an item's fee ({@code
 * forItem}, with the application's reference as its number when the due names one).
 *
 * <p>Answers: {@code WAITING}, {@code PAID} as {@code APPROVED}, {@code FAILED} as {@code DECLINED},
 * {@code CLOSED}, {@code REVERSED}, {@code REFUNDED}; an order the platform does not hold ({@code
 * 404}) is {@code NOT_FOUND}; a platform away, a {@code 5xx} or a lost answer is {@code UNKNOWN}
 * (the money may have moved: asked again), except where nothing can have been sent (the link known
 * to be down, the connection refused): an order not made is {@code NOT_POSSIBLE}, a code not
 * charged {@code CLOSED}. A refusal ({@code 4xx}) is {@code DECLINED}, or {@code NOT_POSSIBLE} for
 * a reversal. The citizen's payment code goes in the charge's body only and is never logged.
 */
public final class PlatformQrGateway implements QrGateway {
    private static final Logger log = LoggerFactory.getLogger(PlatformQrGateway.class);
    /** How long a 被扫 order stays open on the platform: the kiosk waits 60 s at most for the payer. */
    static final int SCANNED_ORDER_SECONDS = 180;

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;
    private final int longPollSeconds;

    /**
     * @param client the client for calls a citizen waits on
     * @param longPoll how long a query waits on the platform for a waiting order to settle (0 to 30 s)
     */
    public PlatformQrGateway(Supplier<PlatformClient> client, PlatformLink link, Duration longPoll) {
        this.client = client;
        this.link = link;
        this.longPollSeconds = (int) Math.max(0, Math.min(30, longPoll.toSeconds()));
    }

    private interface Call<T> {
        T call(PlatformClient c) throws PlatformException;
    }

    private boolean away() {
        PlatformLink.State s = link.status().state();
        return s != PlatformLink.State.ONLINE && s != PlatformLink.State.STARTING;
    }

    private <T> T ask(Call<T> call) throws PlatformException {
        try {
            T answer = call.call(client.get());
            link.reached();
            return answer;
        } catch (PlatformException e) {
            link.failed(e);
            throw e;
        }
    }

    /** Nothing reached the platform: the connection was never made, or the kiosk is not registered. */
    private static boolean nothingSent(PlatformException e) {
        return e.kind() == PlatformException.Kind.UNREACHABLE || e.kind() == PlatformException.Kind.NOT_REGISTERED;
    }

    // ---- 主扫 -----------------------------------------------------------------------------------

    @Override
    public QrAnswer create(String orderRef, String serviceId, String dueId, long amountFen, String description) {
        if (away()) {
            return answer(GatewayOutcome.NOT_POSSIBLE, "the platform is away: no order was made");
        }
        Made m = made(orderRef, order(orderRef, serviceId, dueId, amountFen, description, Payments.Method.QR));
        return m.order().map(PlatformQrGateway::of).orElse(m.otherwise());
    }

    /** The order made (or made before under the same reference), or what to say instead. */
    private record Made(Optional<Payments.Payment> order, QrAnswer otherwise) {
        static Made not(QrAnswer why) {
            return new Made(Optional.empty(), why);
        }
    }

    private Made made(String orderRef, Payments.Create order) {
        try {
            return new Made(Optional.of(ask(c -> c.createPayment(order))), null);
        } catch (PlatformException e) {
            if (nothingSent(e)) {
                return Made.not(answer(GatewayOutcome.NOT_POSSIBLE, "no order was made: " + e.code()));
            }
            if (!e.offline() && !e.retryable()) {
                log.info("Payment {}: the platform refused the order ({} {})", orderRef, e.status(), e.code());
                return Made.not(answer(GatewayOutcome.DECLINED, "the platform refused the order: " + e.code()));
            }
            log.warn("Payment {}: the order's creation was not answered ({}); looking it up", orderRef, e.code());
        }
        QrAnswer found = byRef(orderRef);
        if (found.paymentId() == null) {
            return Made.not(
                    found.outcome() == GatewayOutcome.NOT_FOUND
                            ? answer(GatewayOutcome.NOT_FOUND, "the order was never made")
                            : found);
        }
        try {
            return new Made(Optional.of(ask(c -> c.payment(found.paymentId(), 0))), null);
        } catch (PlatformException e) {
            return Made.not(QrAnswer.unknown("the order found again could not be read: " + e.code()));
        }
    }

    // ---- 被扫 -----------------------------------------------------------------------------------

    @Override
    public QrAnswer charge(
            String orderRef, String serviceId, String dueId, long amountFen, String description, String payerCode) {
        if (away()) {
            return answer(GatewayOutcome.CLOSED, "the platform is away: the code was not charged");
        }
        Made m = made(
                orderRef,
                order(orderRef, serviceId, dueId, amountFen, description, Payments.Method.PAYMENT_CODE)
                        .expiringIn(SCANNED_ORDER_SECONDS));
        Optional<Payments.Payment> order = m.order();
        if (order.isEmpty()) {
            QrAnswer why = m.otherwise();
            // no order, so no charge: the code was not used
            return why.outcome() == GatewayOutcome.UNKNOWN
                            || why.outcome() == GatewayOutcome.NOT_FOUND
                            || why.outcome() == GatewayOutcome.NOT_POSSIBLE
                    ? answer(GatewayOutcome.CLOSED, "not charged: " + why.message())
                    : why;
        }
        Payments.Payment p = order.get();
        if (p.status() != Payments.Status.WAITING) {
            return of(p); // settled before: charged by an earlier call, or closed
        }
        try {
            Payments.Charged charged =
                    ask(c -> c.charge(p.paymentId(), new Payments.Charge(payerCode), chargeKey(orderRef)));
            switch (charged.outcome()) {
                case PAID:
                case FAILED:
                case WAITING:
                    return of(charged.payment());
                default:
                    return new QrAnswer(
                            GatewayOutcome.UNKNOWN,
                            p.paymentId(),
                            null,
                            null,
                            p.amountFen(),
                            null,
                            "the wallet's answer did not come: query the order");
            }
        } catch (PlatformException e) {
            if (Problem.ALREADY_CHARGED.equals(e.code())) {
                return query(orderRef, p.paymentId());
            }
            if (!e.offline() && !e.retryable()) {
                return new QrAnswer(
                        GatewayOutcome.DECLINED,
                        p.paymentId(),
                        null,
                        null,
                        p.amountFen(),
                        null,
                        "the platform refused the charge: " + e.code());
            }
            return new QrAnswer(
                    GatewayOutcome.UNKNOWN,
                    p.paymentId(),
                    null,
                    null,
                    p.amountFen(),
                    null,
                    "the charge was not answered: " + e.code());
        }
    }

    /**
     * The charge's idempotency key: one per order, the same after a restart, other than the
     * order's own (the platform keeps keys per kiosk, whatever the path).
     */
    static String chargeKey(String orderRef) {
        return UUID.nameUUIDFromBytes(("charge:" + orderRef).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // ---- both -----------------------------------------------------------------------------------

    @Override
    public QrAnswer query(String orderRef, String paymentId) {
        if (away()) {
            return QrAnswer.unknown("the platform is away");
        }
        if (paymentId == null) {
            return byRef(orderRef);
        }
        try {
            return of(ask(c -> c.payment(paymentId, longPollSeconds)));
        } catch (PlatformException e) {
            return e.status() == 404
                    ? answer(GatewayOutcome.NOT_FOUND, "the platform holds no order " + paymentId)
                    : QrAnswer.unknown("the order could not be queried: " + e.code());
        }
    }

    @Override
    public QrAnswer close(String orderRef, String paymentId) {
        return settle(orderRef, paymentId, "close", false);
    }

    @Override
    public QrAnswer reverse(String orderRef, String paymentId) {
        return settle(orderRef, paymentId, "reverse", true);
    }

    private QrAnswer settle(String orderRef, String paymentId, String what, boolean reversal) {
        if (away()) {
            return QrAnswer.unknown("the platform is away: the order was not " + what + "d");
        }
        String id = paymentId;
        if (id == null) {
            QrAnswer found = byRef(orderRef);
            if (found.paymentId() == null) {
                return found; // NOT_FOUND: nothing to settle; UNKNOWN: asked again
            }
            id = found.paymentId();
        }
        String known = id;
        try {
            Payments.Payment p = ask(c -> reversal ? c.reversePayment(known) : c.closePayment(known));
            QrAnswer a = of(p);
            if (reversal && p.status() == Payments.Status.FAILED) {
                // nothing was taken: as good as closed
                return new QrAnswer(
                        GatewayOutcome.CLOSED, a.paymentId(), null, a.expiresAt(), a.amountFen(), null, a.message());
            }
            return a;
        } catch (PlatformException e) {
            if (e.status() == 404) {
                return answer(GatewayOutcome.NOT_FOUND, "the platform holds no order " + known);
            }
            if (!e.offline() && !e.retryable()) {
                return answer(
                        reversal ? GatewayOutcome.NOT_POSSIBLE : GatewayOutcome.DECLINED,
                        "the platform refused to " + what + " the order: " + e.code());
            }
            return QrAnswer.unknown("the " + what + " was not answered: " + e.code());
        }
    }

    /** The order the kiosk made under this reference: NOT_FOUND when there is none, UNKNOWN without an answer. */
    private QrAnswer byRef(String orderRef) {
        try {
            return ask(c -> c.paymentByRef(orderRef))
                    .map(PlatformQrGateway::of)
                    .orElseGet(() -> answer(GatewayOutcome.NOT_FOUND, "the platform holds no order " + orderRef));
        } catch (PlatformException e) {
            return QrAnswer.unknown("the order could not be looked up: " + e.code());
        }
    }

    static Payments.Create order(
            String orderRef,
            String serviceId,
            String dueId,
            long amountFen,
            String description,
            Payments.Method method) {
        Optional<DueRef.Kind> kind = DueRef.kindOf(dueId);
        if (kind.isPresent() && kind.get() == DueRef.Kind.INSURANCE_DUE) {
            return Payments.Create.forDue(orderRef, DueRef.idOf(dueId), amountFen, method, description);
        }
        String applicationNo = kind.isPresent() ? DueRef.idOf(dueId) : null;
        return Payments.Create.forItem(orderRef, serviceId, applicationNo, amountFen, method, description);
    }

    /** The platform's order as the payments hear it. */
    static QrAnswer of(Payments.Payment p) {
        return new QrAnswer(
                outcome(p.status()),
                p.paymentId(),
                p.qrCode(),
                p.expiresAt() == null ? null : p.expiresAt().toInstant(),
                p.amountFen(),
                p.receiptNo(),
                p.status() + (p.failure() == null ? "" : " " + p.failure()));
    }

    static GatewayOutcome outcome(Payments.Status s) {
        switch (s) {
            case WAITING:
                return GatewayOutcome.WAITING;
            case PAID:
                return GatewayOutcome.APPROVED;
            case FAILED:
                return GatewayOutcome.DECLINED;
            case CLOSED:
                return GatewayOutcome.CLOSED;
            case REVERSED:
                return GatewayOutcome.REVERSED;
            case REFUNDED:
                return GatewayOutcome.REFUNDED;
            default:
                return GatewayOutcome.UNKNOWN;
        }
    }

    private static QrAnswer answer(GatewayOutcome outcome, String message) {
        return new QrAnswer(outcome, null, null, null, 0, null, message);
    }
}
