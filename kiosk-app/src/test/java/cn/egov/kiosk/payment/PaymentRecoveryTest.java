package cn.egov.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.payment.PaymentStep.Actor;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.PaymentJournalRepository;
import cn.egov.kiosk.store.SealedBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case the recovery resolves, each from the journal as a stopped kiosk left it (written by
 * the real journal on a file, opened again as at start-up) and the world outside as it stands.
 */
class PaymentRecoveryTest {
    @TempDir
    Path dir;

    private PaymentFixture f;
    private int dues;

    @BeforeEach
    void open() {
        f = new PaymentFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private PaymentOrder order(PaymentMethod method, long fen) {
        String due = "due-" + (++dues);
        return method == PaymentMethod.QR_SCANNED
                ? PaymentOrder.scanned("ITEM-1", due, "x", fen, "134567890123456789")
                : PaymentOrder.of("ITEM-1", due, "x", fen, method);
    }

    /** A payment the kiosk journalled in {@code state}, as it would have before it stopped. */
    private PaymentRecord left(String ref, PaymentOrder order, PaymentState... path) {
        PaymentRecord p = f.journal.open(ref, order, f.clock.instant());
        for (PaymentState s : path) {
            p = f.journal
                    .advance(ref, p.state(), s, Actor.KIOSK, Answer.NONE, f.clock.instant())
                    .orElseThrow();
        }
        return p;
    }

    /** A card sale the terminal booked and the kiosk journalled APPROVED, its service not delivered. */
    private FakeTerminal.Tx approvedCard(String ref) {
        left(ref, order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        FakeTerminal.Tx tx = f.terminal.book(1500);
        f.journal.advance(
                ref,
                PaymentState.SENT,
                PaymentState.APPROVED,
                Actor.KIOSK,
                new Answer(tx.receiptNo, tx.traceNo, null, null, null, "00", null),
                f.clock.instant());
        return tx;
    }

    private PaymentRecovery.Report recoverAfterRestart() {
        f.restart();
        return f.recovery(f.payments()).run();
    }

    private PaymentState state(String ref) {
        return f.record(ref).state();
    }

    @Test
    void aPaymentNeverSentIsCancelledWithoutAskingAnyone() {
        left("a", order(PaymentMethod.CARD, 500));
        left("b", order(PaymentMethod.QR_SHOWN, 500));

        PaymentRecovery.Report r = recoverAfterRestart();

        assertThat(state("a")).isEqualTo(PaymentState.CANCELLED);
        assertThat(state("b")).isEqualTo(PaymentState.CANCELLED);
        assertThat(f.terminal.repeatReceipts + f.wallet.closes + f.wallet.reversals)
                .isZero();
        assertThat(r.resolutions())
                .containsExactly(
                        new PaymentRecovery.Resolution("a", PaymentState.NEW, PaymentState.CANCELLED),
                        new PaymentRecovery.Resolution("b", PaymentState.NEW, PaymentState.CANCELLED));
        assertThat(f.journal.steps("a").get(1).actor()).isEqualTo(Actor.RECOVERY);
    }

    @Test
    void aCardSaleBookedBeforeTheCrashIsFoundApprovedAndItsServiceDelivered() {
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        f.later(Duration.ofSeconds(20));
        FakeTerminal.Tx tx = f.terminal.book(1500);

        recoverAfterRestart();

        PaymentRecord p = f.record("a");
        assertThat(p.state()).isEqualTo(PaymentState.DELIVERED);
        assertThat(p.traceNo()).contains(tx.traceNo);
        assertThat(p.receiptNo()).contains(tx.receiptNo);
        assertThat(f.delivery.delivered).containsOnlyKeys("a");
        assertThat(f.journal.steps("a").stream().map(PaymentStep::to))
                .containsSubsequence(PaymentState.SENT, PaymentState.APPROVED, PaymentState.DELIVERED);
    }

    @Test
    void aCardSaleNeverBookedIsCancelled() {
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);

        recoverAfterRestart();

        assertThat(state("a")).isEqualTo(PaymentState.CANCELLED);
        assertThat(f.delivery.delivered).isEmpty();
    }

    @Test
    void aCardSaleOfAnotherAmountOrAnEarlierTimeIsNotTheOneInDoubt() {
        f.terminal.book(1500); // a sale long before
        f.later(Duration.ofHours(1));
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);

        recoverAfterRestart();
        assertThat(state("a")).isEqualTo(PaymentState.CANCELLED);

        left("b", order(PaymentMethod.CARD, 900), PaymentState.SENT);
        f.terminal.book(1000);
        f.recovery(f.payments()).run();
        assertThat(state("b")).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void aCardSaleTheRepeatReceiptCannotPlaceIsLeftToStaff() {
        f.terminal.repeatReceiptGivesTime = false;
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        f.terminal.book(1500);

        recoverAfterRestart();

        assertThat(state("a")).isEqualTo(PaymentState.MANUAL);
        assertThat(f.journal.forStaff()).extracting(PaymentRecord::orderRef).containsExactly("a");
    }

    @Test
    void onlyTheCardPaymentSentLastCanBeResolvedByTheRepeatReceipt() {
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        f.later(Duration.ofSeconds(5));
        left("b", order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        f.terminal.book(1500);

        recoverAfterRestart();

        assertThat(state("a")).isEqualTo(PaymentState.MANUAL);
        assertThat(f.record("a").note().orElseThrow()).contains("card payment b was sent after");
        assertThat(state("b")).isEqualTo(PaymentState.DELIVERED);
    }

    @Test
    void aSilentTerminalIsAskedAgainAtEachRunThenThePaymentIsLeftToStaff() {
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        f.terminal.offline = true;

        recoverAfterRestart();
        assertThat(f.record("a").state()).isEqualTo(PaymentState.SENT);
        assertThat(f.record("a").attempts()).isEqualTo(1);
        PaymentRecovery recovery = f.recovery(f.payments());
        recovery.run();
        PaymentRecovery.Report third = recovery.run();

        assertThat(state("a")).isEqualTo(PaymentState.MANUAL);
        assertThat(f.terminal.repeatReceipts).isEqualTo(3);
        assertThat(third.forStaff()).extracting(PaymentRecord::orderRef).containsExactly("a");
        assertThat(third.unresolved()).isEmpty();
    }

    @Test
    void aShownOrderPaidWhileTheKioskWasDownIsDelivered() {
        PaymentRecord p = left("a", order(PaymentMethod.QR_SHOWN, 1500), PaymentState.SENT);
        f.wallet.create("a", "ITEM-1", "due-1", 1500, "x");
        f.wallet.orders.get("a").status = PlatformOrder.Status.PAID; // the citizen paid the code

        recoverAfterRestart();

        assertThat(p.paymentId()).isEmpty();
        assertThat(f.record("a").paymentId()).contains("PAY1");
        assertThat(state("a")).isEqualTo(PaymentState.DELIVERED);
    }

    @Test
    void aShownOrderStillOpenIsClosed() {
        left("a", order(PaymentMethod.QR_SHOWN, 1500), PaymentState.SENT);
        f.wallet.create("a", "ITEM-1", "due-1", 1500, "x");

        recoverAfterRestart();

        assertThat(state("a")).isEqualTo(PaymentState.CANCELLED);
        assertThat(f.wallet.orders.get("a").status).isEqualTo(PlatformOrder.Status.CLOSED);
    }

    @Test
    void aShownOrderNeverCreatedIsCancelled() {
        left("a", order(PaymentMethod.QR_SHOWN, 1500), PaymentState.SENT);

        recoverAfterRestart();

        assertThat(state("a")).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void aScannedCodeStillWaitingIsReversedAndOneChargedIsDelivered() {
        left("a", order(PaymentMethod.QR_SCANNED, 1500), PaymentState.SENT);
        f.wallet.nextCharge = FakeWallet.Charge.WAIT;
        f.wallet.charge("a", "ITEM-1", "due-1", 1500, "x", "code");
        left("b", order(PaymentMethod.QR_SCANNED, 700), PaymentState.SENT);
        f.wallet.nextCharge = FakeWallet.Charge.APPROVE;
        f.wallet.charge("b", "ITEM-1", "due-1", 700, "x", "code");

        recoverAfterRestart();

        assertThat(state("a")).isEqualTo(PaymentState.REVERSED);
        assertThat(f.wallet.orders.get("a").status).isEqualTo(PlatformOrder.Status.CLOSED);
        assertThat(state("b")).isEqualTo(PaymentState.DELIVERED);
        assertThat(f.wallet.charges).as("never charged again").isEqualTo(2);
    }

    @Test
    void aPaymentWhoseServiceCanNoLongerBeDeliveredIsGivenBack() {
        approvedCard("card");
        left("qr", order(PaymentMethod.QR_SCANNED, 700), PaymentState.SENT);
        f.wallet.charge("qr", "ITEM-1", "due-1", 700, "x", "code");
        f.journal.advance(
                "qr",
                PaymentState.SENT,
                PaymentState.APPROVED,
                Actor.KIOSK,
                new Answer(null, null, "PAY1", null, null, null, null),
                f.clock.instant());
        f.delivery.deliverable = false;

        recoverAfterRestart();

        assertThat(state("card")).isEqualTo(PaymentState.REVERSED);
        assertThat(state("qr")).isEqualTo(PaymentState.REFUNDED);
        assertThat(f.terminal.kept()).isEmpty();
        assertThat(f.wallet.kept()).isEmpty();
        assertThat(f.delivery.calls).isZero();
    }

    @Test
    void aDeliveryThatKeepsFailingEndsWithTheMoneyGivenBack() {
        left("a", order(PaymentMethod.QR_SCANNED, 700), PaymentState.SENT, PaymentState.APPROVED);
        f.wallet.charge("a", "ITEM-1", "due-1", 700, "x", "code");
        f.delivery.failing = true;
        PaymentRecovery recovery = f.recovery(f.payments());

        recovery.run();
        recovery.run();
        assertThat(state("a")).isEqualTo(PaymentState.APPROVED);
        recovery.run();

        assertThat(state("a")).isEqualTo(PaymentState.REFUNDED);
        assertThat(f.delivery.calls).isEqualTo(3);
    }

    @Test
    void aReversalWithoutAnswerIsAskedAgainUntilAnswered() {
        FakeTerminal.Tx tx = approvedCard("a");
        f.journal.advance(
                "a", PaymentState.APPROVED, PaymentState.REVERSAL_PENDING, Actor.KIOSK, Answer.NONE, f.clock.instant());
        f.terminal.offline = true;

        recoverAfterRestart();
        assertThat(state("a")).isEqualTo(PaymentState.REVERSAL_PENDING);

        f.terminal.offline = false;
        f.recovery(f.payments()).run();
        assertThat(state("a")).isEqualTo(PaymentState.REVERSED);
        assertThat(tx.reversed).isTrue();
    }

    @Test
    void aSecondRunFindsNothingToDoAndWritesNothing() {
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        f.terminal.book(1500);
        recoverAfterRestart();
        int steps = f.journal.steps("a").size();

        PaymentRecovery.Report again = f.recovery(f.payments()).run();

        assertThat(again.resolutions()).isEmpty();
        assertThat(f.journal.steps("a")).hasSize(steps);
        assertThat(f.delivery.calls).isEqualTo(1);
    }

    @Test
    void aPaymentBeingPaidNowIsLeftAlone() {
        // the recovery runs while a citizen pays: the terminal is asked about nothing but that sale
        Payments payments = f.payments();
        PaymentRecovery recovery = f.recovery(payments);
        List<PaymentRecovery.Report> during = new ArrayList<>();
        f.terminal.onSale = ref -> during.add(recovery.run());

        Payments.Result r = payments.pay(order(PaymentMethod.CARD, 1500));

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        assertThat(during.get(0).resolutions()).isEmpty();
        assertThat(f.terminal.repeatReceipts).isZero();
    }

    @Test
    void eachRecoveryStepIsAnAuditEventForThePlatformInTheSameTransaction() throws Exception {
        OutboxRepository outbox = new OutboxRepository(f.db, SealedBox.open(dir.resolve("store.key")), f.clock);
        f.journal = new PaymentJournalRepository(f.db, Optional.of(outbox));
        left("a", order(PaymentMethod.CARD, 1500), PaymentState.SENT);
        f.terminal.book(1500);

        f.recovery(f.payments()).run();

        List<OutboxRepository.Pending> events = outbox.due(Long.MAX_VALUE, 100);
        assertThat(events).allMatch(e -> e.kind().equals(Batch.AUDIT_EVENT));
        assertThat(events).hasSize(f.journal.steps("a").size());
        JsonNode last = Json.mapper().readTree(events.get(events.size() - 1).json());
        assertThat(last.path("kind").asText()).isEqualTo("payment.step");
        assertThat(last.path("actor").asText()).isEqualTo("RECOVERY");
        assertThat(last.path("detail").path("to").asText()).isEqualTo("DELIVERED");
        assertThat(last.path("detail").path("orderRef").asText()).isEqualTo("a");
        assertThat(last.toString()).doesNotContain("6222021234567890");
    }
}
