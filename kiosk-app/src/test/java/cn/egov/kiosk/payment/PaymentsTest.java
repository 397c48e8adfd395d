package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.payment.Payments.Delivered;
import cn.egov.kiosk.payment.Payments.Outcome;
import cn.egov.kiosk.payment.Payments.Result;
import cn.egov.kiosk.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment state machine over the real journal (SQLite on a file) and in-memory gateways: what
 * is journalled before each call, what each answer becomes, what is refused.
 */
class PaymentsTest {
    private static final PaymentOrder CARD = PaymentOrder.of("ITEM-1", "due-1", "签注费", 1500, PaymentMethod.CARD);
    private static final PaymentOrder SHOWN = PaymentOrder.of("ITEM-1", "due-1", "签注费", 1500, PaymentMethod.QR_SHOWN);
    private static final String PAYER_CODE = "134567890123456789";
    private static final PaymentOrder SCANNED = PaymentOrder.scanned("ITEM-1", "due-1", "签注费", 1500, PAYER_CODE);

    @TempDir
    Path dir;

    private PaymentFixture f;
    private Payments payments;

    @BeforeEach
    void open() {
        f = new PaymentFixture(dir);
        payments = f.payments();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<PaymentState> states(String orderRef) {
        return f.journal.steps(orderRef).stream().map(PaymentStep::to).toList();
    }

    // ---- card ----

    @Test
    void aCardSaleIsJournalledSentBeforeTheTerminalIsAskedThenApprovedWithItsIds() {
        List<PaymentState> seenByTerminal = new ArrayList<>();
        f.terminal.onSale = ref -> seenByTerminal.add(f.record(ref).state());

        Result r = payments.pay(CARD);

        assertThat(r.outcome()).isEqualTo(Outcome.PAID);
        assertThat(seenByTerminal).containsExactly(PaymentState.SENT);
        PaymentRecord p = f.record(r.payment().orderRef());
        assertThat(p.state()).isEqualTo(PaymentState.APPROVED);
        assertThat(p.receiptNo()).contains(f.terminal.booked.get(0).receiptNo);
        assertThat(p.traceNo()).contains(f.terminal.booked.get(0).traceNo);
        assertThat(p.cardMasked()).contains("622202******7890");
        assertThat(p.sentAt()).contains(PaymentFixture.START);
        assertThat(p.approvedAt()).isPresent();
        assertThat(states(p.orderRef())).containsExactly(PaymentState.NEW, PaymentState.SENT, PaymentState.APPROVED);
        assertThat(f.journal.steps(p.orderRef()).get(2).answer().traceNo())
                .isEqualTo(p.traceNo().get());
    }

    @Test
    void aDeclinedOrAbortedSaleChargesNothingAndFreesTheDue() {
        f.terminal.next = FakeTerminal.Sale.DECLINE;
        Result declined = payments.pay(CARD);
        assertThat(declined.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(declined.payment().state()).isEqualTo(PaymentState.DECLINED);

        f.terminal.next = FakeTerminal.Sale.ABORT;
        Result aborted = payments.pay(CARD);
        assertThat(aborted.outcome()).isEqualTo(Outcome.CANCELLED);

        f.terminal.next = FakeTerminal.Sale.APPROVE;
        assertThat(payments.pay(CARD).outcome()).isEqualTo(Outcome.PAID);
        assertThat(f.terminal.sales).isEqualTo(3);
    }

    @Test
    void aLostAnswerIsFoundByTheRepeatReceipt() {
        f.terminal.next = FakeTerminal.Sale.LOSE_ANSWER;

        Result r = payments.pay(CARD);

        assertThat(r.outcome()).isEqualTo(Outcome.PAID);
        assertThat(f.terminal.repeatReceipts).isEqualTo(1);
        assertThat(r.payment().traceNo()).contains(f.terminal.booked.get(0).traceNo);
        assertThat(f.journal.steps(r.payment().orderRef()).get(2).answer().note())
                .contains("repeat receipt");
    }

    @Test
    void aSaleNeverBookedIsCancelledWhenTheRepeatReceiptShowsAnEarlierPayment() {
        Result first = payments.pay(PaymentOrder.of("ITEM-1", "due-0", "x", 1500, PaymentMethod.CARD));
        assertThat(first.outcome()).isEqualTo(Outcome.PAID);
        f.later(Duration.ofSeconds(30));
        f.terminal.next = FakeTerminal.Sale.NO_ANSWER;

        Result r = payments.pay(CARD); // same amount, within minutes: only the trace tells them apart

        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(r.payment().note().orElseThrow()).contains("never booked");
        assertThat(f.terminal.kept()).hasSize(1);
    }

    @Test
    void aSaleWhoseTerminalIsSilentStaysInDoubtAndHoldsTheDue() {
        f.terminal.offline = true;

        Result r = payments.pay(CARD);

        assertThat(r.outcome()).isEqualTo(Outcome.IN_DOUBT);
        assertThat(r.payment().state()).isEqualTo(PaymentState.SENT);
        assertThat(r.payment().attempts()).isEqualTo(1);
        f.terminal.offline = false;
        Result again = payments.pay(CARD);
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_PAYING);
        assertThat(again.payment().orderRef()).isEqualTo(r.payment().orderRef());
        assertThat(f.terminal.sales).as("the terminal is not asked again").isEqualTo(1);
    }

    @Test
    void aPaidDueIsNotPaidTwiceButAnotherDueIs() {
        Result paid = payments.pay(CARD);

        Result twice = payments.pay(SHOWN);

        assertThat(twice.outcome()).isEqualTo(Outcome.ALREADY_PAID);
        assertThat(twice.payment().orderRef()).isEqualTo(paid.payment().orderRef());
        assertThat(f.wallet.orders).isEmpty();
        assertThat(payments.pay(PaymentOrder.of("ITEM-1", "due-2", "x", 1500, PaymentMethod.CARD))
                        .outcome())
                .isEqualTo(Outcome.PAID);
        // delivered: still paid
        payments.deliver(paid.payment().orderRef(), f.delivery);
        assertThat(payments.pay(CARD).outcome()).isEqualTo(Outcome.ALREADY_PAID);
    }

    // ---- delivering ----

    @Test
    void aServiceIsDeliveredOnlyForAnApprovedPaymentAndOnce() {
        f.terminal.next = FakeTerminal.Sale.DECLINE;
        String declined = payments.pay(CARD).payment().orderRef();
        assertThat(payments.deliver(declined, f.delivery)).isEqualTo(Delivered.NOT_PAID);
        assertThat(f.delivery.calls).isZero();

        f.terminal.next = FakeTerminal.Sale.APPROVE;
        String paid = payments.pay(CARD).payment().orderRef();
        assertThat(payments.deliver(paid, f.delivery)).isEqualTo(Delivered.DELIVERED);
        assertThat(payments.deliver(paid, f.delivery)).isEqualTo(Delivered.ALREADY_DELIVERED);
        assertThat(f.delivery.calls).isEqualTo(1);
        assertThat(f.record(paid).state()).isEqualTo(PaymentState.DELIVERED);
    }

    @Test
    void aFailedDeliveryKeepsThePaymentApprovedAndItsMoneyCanBeGivenBack() {
        String paid = payments.pay(CARD).payment().orderRef();
        f.delivery.failing = true;

        assertThat(payments.deliver(paid, f.delivery)).isEqualTo(Delivered.FAILED);
        assertThat(f.record(paid).state()).isEqualTo(PaymentState.APPROVED);

        Result back = payments.giveBack(paid, "the licence could not be printed");
        assertThat(back.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(back.payment().state()).isEqualTo(PaymentState.REVERSED);
        assertThat(states(paid)).containsSubsequence(PaymentState.REVERSAL_PENDING, PaymentState.REVERSED);
        assertThat(f.terminal.kept()).isEmpty();
    }

    @Test
    void aReversalTheTerminalCannotMakeIsLeftToStaffWhoSettleIt() {
        String paid = payments.pay(CARD).payment().orderRef();
        f.terminal.reversalPossible = false;

        Result back = payments.giveBack(paid, "not deliverable");

        assertThat(back.payment().state()).isEqualTo(PaymentState.MANUAL);
        assertThat(back.outcome()).isEqualTo(Outcome.IN_DOUBT);
        assertThat(f.journal.forStaff()).extracting(PaymentRecord::orderRef).containsExactly(paid);
        assertThatThrownBy(() -> payments.settleByStaff(paid, PaymentState.APPROVED, "x"))
                .isInstanceOf(IllegalArgumentException.class);

        PaymentRecord settled = payments.settleByStaff(paid, PaymentState.REFUNDED, "refunded in cash, slip 0042");

        assertThat(settled.state()).isEqualTo(PaymentState.REFUNDED);
        assertThat(f.journal.steps(paid).get(f.journal.steps(paid).size() - 1).actor())
                .isEqualTo(PaymentStep.Actor.STAFF);
    }

    // ---- 主扫 ----

    @Test
    void aShownCodeIsPolledUntilPaid() {
        f.wallet.payAfterQueries = 3;
        List<String> shown = new ArrayList<>();
        Payments.Progress progress = new Payments.Progress() {
            @Override
            public void qrReady(String qrContent, Optional<Instant> expiresAt) {
                shown.add(qrContent);
            }
        };

        Result r = payments.pay(SHOWN, progress);

        assertThat(r.outcome()).isEqualTo(Outcome.PAID);
        assertThat(shown).containsExactly("https://pay.example/q/PAY1");
        assertThat(r.payment().paymentId()).contains("PAY1");
        assertThat(r.payment().receiptNo()).contains("RCP-PAY1");
        assertThat(f.clock.instant()).isEqualTo(PaymentFixture.START.plusSeconds(9)); // three polls of 3 s
        assertThat(states(r.payment().orderRef()))
                .containsExactly(PaymentState.NEW, PaymentState.SENT, PaymentState.SENT, PaymentState.APPROVED);
    }

    @Test
    void aShownCodeNotPaidInTimeIsClosedAndAskedAboutOnceMore() {
        Result r = payments.pay(SHOWN);

        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(f.wallet.closes).isEqualTo(1);
        assertThat(f.wallet.orders.get(r.payment().orderRef()).status).isEqualTo(PlatformOrder.Status.CLOSED);
        assertThat(f.clock.instant()).isEqualTo(PaymentFixture.START.plus(f.times.qrShown()));
    }

    @Test
    void aShownCodePaidJustAsItClosesIsPaid() {
        f.wallet.payAtClose = true;

        assertThat(payments.pay(SHOWN).outcome()).isEqualTo(Outcome.PAID);
    }

    @Test
    void aShownCodeTheCitizenLeavesIsClosedAtOnce() {
        Payments.Progress gaveUp = new Payments.Progress() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };

        Result r = payments.pay(SHOWN, gaveUp);

        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(f.clock.instant()).isEqualTo(PaymentFixture.START);
    }

    @Test
    void anOrderWhoseCreationWasNotAnsweredIsClosedBeforeAnyoneSeesItsCode() {
        f.wallet.createAnswerLost = true;

        Result r = payments.pay(SHOWN);

        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(f.wallet.orders.get(r.payment().orderRef()).status).isEqualTo(PlatformOrder.Status.CLOSED);
    }

    @Test
    void aShownCodeWhosePlatformIsGoneStaysInDoubt() {
        f.wallet.offline = true;

        Result r = payments.pay(SHOWN);

        assertThat(r.outcome()).isEqualTo(Outcome.IN_DOUBT);
        assertThat(r.payment().state()).isEqualTo(PaymentState.SENT);
    }

    // ---- 被扫 ----

    @Test
    void aScannedCodeIsChargedOnce() {
        Result r = payments.pay(SCANNED);

        assertThat(r.outcome()).isEqualTo(Outcome.PAID);
        assertThat(f.wallet.charges).isEqualTo(1);
    }

    @Test
    void aScannedCodeWaitingForItsPayerIsPolledUntilPaid() {
        f.wallet.nextCharge = FakeWallet.Charge.WAIT;
        f.wallet.payAfterQueries = 2;

        Result r = payments.pay(SCANNED);

        assertThat(r.outcome()).isEqualTo(Outcome.PAID);
        assertThat(f.wallet.charges).isEqualTo(1);
        assertThat(f.clock.instant()).isEqualTo(PaymentFixture.START.plusSeconds(10));
    }

    @Test
    void aScannedCodeStillUnclearIsReversedNeverChargedAgain() {
        f.wallet.nextCharge = FakeWallet.Charge.WAIT;

        Result r = payments.pay(SCANNED);

        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(r.payment().state()).isEqualTo(PaymentState.REVERSED);
        assertThat(f.wallet.charges).isEqualTo(1);
        assertThat(f.wallet.reversals).isEqualTo(1);
        assertThat(states(r.payment().orderRef()))
                .containsSubsequence(PaymentState.REVERSAL_PENDING, PaymentState.REVERSED);
    }

    @Test
    void aScannedChargeWhoseAnswerWasLostIsFoundPaidByAQuery() {
        f.wallet.nextCharge = FakeWallet.Charge.LOSE_ANSWER;

        Result r = payments.pay(SCANNED);

        assertThat(r.outcome()).isEqualTo(Outcome.PAID);
        assertThat(f.wallet.charges).isEqualTo(1);
    }

    @Test
    void aScannedCodeWhosePlatformIsGoneEndsReversalPending() {
        f.wallet.offline = true;

        Result r = payments.pay(SCANNED);

        assertThat(r.outcome()).isEqualTo(Outcome.IN_DOUBT);
        assertThat(r.payment().state()).isEqualTo(PaymentState.REVERSAL_PENDING);
        assertThat(f.wallet.charges).isEqualTo(1);
    }

    @Test
    void aPaidWalletPaymentIsGivenBackAsARefund() {
        String paid = payments.pay(SCANNED).payment().orderRef();

        Result back = payments.giveBack(paid, "the service is closed");

        assertThat(back.payment().state()).isEqualTo(PaymentState.REFUNDED);
        assertThat(states(paid)).containsSubsequence(PaymentState.REFUND_PENDING, PaymentState.REFUNDED);
        assertThat(f.wallet.kept()).isEmpty();
    }

    // ---- what is kept ----

    @Test
    void neitherThePaymentCodeNorTheWholeCardNumberReachesTheDisk() throws Exception {
        payments.pay(SCANNED);
        payments.pay(PaymentOrder.of("ITEM-2", "due-9", "x", 800, PaymentMethod.CARD));
        f.close();

        StringBuilder all = new StringBuilder();
        for (Path p : List.of(f.file, Path.of(f.file + "-wal"))) {
            if (Files.exists(p)) {
                all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all.toString())
                .contains("622202******7890")
                .doesNotContain(PAYER_CODE)
                .doesNotContain("6222021234567890");
        f.db = Database.open(f.file); // for close()
    }

    @Test
    void theOrderSaysTheCodesLengthOnly() {
        assertThat(SCANNED.toString()).doesNotContain(PAYER_CODE).contains("18 characters");
        assertThatThrownBy(() -> PaymentOrder.of("I", "d", "x", 0, PaymentMethod.CARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentOrder.of("I", "d", "x", 1, PaymentMethod.QR_SCANNED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
