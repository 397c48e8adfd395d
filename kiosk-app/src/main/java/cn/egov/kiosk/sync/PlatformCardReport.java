package cn.egov.kiosk.sync;

import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card payment told to the platform before its service is delivered: the {@code CARD} order
 * created under the payment's order reference (idempotent: made once whatever the retries) and the
 * terminal's approval reported ({@code card-result APPROVED}, the card number masked), so that the
 * platform holds the payment (a due it pays is {@code PAID}) and the reconciliation finds it there.
 * Then the inner delivery. A platform that is away, or does not answer, is a delivery not done
 * ({@code false}): the payment stays paid and undelivered, and the recovery tries again. A wallet
 * payment is on the platform already: it goes straight to the inner delivery.
 */
public final class PlatformCardReport implements Delivery {
    private static final Logger log = LoggerFactory.getLogger(PlatformCardReport.class);

    private final Delivery inner;
    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    public PlatformCardReport(Delivery inner, Supplier<PlatformClient> client, PlatformLink link) {
        this.inner = inner;
        this.client = client;
        this.link = link;
    }

    @Override
    public boolean deliverable(PaymentRecord payment) {
        return inner.deliverable(payment);
    }

    @Override
    public boolean deliver(PaymentRecord payment) {
        if (payment.method() == PaymentMethod.CARD && !report(payment)) {
            return false;
        }
        return inner.deliver(payment);
    }

    /** Whether the platform holds the card payment as paid now (reported now or before). */
    boolean report(PaymentRecord p) {
        PlatformLink.State state = link.status().state();
        if (state != PlatformLink.State.ONLINE && state != PlatformLink.State.STARTING) {
            log.info("Payment {}: the card payment is not reported yet, the platform is {}", p.orderRef(), state);
            return false;
        }
        try {
            PlatformClient c = client.get();
            Payments.Payment order = c.createPayment(PlatformQrGateway.order(
                    p.orderRef(), p.serviceId(), p.dueId(), p.amountFen(), p.description(), Payments.Method.CARD));
            if (order.status() == Payments.Status.WAITING) {
                order = c.cardResult(
                        order.paymentId(),
                        new Payments.CardResult(
                                p.receiptNo().or(p::traceNo).orElse(p.orderRef()),
                                Payments.CardOutcome.APPROVED,
                                p.amountFen(),
                                p.cardMasked().orElse(""),
                                p.authCode().orElse(null)));
            }
            link.reached();
            if (order.status() != Payments.Status.PAID) {
                log.warn(
                        "Payment {}: the platform holds the card payment as {}, not PAID: not delivered",
                        p.orderRef(),
                        order.status());
                return false;
            }
            log.info("Payment {}: the card payment is on the platform ({})", p.orderRef(), order.paymentId());
            return true;
        } catch (PlatformException e) {
            link.failed(e);
            log.warn("Payment {}: the card payment could not be reported: {} ({})", p.orderRef(), e.code(), e.status());
            return false;
        }
    }
}
