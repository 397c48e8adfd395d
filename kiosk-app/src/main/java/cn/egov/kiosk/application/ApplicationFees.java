package cn.egov.kiosk.application;

import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.platform.api.Catalogue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger log = LoggerFactory.getLogger(ApplicationFees.class);

    /** How long a payment waits for the recovery at start-up to have finished what a crash left. */
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(30);

    private final Payments payments;
    private final Delivery delivery;
    private final Runnable abortSale;
    private final Future<?> recovered;

    /**
     * @param payments the one door payments go through
     * @param delivery the kiosk's delivery of what payments buy (the runtime's: an application's fee
     *     by the platform's order, a card payment reported first)
     * @param abortSale asks the card terminal to give up the sale it waits on; does nothing when none runs
     * @param recovered completes once the recovery at start-up has run: no payment starts before
     */
    public ApplicationFees(Payments payments, Delivery delivery, Runnable abortSale, Future<?> recovered) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.abortSale = Objects.requireNonNull(abortSale, "abortSale");
        this.recovered = Objects.requireNonNull(recovered, "recovered");
    }

    /** Fees whose kiosk has no recovery to wait for (tests, tools). */
    public ApplicationFees(Payments payments, Delivery delivery, Runnable abortSale) {
        this(payments, delivery, abortSale, CompletableFuture.completedFuture(null));
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

    /** Pays an order made by {@link #order}; see {@link Payments#pay(PaymentOrder, Payments.Progress)}. */
    public Payments.Result pay(PaymentOrder order, Payments.Progress progress) {
        awaitRecovery();
        Payments.Result r = payments.pay(order, progress);
        log.info(
                "Fee of {} for item {} by {}: {} ({})",
                order.dueId(),
                order.serviceId(),
                order.method(),
                r.outcome(),
                r.payment().orderRef());
        return r;
    }

    /** The citizen gave up at the card terminal: the terminal is asked to abort its sale. */
    public void abortSale() {
        abortSale.run();
    }

    private void awaitRecovery() {
        try {
            recovered.get(RECOVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "The payments' recovery at start-up has not finished after {}: paying all the same", RECOVERY_WAIT);
        } catch (ExecutionException e) {
            log.warn("The payments' recovery at start-up failed: paying all the same", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands over a paid fee: booked with the platform's order once it is paid (a card payment
     * reported first). Idempotent; not delivered now stays APPROVED for the recovery, which asks again.
     */
    public Payments.Delivered deliver(PaymentRecord paid) {
        Payments.Delivered d;
        try {
            d = payments.deliver(paid.orderRef(), delivery);
        } catch (IllegalStateException e) { // whether it can be delivered is not known now
            log.info("Fee payment {}: not known now ({})", paid.orderRef(), e.getMessage());
            return Payments.Delivered.FAILED;
        }
        log.info("Fee {} of payment {}: {}", paid.dueId(), paid.orderRef(), d);
        return d;
    }
}
