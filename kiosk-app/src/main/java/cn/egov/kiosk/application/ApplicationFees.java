package cn.egov.kiosk.application;

import cn.egov.kiosk.payment.Cashier;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.platform.api.Catalogue;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * The fee of an application made here (工本费, 签注费...): the catalogue item's {@code feeFen}, paid
 * once the application is in. The order's service is the item's id, its due {@link
 * DueRef#applicationFee} of the application's number (or the kiosk's reference while the platform
 * has not numbered it), its description the item's name: no personal data. It is paid through
 * {@link Payments}, the one door, and delivered by the runtime's delivery (the platform's order seen
 * PAID, a card payment reported first), so the recovery finishes what a crash or a lost answer left.
 * Logs ids and outcomes only. Every call but {@link #order} and {@link #hasFee} blocks: off the
 * JavaFX thread.
 */
public final class ApplicationFees {
    private final Cashier cashier;

    /**
     * @param payments the one door payments go through
     * @param delivery the kiosk's delivery of what payments buy (the runtime's: an application's fee
     *     by the platform's order, a card payment reported first)
     * @param abortSale asks the card terminal to give up the sale it waits on; does nothing when none runs
     * @param recovered completes once the recovery at start-up has run: no payment starts before
     */
    public ApplicationFees(Payments payments, Delivery delivery, Runnable abortSale, Future<?> recovered) {
        this.cashier = new Cashier(payments, delivery, abortSale, recovered);
    }

    /** Fees whose kiosk has no recovery to wait for (tests, tools). */
    public ApplicationFees(Payments payments, Delivery delivery, Runnable abortSale) {
        this.cashier = new Cashier(payments, delivery, abortSale);
    }

    /** Whether applying for {@code item} costs a fee. */
    public static boolean hasFee(Catalogue.Item item) {
        return item != null && item.feeFen() > 0;
    }

    /**
     * The order that pays the fee of the application {@code applicationRef} (its number, else the
     * kiosk's reference) for {@code item} by {@code method}; {@code payerCode} for {@link
     * PaymentMethod#QR_SCANNED} only. Refused (an {@link IllegalArgumentException}) for an item
     * without a fee.
     */
    public static PaymentOrder order(
            Catalogue.Item item, String applicationRef, PaymentMethod method, Optional<String> payerCode) {
        if (!hasFee(item)) {
            throw new IllegalArgumentException("item " + (item == null ? null : item.id()) + " has no fee");
        }
        String due = DueRef.applicationFee(applicationRef);
        String description = item.name();
        return method == PaymentMethod.QR_SCANNED
                ? PaymentOrder.scanned(
                        item.id(),
                        due,
                        description,
                        item.feeFen(),
                        payerCode.orElseThrow(() -> new IllegalArgumentException("a payment code to charge")))
                : PaymentOrder.of(item.id(), due, description, item.feeFen(), method);
    }

    /** Pays an order made by {@link #order}; see {@link Cashier#pay}. */
    public Payments.Result pay(PaymentOrder order, Payments.Progress progress) {
        return cashier.pay(order, progress);
    }

    /** The citizen gave up at the card terminal: the terminal is asked to abort its sale. */
    public void abortSale() {
        cashier.abortSale();
    }

    /**
     * Hands over a paid fee: booked with the platform's order once it is paid (a card payment
     * reported first). Idempotent; not delivered now stays APPROVED for the recovery, which asks again.
     */
    public Payments.Delivered deliver(PaymentRecord paid) {
        return cashier.deliver(paid);
    }
}
