package cn.egov.kiosk.sync;

import cn.egov.kiosk.payment.PlatformOrder;
import cn.egov.kiosk.payment.PlatformOrders;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's payment orders of this kiosk for a day ({@code GET /v1/payments?day=}), for the
 * reconciliation; empty when the platform is away or does not answer.
 */
public final class PlatformPaymentOrders implements PlatformOrders {
    private static final Logger log = LoggerFactory.getLogger(PlatformPaymentOrders.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    public PlatformPaymentOrders(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public Optional<List<PlatformOrder>> ordersOf(LocalDate day) {
        if (link.status().state() == PlatformLink.State.NOT_REGISTERED) {
            return Optional.empty();
        }
        try {
            List<Payments.Payment> found = client.get().paymentsOf(day);
            link.reached();
            return Optional.of(found.stream().map(PlatformPaymentOrders::of).toList());
        } catch (PlatformException e) {
            link.failed(e);
            log.warn("The platform's payment orders of {} could not be had: {} ({})", day, e.code(), e.status());
            return Optional.empty();
        }
    }

    static PlatformOrder of(Payments.Payment p) {
        return new PlatformOrder(
                p.orderRef(), p.paymentId(), p.method() == Payments.Method.CARD, p.amountFen(), status(p.status()));
    }

    static PlatformOrder.Status status(Payments.Status s) {
        switch (s) {
            case WAITING:
                return PlatformOrder.Status.PENDING;
            case PAID:
                return PlatformOrder.Status.PAID;
            case FAILED:
                return PlatformOrder.Status.FAILED;
            case CLOSED:
                return PlatformOrder.Status.CLOSED;
            case REVERSED:
                return PlatformOrder.Status.REVERSED;
            default:
                return PlatformOrder.Status.REFUNDED;
        }
    }
}
