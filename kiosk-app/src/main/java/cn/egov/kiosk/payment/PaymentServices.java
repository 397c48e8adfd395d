package cn.egov.kiosk.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payments as the kiosk runs them, made by the runtime from its parts: {@link Payments} over
 * the journal, the card gateway and (with a platform) the wallet gateway; the {@link Deliveries}
 * the flows register into, wrapped as the runtime says (with a platform: each card payment reported
 * to it before its delivery); the {@link PaymentRecovery}; the {@link Reconciliation}.
 *
 * <p>Its own thread ({@code payments}) runs the recovery once at {@link #start()} (screens offer
 * payments only once {@link #recovered()}; {@link #startupRecovery()} completes then), again every
 * {@code recoveryEvery}, and the reconciliation of the day before every day at {@code
 * reconcileAt} in the hall's time. Without a platform, wallet payments are unavailable ({@link
 * #qrAvailable()}): no order is made, and card payments work.
 */
public final class PaymentServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PaymentServices.class);
    /**
     * Recovery runs without an answer before a payment goes to staff (or, paid and not delivered,
     * its money back): an hour at the default five minutes, so that a short outage of the platform
     * does not reverse card payments whose report waits for it.
     */
    public static final int MAX_ATTEMPTS = 12;

    private final PaymentJournal journal;
    private final Payments payments;
    private final Deliveries deliveries = new Deliveries();
    private final Delivery delivery;
    private final PaymentRecovery recovery;
    private final Reconciliation reconciliation;
    private final boolean qrAvailable;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration recoveryEvery;
    private final LocalTime reconcileAt;
    private final CompletableFuture<PaymentRecovery.Report> startup = new CompletableFuture<>();
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "payments");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param qr the wallet payments through the platform; empty without a platform
     * @param orders the platform's orders for the reconciliation; empty without a platform
     * @param deliveryWrapper what the registered deliveries are wrapped in (the card report), or
     *     {@link UnaryOperator#identity()}
     * @param zone the hall's time zone
     * @param recoveryEvery how often the recovery runs after the first
     * @param reconcileAt when the day before is reconciled, in the hall's time
     */
    public PaymentServices(
            PaymentJournal journal,
            CardGateway card,
            Optional<QrGateway> qr,
            Optional<PlatformOrders> orders,
            UnaryOperator<Delivery> deliveryWrapper,
            Clock clock,
            ZoneId zone,
            Duration recoveryEvery,
            LocalTime reconcileAt) {
        this.journal = journal;
        this.qrAvailable = qr.isPresent();
        this.payments = new Payments(
                journal, card, qr.orElseGet(() -> QrGateway.unavailable("the kiosk has no platform")), clock);
        this.delivery = deliveryWrapper.apply(deliveries);
        this.recovery = new PaymentRecovery(payments, delivery, MAX_ATTEMPTS);
        this.reconciliation =
                new Reconciliation(journal, card, orders.orElseGet(() -> day -> Optional.empty()), clock, zone);
        this.clock = clock;
        this.zone = zone;
        this.recoveryEvery = recoveryEvery;
        this.reconcileAt = reconcileAt;
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // tomorrow's reconciliation
    }

    /** Runs the recovery now (on the {@code payments} thread), then on its schedule, and the daily reconciliation. */
    public void start() {
        start(() -> true, Duration.ZERO);
    }

    /**
     * As {@link #start()}, the first recovery once the card terminal is ready (or {@code atMost} has
     * passed): asked before its link is up, a card payment in doubt would only count a try without an
     * answer, and new card payments wait for it.
     *
     * @param terminalReady whether the terminal can be asked now (true when the kiosk has none)
     */
    public void start(BooleanSupplier terminalReady, Duration atMost) {
        thread.execute(() -> {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!terminalReady.getAsBoolean() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // closing
                }
            }
            PaymentRecovery.Report r;
            try {
                r = recovery.run();
            } catch (RuntimeException e) {
                log.error("The payments' recovery at start-up failed; payments are offered all the same", e);
                r = new PaymentRecovery.Report(List.of(), List.of(), List.of());
            }
            startup.complete(r);
        });
        thread.scheduleWithFixedDelay(
                this::recoverQuietly, recoveryEvery.toMillis(), recoveryEvery.toMillis(), TimeUnit.MILLISECONDS);
        scheduleReconciliation();
    }

    private void recoverQuietly() {
        try {
            recovery.run();
        } catch (RuntimeException e) {
            log.error("The payments' recovery failed; it runs again in {}", recoveryEvery, e);
        }
    }

    private void scheduleReconciliation() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime next = now.toLocalDate().atTime(reconcileAt).atZone(zone);
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(reconcileAt).atZone(zone);
        }
        LocalDate day = next.toLocalDate().minusDays(1);
        long delay = Duration.between(now, next).toMillis();
        try {
            thread.schedule(
                    () -> {
                        try {
                            reconciliation.run(day);
                        } catch (RuntimeException e) {
                            log.error("The reconciliation of {} failed", day, e);
                        }
                        scheduleReconciliation();
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Payments closed: no reconciliation scheduled");
        }
    }

    /** The one door the screens pay through (blocks: off the JavaFX thread). */
    public Payments payments() {
        return payments;
    }

    /** Where the flows register the delivery of what they sell, by {@link DueRef.Kind}. */
    public Deliveries deliveries() {
        return deliveries;
    }

    /**
     * Delivers what a payment bought, through the registered delivery (and, with a platform, the
     * card report first): what a screen calls once {@link Payments#pay} said PAID. Blocks.
     */
    public Payments.Delivered deliver(String orderRef) {
        return payments.deliver(orderRef, delivery);
    }

    /** The registered deliveries as {@link #deliver} delivers through them (the card report first). */
    public Delivery delivery() {
        return delivery;
    }

    /** Gives back the money of a paid payment whose service will not be delivered. Blocks. */
    public Payments.Result giveBack(String orderRef, String why) {
        return payments.giveBack(orderRef, why);
    }

    public PaymentRecovery recovery() {
        return recovery;
    }

    public Reconciliation reconciliation() {
        return reconciliation;
    }

    /**
     * What staff see and do with the payments: the journal read as it stands, a settlement through
     * {@link Payments#settleByStaff}, and the reconciliation and the recovery run on the {@code
     * payments} thread, after whatever it is doing (so that they never run beside the scheduled ones:
     * one end of day at a time). Blocks.
     */
    public StaffPayments staff() {
        return new StaffPayments() {
            @Override
            public List<PaymentRecord> forStaff() {
                return journal.forStaff();
            }

            @Override
            public List<PaymentRecord> unresolved() {
                return journal.unresolved();
            }

            @Override
            public List<PaymentStep> steps(String orderRef) {
                return journal.steps(orderRef);
            }

            @Override
            public PaymentRecord settle(String orderRef, PaymentState to, String note) {
                return payments.settleByStaff(orderRef, to, note);
            }

            @Override
            public Optional<ReconciliationReport> report(LocalDate day) {
                return journal.report(day);
            }

            @Override
            public ReconciliationReport reconcile(LocalDate day) {
                return onPaymentsThread(() -> reconciliation.run(day));
            }

            @Override
            public PaymentRecovery.Report checkAgain() {
                return onPaymentsThread(recovery::run);
            }
        };
    }

    /** Runs {@code work} on the {@code payments} thread and waits for it; its exception is thrown here. */
    private <T> T onPaymentsThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, thread).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /** Whether wallet payments (主扫, 被扫) can be offered: the kiosk has a platform. */
    public boolean qrAvailable() {
        return qrAvailable;
    }

    /** Whether the recovery at start-up has run: until then no payment is offered. */
    public boolean recovered() {
        return startup.isDone();
    }

    /** Completes (on the {@code payments} thread) once the recovery at start-up has run. */
    public CompletableFuture<PaymentRecovery.Report> startupRecovery() {
        return startup;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS); // a step in flight ends before the store closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
