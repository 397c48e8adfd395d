package cn.egov.kiosk.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's wallet orders in memory, for the payments' logic: orders by the kiosk's reference
 * (its idempotency key), a payer who pays the shown code after some queries, a charge that approves,
 * declines, waits or loses its answer, and the kiosk dying after the platform charged. It outlives
 * the kiosk's "crashes"; it also lists the day's orders for the reconciliation.
 */
final class FakeWallet implements QrGateway, PlatformOrders {

    /** What the next scanned charge does. */
    enum Charge {
        APPROVE,
        DECLINE,
        /** Waits for the payer, who confirms after {@link #payAfterQueries} queries. */
        WAIT,
        /** Charged, and the answer lost. */
        LOSE_ANSWER,
        /** Charged, then the kiosk dies before it hears the answer. */
        CRASH_AFTER_CHARGE
    }

    static final class Order {
        final String orderRef;
        final String paymentId;
        final long amountFen;
        final Instant createdAt;
        final boolean card;
        PlatformOrder.Status status = PlatformOrder.Status.PENDING;
        int queries;

        Order(String orderRef, String paymentId, long amountFen, Instant createdAt, boolean card) {
            this.orderRef = orderRef;
            this.paymentId = paymentId;
            this.amountFen = amountFen;
            this.createdAt = createdAt;
            this.card = card;
        }
    }

    private final Clock clock;
    private final ZoneId zone;
    final Map<String, Order> orders = new LinkedHashMap<>();
    Charge nextCharge = Charge.APPROVE;
    /** The payer pays a waiting order at this query (0: never). */
    int payAfterQueries;
    /** The payer pays a shown order just before the kiosk closes it. */
    boolean payAtClose;

    boolean offline;
    boolean createAnswerLost;
    boolean refundPossible = true;
    int charges;
    int closes;
    int reversals;

    FakeWallet(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    private Order order(String orderRef, long amountFen) {
        return orders.computeIfAbsent(
                orderRef, r -> new Order(r, "PAY" + (orders.size() + 1), amountFen, clock.instant(), false));
    }

    @Override
    public QrAnswer create(String orderRef, String serviceId, String dueId, long amountFen, String description) {
        if (offline) {
            return QrAnswer.unknown("offline");
        }
        Order o = order(orderRef, amountFen);
        if (createAnswerLost) {
            return QrAnswer.unknown("answer lost");
        }
        return new QrAnswer(
                GatewayOutcome.WAITING,
                o.paymentId,
                "https://pay.example/q/" + o.paymentId,
                clock.instant().plus(Duration.ofMinutes(5)),
                amountFen,
                null,
                "pending");
    }

    @Override
    public QrAnswer charge(
            String orderRef, String serviceId, String dueId, long amountFen, String description, String payerCode) {
        charges++;
        if (offline) {
            return QrAnswer.unknown("offline");
        }
        Order o = order(orderRef, amountFen);
        switch (nextCharge) {
            case DECLINE:
                o.status = PlatformOrder.Status.FAILED;
                return answer(o);
            case WAIT:
                return answer(o);
            case LOSE_ANSWER:
                o.status = PlatformOrder.Status.PAID;
                return QrAnswer.unknown("answer lost");
            case CRASH_AFTER_CHARGE:
                o.status = PlatformOrder.Status.PAID;
                throw new Crash("after the platform charged the code");
            default:
                o.status = PlatformOrder.Status.PAID;
                return answer(o);
        }
    }

    @Override
    public QrAnswer query(String orderRef, String paymentId) {
        if (offline) {
            return QrAnswer.unknown("offline");
        }
        Order o = orders.get(orderRef);
        if (o == null) {
            return new QrAnswer(GatewayOutcome.NOT_FOUND, null, null, null, 0, null, "no such order");
        }
        o.queries++;
        if (o.status == PlatformOrder.Status.PENDING && payAfterQueries > 0 && o.queries >= payAfterQueries) {
            o.status = PlatformOrder.Status.PAID;
        }
        return answer(o);
    }

    @Override
    public QrAnswer close(String orderRef, String paymentId) {
        closes++;
        if (offline) {
            return QrAnswer.unknown("offline");
        }
        Order o = orders.get(orderRef);
        if (o == null) {
            return new QrAnswer(GatewayOutcome.NOT_FOUND, null, null, null, 0, null, "no such order");
        }
        if (o.status == PlatformOrder.Status.PENDING) {
            o.status = payAtClose ? PlatformOrder.Status.PAID : PlatformOrder.Status.CLOSED;
        }
        return answer(o);
    }

    @Override
    public QrAnswer reverse(String orderRef, String paymentId) {
        reversals++;
        if (offline) {
            return QrAnswer.unknown("offline");
        }
        Order o = orders.get(orderRef);
        if (o == null) {
            return new QrAnswer(GatewayOutcome.NOT_FOUND, null, null, null, 0, null, "no such order");
        }
        switch (o.status) {
            case PENDING:
                o.status = PlatformOrder.Status.CLOSED;
                return new QrAnswer(GatewayOutcome.REVERSED, o.paymentId, null, null, o.amountFen, null, "reversed");
            case PAID:
                if (!refundPossible) {
                    return new QrAnswer(
                            GatewayOutcome.NOT_POSSIBLE, o.paymentId, null, null, o.amountFen, null, "refund refused");
                }
                o.status = PlatformOrder.Status.REFUNDED;
                return answer(o);
            default:
                return answer(o);
        }
    }

    private static QrAnswer answer(Order o) {
        GatewayOutcome outcome;
        switch (o.status) {
            case PAID:
                outcome = GatewayOutcome.APPROVED;
                break;
            case FAILED:
                outcome = GatewayOutcome.DECLINED;
                break;
            case CLOSED:
                outcome = GatewayOutcome.CLOSED;
                break;
            case REFUNDED:
                outcome = GatewayOutcome.REFUNDED;
                break;
            default:
                outcome = GatewayOutcome.WAITING;
                break;
        }
        return new QrAnswer(
                outcome,
                o.paymentId,
                null,
                null,
                o.amountFen,
                o.status == PlatformOrder.Status.PAID ? "RCP-" + o.paymentId : null,
                o.status.name());
    }

    /** Records a card payment the kiosk reported, as the platform would hold it. */
    void reportCard(String orderRef, long amountFen, PlatformOrder.Status status) {
        Order o = new Order(orderRef, "PAY" + (orders.size() + 1), amountFen, clock.instant(), true);
        o.status = status;
        orders.put(orderRef, o);
    }

    @Override
    public Optional<List<PlatformOrder>> ordersOf(LocalDate day) {
        if (offline) {
            return Optional.empty();
        }
        List<PlatformOrder> out = new ArrayList<>();
        for (Order o : orders.values()) {
            if (o.createdAt.atZone(zone).toLocalDate().equals(day)) {
                out.add(new PlatformOrder(o.orderRef, o.paymentId, o.card, o.amountFen, o.status));
            }
        }
        return Optional.of(out);
    }

    /** The orders whose money the platform holds (paid, not refunded). */
    List<Order> kept() {
        return orders.values().stream()
                .filter(o -> !o.card && o.status == PlatformOrder.Status.PAID)
                .toList();
    }
}
