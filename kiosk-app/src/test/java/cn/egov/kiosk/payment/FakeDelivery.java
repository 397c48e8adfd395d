package cn.egov.kiosk.payment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service handed over for a payment, idempotent by order reference as {@link Delivery} asks:
 * it counts what it really delivered, and can refuse, fail, or let the kiosk die just after it
 * delivered.
 */
final class FakeDelivery implements Delivery {
    final Map<String, Integer> delivered = new LinkedHashMap<>();
    boolean deliverable = true;
    boolean failing;
    boolean crashAfterDelivering;
    int calls;

    @Override
    public boolean deliverable(PaymentRecord payment) {
        return deliverable;
    }

    @Override
    public boolean deliver(PaymentRecord payment) {
        calls++;
        if (failing) {
            throw new IllegalStateException("the service's system refused");
        }
        delivered.putIfAbsent(payment.orderRef(), 1); // a second call delivers nothing more
        if (crashAfterDelivering) {
            crashAfterDelivering = false;
            throw new Crash("after delivering the service");
        }
        return true;
    }
}
