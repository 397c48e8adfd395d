package cn.egov.kiosk.payment;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a flow that sells something (社保缴费, an application's fee) does with money, in one place:
 * it pays through {@link Payments} once the recovery at start-up has settled what a crash left (30 s
 * at most), hands over what was paid through the kiosk's delivery (the runtime's: a card payment
 * reported to the platform first), and asks the card terminal to give up a sale the citizen
 * cancelled. Logs ids and outcomes only. Every call blocks: off the JavaFX thread.
 */
public final class Cashier {
    private static final Logger log = LoggerFactory.getLogger(Cashier.class);

    /** How long a payment waits for the recovery at start-up to have finished what a crash left. */
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(30);

    private final Payments payments;
    private final Delivery delivery;
    private final Runnable abortSale;
    private final Future<?> recovered;

    /**
     * @param payments the one door payments go through
     * @param delivery the kiosk's delivery of what payments buy
     * @param abortSale asks the card terminal to give up the sale it waits on; does nothing when none runs
     * @param recovered completes once the recovery at start-up has run: no payment starts before
     */
    public Cashier(Payments payments, Delivery delivery, Runnable abortSale, Future<?> recovered) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.abortSale = Objects.requireNonNull(abortSale, "abortSale");
        this.recovered = Objects.requireNonNull(recovered, "recovered");
    }

    /** A cashier whose kiosk has no recovery to wait for (tests, tools). */
    public Cashier(Payments payments, Delivery delivery, Runnable abortSale) {
        this(payments, delivery, abortSale, CompletableFuture.completedFuture(null));
    }

    /** Pays {@code order}; see {@link Payments#pay(PaymentOrder, Payments.Progress)}. */
    public Payments.Result pay(PaymentOrder order, Payments.Progress progress) {
        awaitRecovery();
        Payments.Result r = payments.pay(order, progress);
        log.info(
                "Payment of {} for {} by {}: {} ({})",
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

    /**
     * Hands over what a payment bought. Idempotent; not delivered now (the platform away, the order
     * not PAID yet, whether it can be delivered not known) stays APPROVED for the recovery, which
     * asks again.
     */
    public Payments.Delivered deliver(PaymentRecord paid) {
        Payments.Delivered d;
        try {
            d = payments.deliver(paid.orderRef(), delivery);
        } catch (IllegalStateException e) { // whether it can be delivered is not known now
            log.info("Payment {}: whether it can be delivered is not known now ({})", paid.orderRef(), e.getMessage());
            return Payments.Delivered.FAILED;
        }
        log.info("Payment {} of {}: {}", paid.orderRef(), paid.dueId(), d);
        return d;
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
}
