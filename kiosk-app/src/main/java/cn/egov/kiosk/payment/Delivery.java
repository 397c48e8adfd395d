package cn.egov.kiosk.payment;

/**
 * What a payment buys, handed over once it is paid: the fee recorded against the application, the
 * contribution booked with the insurer... The one who offers the service implements it. {@link
 * #deliver} is idempotent by {@link PaymentRecord#orderRef()}: after a crash between delivering and
 * journalling it, the recovery delivers again, and that must not deliver twice.
 */
public interface Delivery {

    /** Whether the service can still be delivered (the recovery asks; otherwise the money goes back). */
    boolean deliverable(PaymentRecord payment);

    /** Delivers the service paid for; true once it is done (or was done before). */
    boolean deliver(PaymentRecord payment);
}
