package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal.Fault;
import cn.egov.kiosk.device.payment.zvt.ZvtJournal;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PaymentJournalRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Card payments over real parts: {@link Payments} and the journal in SQLite, {@link
 * TerminalCardGateway} over the {@code zvt} driver, the ZVT terminal simulator on a socat
 * pseudo-terminal. Approved, declined, the answer lost after the charge (found by the repeat
 * receipt), the money given back (reversed in the terminal's own journal), and the end of day
 * reconciled with the journal.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CardPaymentsOverZvtTest {
    @TempDir
    Path dir;

    private ZvtRig rig;
    private Database db;
    private PaymentJournalRepository journal;
    private Payments payments;
    private final AtomicInteger refs = new AtomicInteger();
    private final AtomicInteger dues = new AtomicInteger();
    private final FakeDelivery delivery = new FakeDelivery();

    @BeforeEach
    void wire() throws Exception {
        rig = new ZvtRig(dir);
        db = Database.open(dir.resolve("kiosk.db"));
        journal = new PaymentJournalRepository(db);
        payments = new Payments(
                journal,
                rig.gateway(),
                QrGateway.unavailable("no platform in this test"),
                Clock.systemUTC(),
                PaymentTimes.DEFAULTS,
                Payments.Sleeper.REAL,
                () -> "card-" + refs.incrementAndGet());
    }

    @AfterEach
    void unwire() {
        rig.close();
        db.close();
    }

    private Payments.Result pay(long fen) {
        return payments.pay(PaymentOrder.of(
                "ITEM-1", DueRef.applicationFee("A-" + dues.incrementAndGet()), "工本费", fen, PaymentMethod.CARD));
    }

    /** Paid, and its service delivered. */
    private void payAndDeliver(long fen) {
        Payments.Result r = pay(fen);
        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        assertThat(payments.deliver(r.payment().orderRef(), delivery)).isEqualTo(Payments.Delivered.DELIVERED);
    }

    @Test
    void anApprovedSaleIsPaidWithTheTerminalsIdsAndTheCardMasked() {
        Payments.Result r = pay(1500);

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        PaymentRecord p = r.payment();
        assertThat(p.state()).isEqualTo(PaymentState.APPROVED);
        assertThat(p.receiptNo()).contains("0001");
        assertThat(p.traceNo()).contains("000001");
        assertThat(p.cardMasked()).contains("622202******1234");
        assertThat(rig.terminal.journal().day()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ZvtJournal.Kind.SALE);
            assertThat(e.amountFen()).isEqualTo(1500);
        });
    }

    @Test
    void aDeclinedCardIsDeclinedAndNothingIsBooked() {
        rig.terminal.inject(Fault.DECLINED);

        Payments.Result r = pay(800);

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.DECLINED);
        assertThat(r.payment().state()).isEqualTo(PaymentState.DECLINED);
        assertThat(rig.terminal.journal().day()).isEmpty();
    }

    @Test
    void theAnswerLostAfterTheChargeIsFoundByTheRepeatReceipt() {
        rig.terminal.inject(Fault.LOSE_ANSWER);

        Payments.Result r = pay(3300);

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        assertThat(r.payment().receiptNo()).contains("0001");
        assertThat(journal.steps(r.payment().orderRef()))
                .extracting(s -> s.answer().note())
                .contains("approved, found by the repeat receipt");
        assertThat(rig.terminal.journal().day()).as("charged once").hasSize(1);
    }

    @Test
    void moneyGivenBackIsReversedOnTheTerminalAndItsRepeatReceiptSaysSo() {
        String ref = pay(2000).payment().orderRef();

        Payments.Result back = payments.giveBack(ref, "the licence could not be printed");

        assertThat(back.payment().state()).isEqualTo(PaymentState.REVERSED);
        List<ZvtJournal.Entry> day = rig.terminal.journal().day();
        assertThat(day).hasSize(2);
        assertThat(day.get(0).reversed()).isTrue();
        assertThat(day.get(1).kind()).isEqualTo(ZvtJournal.Kind.REVERSAL);
        assertThat(day.get(1).reverses()).isEqualTo(day.get(0).receipt());
        assertThat(rig.gateway().lastTransaction().outcome()).isEqualTo(GatewayOutcome.REVERSED);
        assertThat(rig.gateway().reverse(day.get(0).receipt(), 2000).outcome())
                .as("reversed again: already reversed (B4)")
                .isEqualTo(GatewayOutcome.REVERSED);
    }

    @Test
    void theEndOfDayReconcilesWithTheJournal() {
        payAndDeliver(1500);
        rig.terminal.inject(Fault.DECLINED);
        pay(800);
        rig.terminal.inject(Fault.LOSE_ANSWER);
        payAndDeliver(3300);
        payments.giveBack(pay(2000).payment().orderRef(), "not delivered");
        LocalDate today = LocalDate.now(ZvtRig.HALL);

        ReconciliationReport r = reconciliation().run(today);

        assertThat(r.terminal()).contains(new TerminalTotals(4, 4800));
        assertThat(r.kiosk().cardTransactions()).isEqualTo(4);
        assertThat(r.kiosk().cardNetFen()).isEqualTo(4800);
        assertThat(r.differences()).isEmpty();
        assertThat(rig.terminal.journal().closedDays()).hasSize(1);
    }

    @Test
    void aSaleBehindTheKiosksBackIsADifferenceOfTheTotals() throws Exception {
        payAndDeliver(1500);
        rig.pos().sale(new SaleRequest("at-the-terminal", 4200, Duration.ofSeconds(30)));

        ReconciliationReport r = reconciliation().run(LocalDate.now(ZvtRig.HALL));

        assertThat(r.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Difference.Kind.TERMINAL_TOTALS_DIFFER);
            assertThat(d.kioskFen()).isEqualTo(1500);
            assertThat(d.otherFen()).isEqualTo(5700);
        });
    }

    /** The reconciliation, with a platform that holds the kiosk's card payments as it reports them. */
    private Reconciliation reconciliation() {
        PlatformOrders platform = day -> Optional.of(journal.ofDay(day, ZvtRig.HALL).stream()
                .filter(PaymentRecord::heldAsPaid)
                .map(p -> new PlatformOrder(
                        p.orderRef(), "PAY-" + p.orderRef(), true, p.amountFen(), PlatformOrder.Status.PAID))
                .toList());
        return new Reconciliation(journal, rig.gateway(), platform, Clock.systemUTC(), ZvtRig.HALL);
    }
}
