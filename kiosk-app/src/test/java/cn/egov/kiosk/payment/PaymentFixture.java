package cn.egov.kiosk.payment;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PaymentJournalRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

/**
 * What the payments' tests share: the journal in SQLite on a file of the test's folder (closed and
 * opened again as a restarted kiosk would), a clock the waits move, and the world outside the kiosk
 * (terminal, wallet, service), which outlives a crash.
 */
final class PaymentFixture implements AutoCloseable {
    static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-11-28T01:30:00Z"); // 09:30 in the hall

    final Path file;
    final MutableClock clock = new MutableClock(START);
    final FakeTerminal terminal = new FakeTerminal(clock);
    final FakeWallet wallet = new FakeWallet(clock, HALL);
    final FakeDelivery delivery = new FakeDelivery();
    final PaymentTimes times = PaymentTimes.DEFAULTS;
    Database db;
    PaymentJournal journal;
    private int refs;

    PaymentFixture(Path dir) {
        this.file = dir.resolve("kiosk.db");
        this.db = Database.open(file);
        this.journal = new PaymentJournalRepository(db);
    }

    /** The kiosk restarted: the database closed and opened again, nothing kept in memory. */
    void restart() {
        db.close();
        db = Database.open(file);
        journal = new PaymentJournalRepository(db);
    }

    Payments payments() {
        return payments(j -> j);
    }

    /** Payments over the journal as {@code wrap} makes it (a journal that crashes, say). */
    Payments payments(UnaryOperator<PaymentJournal> wrap) {
        return new Payments(
                wrap.apply(journal), terminal, wallet, clock, times, d -> clock.advance(d), () -> "order-" + (++refs));
    }

    PaymentRecovery recovery(Payments payments) {
        return new PaymentRecovery(payments, delivery, 3);
    }

    void later(Duration d) {
        clock.advance(d);
    }

    PaymentRecord record(String orderRef) {
        return journal.find(orderRef).orElseThrow();
    }

    @Override
    public void close() {
        db.close();
    }
}
