package cn.egov.kiosk.sync;

import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery of what the platform books with its own order: a social insurance due (社保缴费),
 * which the platform books itself once the order that names it is paid, and the fee of an
 * application (the order names the item and the application: the fee is booked with it). Either is
 * booked once the order is paid (a wallet's payment, or the card result the kiosk reported first,
 * see {@link PlatformCardReport}), so the kiosk's part is to see that order PAID, found by the
 * kiosk's order reference ({@code GET /v1/payments?orderRef=}). It needs no personal data, so the
 * recovery delivers after a crash as well as the screen does. Deliverable while the order is paid,
 * waiting, or not made yet (a card payment not reported yet); not when the platform failed, closed
 * or reversed it (the due was paid meanwhile another way: the money goes back). A platform that
 * cannot be asked makes {@link #deliverable} throw: not known now, asked again later.
 */
public final class PlatformOrderPaid implements Delivery {
    private static final Logger log = LoggerFactory.getLogger(PlatformOrderPaid.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    public PlatformOrderPaid(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public boolean deliverable(PaymentRecord payment) {
        Optional<Payments.Payment> order = order(payment)
                .orElseThrow(() -> new IllegalStateException(
                        "the platform cannot be asked about the order of payment " + payment.orderRef()));
        return order.map(o -> o.status() == Payments.Status.PAID || o.status() == Payments.Status.WAITING)
                .orElse(true);
    }

    @Override
    public boolean deliver(PaymentRecord payment) {
        Optional<Payments.Payment> order = order(payment).orElse(Optional.empty());
        boolean paid = order.map(o -> o.status() == Payments.Status.PAID).orElse(false);
        if (!paid) {
            log.info(
                    "Payment {}: not booked yet, the platform's order is {}",
                    payment.orderRef(),
                    order.map(o -> o.status().name()).orElse("not there"));
        }
        return paid;
    }

    /** The platform's order of the payment (empty inside: none); empty outside: not known now. */
    private Optional<Optional<Payments.Payment>> order(PaymentRecord payment) {
        PlatformLink.State state = link.status().state();
        if (state != PlatformLink.State.ONLINE && state != PlatformLink.State.STARTING) {
            return Optional.empty(); // away: not asked now, as the card report is not made now
        }
        try {
            Optional<Payments.Payment> found = client.get().paymentByRef(payment.orderRef());
            link.reached();
            return Optional.of(found);
        } catch (PlatformException e) {
            link.failed(e);
            log.warn(
                    "Payment {}: the platform's order could not be looked up: {} ({})",
                    payment.orderRef(),
                    e.code(),
                    e.status());
            return Optional.empty();
        }
    }
}
