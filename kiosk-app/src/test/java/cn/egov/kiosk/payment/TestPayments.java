package cn.egov.kiosk.payment;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.payment.PaymentStep.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The payments' test world for tests outside this package (the 社保缴费 desk, the fee step's
 * screens): {@link Payments} over the real journal in SQLite, the in-memory terminal and wallet,
 * and a clock the waits move. {@code realPauseMs} &gt; 0 makes each wait also pass that long in
 * real time, so that a screen shows what a payment waits on.
 */
public final class TestPayments implements AutoCloseable {
    private final PaymentFixture fixture;
    private final long realPauseMs;
    private int refs;
    private PaymentServices services;

    public TestPayments(Path dir, long realPauseMs) {
        this.fixture = new PaymentFixture(dir);
        this.realPauseMs = realPauseMs;
    }

    public Payments payments() {
        return new Payments(
                fixture.journal,
                fixture.terminal,
                fixture.wallet,
                fixture.clock,
                fixture.times,
                d -> {
                    if (realPauseMs > 0) {
                        Thread.sleep(realPauseMs);
                    }
                    fixture.clock.advance(d);
                },
                () -> "order-" + (++refs));
    }

    /** The hall's time zone. */
    public ZoneId zone() {
        return PaymentFixture.HALL;
    }

    /**
     * Staff's view of this world ({@link PaymentServices#staff()}): the journal, the terminal, and the
     * wallet as the platform's orders; nothing registered to deliver. Not started: nothing scheduled.
     */
    public StaffPayments staff() {
        if (services == null) {
            services = new PaymentServices(
                    fixture.journal,
                    fixture.terminal,
                    Optional.of(fixture.wallet),
                    Optional.of(fixture.wallet),
                    UnaryOperator.identity(),
                    fixture.clock,
                    PaymentFixture.HALL,
                    Duration.ofMinutes(5),
                    LocalTime.of(2, 0));
        }
        return services.staff();
    }

    /**
     * A card payment the terminal charged or not, nobody could tell, left for staff (MANUAL) with
     * {@code why}: its receipt, trace and card (given whole: the journal masks it) as the answer said.
     */
    public PaymentRecord leftForStaff(String orderRef, String description, long amountFen, String why) {
        PaymentJournal j = fixture.journal;
        j.open(
                orderRef,
                PaymentOrder.of("ITEM-" + orderRef, "due-" + orderRef, description, amountFen, PaymentMethod.CARD),
                fixture.clock.instant());
        j.advance(
                orderRef,
                PaymentState.NEW,
                PaymentState.SENT,
                Actor.KIOSK,
                Answer.note("sale sent to the terminal"),
                fixture.clock.instant());
        fixture.clock.advance(Duration.ofSeconds(30));
        return j.advance(
                        orderRef,
                        PaymentState.SENT,
                        PaymentState.MANUAL,
                        Actor.RECOVERY,
                        new Answer("R777", "T777", null, "6222021234567890", null, null, why),
                        fixture.clock.instant())
                .orElseThrow();
    }

    /** A card payment sent and not answered yet: in doubt, for the recovery. */
    public PaymentRecord inDoubt(String orderRef, String description, long amountFen) {
        PaymentJournal j = fixture.journal;
        j.open(
                orderRef,
                PaymentOrder.of("ITEM-" + orderRef, "due-" + orderRef, description, amountFen, PaymentMethod.CARD),
                fixture.clock.instant());
        return j.advance(
                        orderRef,
                        PaymentState.NEW,
                        PaymentState.SENT,
                        Actor.KIOSK,
                        Answer.note("sale sent to the terminal"),
                        fixture.clock.instant())
                .orElseThrow();
    }

    /** A sale booked at the terminal behind the kiosk's back (an engineer's test at the terminal, say). */
    public void saleAtTerminal(long amountFen) {
        fixture.terminal.book(amountFen);
    }

    /** A wallet order paid on the platform that the kiosk never made (单边账). */
    public void paidOnPlatformOnly(String orderRef, long amountFen) {
        FakeWallet.Order o =
                new FakeWallet.Order(orderRef, "PAY-" + orderRef, amountFen, fixture.clock.instant(), false);
        o.status = PlatformOrder.Status.PAID;
        fixture.wallet.orders.put(orderRef, o);
    }

    /** A payment's steps as the journal keeps them. */
    public List<PaymentStep> steps(String orderRef) {
        return fixture.journal.steps(orderRef);
    }

    public MutableClock clock() {
        return fixture.clock;
    }

    /** The next card sale: APPROVE, DECLINE, ABORT, LOSE_ANSWER, NO_ANSWER. */
    public void nextSale(String what) {
        fixture.terminal.next = FakeTerminal.Sale.valueOf(what);
    }

    /** Runs when a sale reaches the terminal, before it is booked (a test waits there). */
    public void onSale(Consumer<String> hook) {
        fixture.terminal.onSale = hook;
    }

    /** The terminal does not answer (a sale then stays in doubt). */
    public void terminalOffline(boolean offline) {
        fixture.terminal.offline = offline;
    }

    public int sales() {
        return fixture.terminal.sales;
    }

    /** The payer pays a shown or waiting order at this query (0: never). */
    public void payAtQuery(int n) {
        fixture.wallet.payAfterQueries = n;
    }

    /** The next payment code charged: APPROVE, DECLINE, WAIT, LOSE_ANSWER. */
    public void nextCharge(String what) {
        fixture.wallet.nextCharge = FakeWallet.Charge.valueOf(what);
    }

    public int charges() {
        return fixture.wallet.charges;
    }

    /** How the journal holds a payment now. */
    public PaymentRecord record(String orderRef) {
        return fixture.record(orderRef);
    }

    public void later(Duration d) {
        fixture.clock.advance(d);
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        fixture.close();
    }
}
