package cn.egov.kiosk.payment;

import cn.egov.kiosk.device.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

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
        fixture.close();
    }
}
