package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.payment.Difference.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 日结/对账 over a day of real payments (the journal on a file, the terminal and the platform in
 * memory): a day where every side agrees has no difference; each injected difference is listed, and
 * the report is kept.
 */
class ReconciliationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path dir;

    private PaymentFixture f;
    private Payments payments;
    private int dues;

    @BeforeEach
    void aDayOfPayments() {
        f = new PaymentFixture(dir);
        payments = f.payments();
        // a card payment delivered, one declined, one given back; a wallet payment delivered, a code
        // shown and never paid
        String card = pay(PaymentMethod.CARD, 1500);
        payments.deliver(card, f.delivery);
        f.terminal.next = FakeTerminal.Sale.DECLINE;
        pay(PaymentMethod.CARD, 800);
        f.terminal.next = FakeTerminal.Sale.APPROVE;
        String reversed = pay(PaymentMethod.CARD, 2000);
        payments.giveBack(reversed, "the licence printer failed");
        String qr = pay(PaymentMethod.QR_SCANNED, 600);
        payments.deliver(qr, f.delivery);
        pay(PaymentMethod.QR_SHOWN, 300);
        // the kiosk reported its card payments to the platform
        for (PaymentRecord p : f.journal.ofDay(DAY, PaymentFixture.HALL)) {
            if (p.method() == PaymentMethod.CARD && p.wasCharged()) {
                f.wallet.reportCard(
                        p.orderRef(),
                        p.amountFen(),
                        p.heldAsPaid() ? PlatformOrder.Status.PAID : PlatformOrder.Status.REFUNDED);
            }
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String pay(PaymentMethod method, long fen) {
        String due = "due-" + (++dues);
        PaymentOrder order = method == PaymentMethod.QR_SCANNED
                ? PaymentOrder.scanned("ITEM-1", due, "x", fen, "134567890123456789")
                : PaymentOrder.of("ITEM-1", due, "x", fen, method);
        f.later(Duration.ofMinutes(7));
        return payments.pay(order).payment().orderRef();
    }

    private Reconciliation reconciliation() {
        return new Reconciliation(f.journal, f.terminal, f.wallet, f.clock, PaymentFixture.HALL);
    }

    @Test
    void aDayWhereEverySideAgreesHasNoDifference() {
        ReconciliationReport r = reconciliation().run(DAY);

        assertThat(r.differences()).isEmpty();
        assertThat(r.kiosk().payments()).isEqualTo(5);
        assertThat(r.kiosk().paidCount()).isEqualTo(2);
        assertThat(r.kiosk().paidFen()).isEqualTo(2100);
        assertThat(r.kiosk().cardSaleCount()).isEqualTo(2);
        assertThat(r.kiosk().cardSaleFen()).isEqualTo(3500);
        assertThat(r.kiosk().cardReversalFen()).isEqualTo(2000);
        assertThat(r.kiosk().cardTransactions()).isEqualTo(3);
        assertThat(r.kiosk().cardNetFen()).isEqualTo(1500);
        assertThat(r.terminal()).contains(new TerminalTotals(3, 1500));
        assertThat(r.platformOrders()).hasValue(4);
        assertThat(f.journal.report(DAY)).contains(r);
    }

    @Test
    void injectedDifferencesAreEachListedAndKept() {
        // a sale booked at the terminal behind the kiosk's back, an order only the platform holds,
        // paid; a wallet payment the platform holds for another amount; a card payment it holds as
        // unpaid
        f.terminal.book(4200);
        f.wallet.orders.put("ghost", new FakeWallet.Order("ghost", "PAY99", 990, f.clock.instant(), false));
        f.wallet.orders.get("ghost").status = PlatformOrder.Status.PAID;
        PaymentRecord qr = f.journal.ofDay(DAY, PaymentFixture.HALL).stream()
                .filter(p -> p.method() == PaymentMethod.QR_SCANNED)
                .findFirst()
                .orElseThrow();
        f.wallet.orders.put(qr.orderRef(), new FakeWallet.Order(qr.orderRef(), "PAY1", 650, f.clock.instant(), false));
        f.wallet.orders.get(qr.orderRef()).status = PlatformOrder.Status.PAID;
        PaymentRecord card = f.journal.ofDay(DAY, PaymentFixture.HALL).get(0);
        f.wallet.orders.get(card.orderRef()).status = PlatformOrder.Status.FAILED;

        ReconciliationReport r = reconciliation().run(DAY);

        assertThat(r.differences())
                .extracting(Difference::kind)
                .containsExactlyInAnyOrder(
                        Kind.TERMINAL_TOTALS_DIFFER, Kind.ONLY_ON_PLATFORM, Kind.AMOUNT_DIFFERS, Kind.STATE_DIFFERS);
        assertThat(r.differences())
                .filteredOn(d -> d.kind() == Kind.TERMINAL_TOTALS_DIFFER)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.kioskFen()).isEqualTo(1500);
                    assertThat(d.otherFen()).isEqualTo(5700);
                    assertThat(d.note()).contains("3 in the journal, 4 on the terminal");
                });
        assertThat(r.differences())
                .filteredOn(d -> d.kind() == Kind.ONLY_ON_PLATFORM)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.orderRef()).isEqualTo("ghost");
                    assertThat(d.note()).contains("refunded");
                });
        assertThat(r.differences())
                .filteredOn(d -> d.kind() == Kind.AMOUNT_DIFFERS)
                .singleElement()
                .satisfies(d -> assertThat(d.otherFen() - d.kioskFen()).isEqualTo(50));
        assertThat(r.differences())
                .filteredOn(d -> d.kind() == Kind.STATE_DIFFERS)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.orderRef()).isEqualTo(card.orderRef());
                    assertThat(d.kioskState()).isEqualTo("DELIVERED");
                    assertThat(d.otherState()).isEqualTo("FAILED");
                });

        f.restart();
        assertThat(f.journal.report(DAY)).contains(r);
    }

    @Test
    void aPaymentOnlyInTheJournalAPaymentInDoubtAndASilentTerminalAreListed() {
        String lost = f.journal.ofDay(DAY, PaymentFixture.HALL).get(0).orderRef();
        f.wallet.orders.remove(lost);
        f.terminal.offline = true;
        f.wallet.offline = false;
        payments.pay(PaymentOrder.of("ITEM-1", "due-x", "x", 100, PaymentMethod.CARD)); // stays SENT

        ReconciliationReport r = reconciliation().run(DAY);

        assertThat(r.terminal()).isEmpty();
        assertThat(r.differences())
                .extracting(Difference::kind)
                .containsExactlyInAnyOrder(Kind.ONLY_IN_JOURNAL, Kind.FOR_STAFF, Kind.NO_ANSWER);
        assertThat(r.differences())
                .filteredOn(d -> d.kind() == Kind.ONLY_IN_JOURNAL)
                .singleElement()
                .satisfies(d -> assertThat(d.orderRef()).isEqualTo(lost));
    }

    @Test
    void anOrderTheKioskClosedThatThePlatformHoldsOpenIsADifference() {
        PaymentRecord shown = f.journal.ofDay(DAY, PaymentFixture.HALL).stream()
                .filter(p -> p.method() == PaymentMethod.QR_SHOWN)
                .findFirst()
                .orElseThrow();
        f.wallet.orders.get(shown.orderRef()).status = PlatformOrder.Status.PENDING;

        List<Difference> d = reconciliation().run(DAY).differences();

        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Kind.STATE_DIFFERS);
            assertThat(x.note()).contains("close it");
        });
    }

    @Test
    void aCardPaymentChargedAndReversedThatWasNeverReportedIsNotOnlyInTheJournal() {
        PaymentRecord reversed = f.journal.ofDay(DAY, PaymentFixture.HALL).stream()
                .filter(p -> p.state() == PaymentState.REVERSED)
                .findFirst()
                .orElseThrow();
        f.wallet.orders.remove(reversed.orderRef());

        assertThat(reconciliation().run(DAY).differences()).isEmpty();
    }

    @Test
    void aCardPaymentOfTheDayBeforesLastHoursCountsInTheTerminalsDayItClosed() {
        reconciliation().run(DAY); // the terminal's day closed, as at 02:00 the next morning
        f.later(Duration.ofHours(1));
        pay(PaymentMethod.CARD, 700); // on the same calendar day, after the end of day

        ReconciliationReport next = reconciliation().run(DAY.plusDays(1));

        assertThat(next.kiosk().cardSaleCount()).isEqualTo(1);
        assertThat(next.terminal()).contains(new TerminalTotals(1, 700));
        assertThat(next.differences()).extracting(Difference::kind).doesNotContain(Kind.TERMINAL_TOTALS_DIFFER);
    }

    @Test
    void aTerminalThatDoesNotTellItsCountIsReconciledByItsNetAlone() {
        ReconciliationReport r = Reconciliation.compare(
                DAY,
                f.journal.ofDay(DAY, PaymentFixture.HALL),
                f.journal.ofDay(DAY, PaymentFixture.HALL),
                Optional.of(new TerminalTotals(TerminalTotals.NOT_TOLD, 1500)),
                f.wallet.ordersOf(DAY),
                f.journal::find,
                f.clock.instant());

        assertThat(r.differences()).isEmpty();
        assertThat(Reconciliation.compare(
                                DAY,
                                f.journal.ofDay(DAY, PaymentFixture.HALL),
                                f.journal.ofDay(DAY, PaymentFixture.HALL),
                                Optional.of(new TerminalTotals(TerminalTotals.NOT_TOLD, 1400)),
                                f.wallet.ordersOf(DAY),
                                f.journal::find,
                                f.clock.instant())
                        .differences())
                .extracting(Difference::kind)
                .containsExactly(Kind.TERMINAL_TOTALS_DIFFER);
    }
}
