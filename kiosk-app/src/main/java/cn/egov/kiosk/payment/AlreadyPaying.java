package cn.egov.kiosk.payment;

/**
 * Another payment holds the same service and due: paid, in doubt, or its money on the way back. The
 * citizen is not asked to pay again.
 */
public final class AlreadyPaying extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PaymentRecord holder;

    public AlreadyPaying(PaymentRecord holder) {
        super("the due " + holder.dueId() + " of " + holder.serviceId() + " is held by payment " + holder.orderRef()
                + " (" + holder.state() + ")");
        this.holder = holder;
    }

    /** The payment that holds the due. */
    public PaymentRecord holder() {
        return holder;
    }
}
