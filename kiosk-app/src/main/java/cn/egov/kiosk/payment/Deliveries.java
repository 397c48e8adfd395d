package cn.egov.kiosk.payment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deliveries of what can be paid for, by {@link DueRef.Kind}: the flows register theirs (社保缴费
 * the insurance due's, an application flow the fee's) when they are made. A payment whose due is of
 * no registered kind is not deliverable: its money goes back. Thread-safe.
 */
public final class Deliveries implements Delivery {
    private final Map<DueRef.Kind, Delivery> byKind = new EnumMap<>(DueRef.Kind.class);

    /** Registers (or replaces) the delivery of one kind. */
    public synchronized Deliveries register(DueRef.Kind kind, Delivery delivery) {
        byKind.put(kind, delivery);
        return this;
    }

    /** The delivery registered for the payment's kind. */
    public synchronized Optional<Delivery> of(PaymentRecord payment) {
        return DueRef.kindOf(payment.dueId()).map(byKind::get);
    }

    @Override
    public boolean deliverable(PaymentRecord payment) {
        return of(payment).map(d -> d.deliverable(payment)).orElse(false);
    }

    @Override
    public boolean deliver(PaymentRecord payment) {
        return of(payment).map(d -> d.deliver(payment)).orElse(false);
    }
}
