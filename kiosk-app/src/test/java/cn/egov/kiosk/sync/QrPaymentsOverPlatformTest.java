package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.payment.Answer;
import cn.egov.kiosk.payment.CardAnswer;
import cn.egov.kiosk.payment.CardGateway;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentOrder;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.payment.PaymentTimes;
import cn.egov.kiosk.payment.Payments;
import cn.egov.kiosk.payment.QrGateway;
import cn.egov.kiosk.payment.TerminalTotals;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Payments.Payment;
import cn.egov.kiosk.platform.api.Payments.Status;
import cn.egov.kiosk.platform.api.Payments.Wallet;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PaymentJournalRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wallet payments over real parts: {@link Payments} and the journal in SQLite, {@link
 * PlatformQrGateway} over the client of short timeouts, the platform simulator on loopback with its
 * wallet playing the citizen's phone. Times are short here (the code shown 3 s, a payer waited for
 * 3 s), so that a timeout takes a test seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QrPaymentsOverPlatformTest {
    private static final String RESIDENT = "11010519491231002X";
    private static final String WECHAT_CODE = "134567890123456789";
    private static final PaymentTimes FAST = new PaymentTimes(
            Duration.ofSeconds(30),
            Duration.ofSeconds(3),
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofSeconds(3),
            Duration.ofMinutes(5));

    @TempDir
    Path dir;

    private PlatformRig rig;
    private Database db;
    private PaymentJournalRepository journal;
    private Payments payments;
    private final AtomicInteger refs = new AtomicInteger();

    @BeforeEach
    void wire() throws Exception {
        rig = new PlatformRig("KSK-PAY-01");
        db = Database.open(dir.resolve("kiosk.db"));
        journal = new PaymentJournalRepository(db);
        QrGateway qr = new PlatformQrGateway(() -> rig.client, rig.link, Duration.ofSeconds(1));
        payments = new Payments(
                journal,
                noCard(),
                qr,
                Clock.systemUTC(),
                FAST,
                Payments.Sleeper.REAL,
                () -> "00000000-0000-4000-8000-00000000000" + refs.incrementAndGet());
    }

    @AfterEach
    void unwire() {
        rig.close();
        db.close();
    }

    private static CardGateway noCard() {
        return new NoCard();
    }

    /** No terminal in these tests. */
    private static final class NoCard implements CardGateway {
        @Override
        public CardAnswer sale(String orderRef, long amountFen, Duration timeout) {
            throw new AssertionError("no card here");
        }

        @Override
        public CardAnswer reverse(String receiptNo, long amountFen) {
            throw new AssertionError("no card here");
        }

        @Override
        public CardAnswer lastTransaction() {
            throw new AssertionError("no card here");
        }

        @Override
        public Optional<TerminalTotals> endOfDay() {
            return Optional.empty();
        }
    }

    private static PaymentOrder fee(long fen, PaymentMethod method) {
        return PaymentOrder.of("110101-GA-0035", DueRef.applicationFee("APP-" + fen), "签注费", fen, method);
    }

    /** The citizen's phone scans the shown code and pays it, as soon as it is shown. */
    private Payments.Progress phonePays() {
        return new Payments.Progress() {
            @Override
            public void qrReady(String qrContent, Optional<Instant> expiresAt) {
                assertThat(rig.sim.wallet().scanAndPay(qrContent, Wallet.WECHAT))
                        .isPresent();
            }
        };
    }

    @Test
    void aShownCodePaidByThePhoneIsPaid() {
        Payments.Result r = payments.pay(fee(1500, PaymentMethod.QR_SHOWN), phonePays());

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        assertThat(r.payment().paymentId()).isPresent();
        assertThat(r.payment().receiptNo()).isPresent();
    }

    @Test
    void aShownCodeNeverPaidIsClosedWhenItsTimeIsUp() throws Exception {
        Payments.Result r = payments.pay(fee(1500, PaymentMethod.QR_SHOWN));

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.CANCELLED);
        assertThat(rig.client.paymentByRef(r.payment().orderRef()))
                .get()
                .extracting(Payment::status)
                .isEqualTo(Status.CLOSED);
    }

    @Test
    void aScannedCodeIsCharged() {
        Payments.Result r = payments.pay(
                PaymentOrder.scanned("110101-GA-0035", DueRef.applicationFee("APP-1"), "签注费", 1500, WECHAT_CODE));

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
    }

    @Test
    void aScannedCodeWaitingForThePayerIsPaidOnceTheyConfirm() {
        String ref = "00000000-0000-4000-8000-000000000001";
        CompletableFuture<Boolean> payer = CompletableFuture.supplyAsync(() -> {
            Await.until(
                    () -> {
                        try {
                            return rig.client.paymentByRef(ref).isPresent();
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    Duration.ofSeconds(10),
                    "the order made");
            try {
                Thread.sleep(500);
                return rig.sim
                        .wallet()
                        .confirm(rig.client.paymentByRef(ref).orElseThrow().paymentId());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Payments.Result r = payments.pay(
                PaymentOrder.scanned("110101-GA-0035", DueRef.applicationFee("APP-2"), "签注费", 150_000, WECHAT_CODE));

        assertThat(payer.join()).as("the payer confirmed a waiting charge").isTrue();
        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        assertThat(journal.steps(ref)).extracting(s -> s.answer().note()).contains("waiting for the payer");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByItsOrderRefAndPaid() {
        rig.sim.faults().dropAfter(1);

        Payments.Result r = payments.pay(fee(1500, PaymentMethod.QR_SHOWN), phonePays());

        assertThat(r.outcome()).isEqualTo(Payments.Outcome.PAID);
        assertThat(rig.sim.ledger().times("payment.create", r.payment().orderRef()))
                .as("made once")
                .isEqualTo(1);
    }

    @Test
    void aCardPaymentReportedBeforeItsDeliveryMakesThePlatformsDuePaid() throws Exception {
        InsuranceDues.Due due = rig.client.insuranceDues(new InsuranceDues.Search(RESIDENT)).dues().stream()
                .filter(d -> d.status() == InsuranceDues.Status.DUE)
                .findFirst()
                .orElseThrow();
        PaymentRecord card = approvedCard(DueRef.insuranceDue(due.dueId()), due.amountFen());
        AtomicInteger delivered = new AtomicInteger();
        Delivery report = new PlatformCardReport(
                new Delivery() {
                    @Override
                    public boolean deliverable(PaymentRecord payment) {
                        return true;
                    }

                    @Override
                    public boolean deliver(PaymentRecord payment) {
                        delivered.incrementAndGet();
                        return true;
                    }
                },
                () -> rig.client,
                rig.link);

        assertThat(payments.deliver(card.orderRef(), report)).isEqualTo(Payments.Delivered.DELIVERED);

        assertThat(delivered).hasValue(1);
        assertThat(rig.client.insuranceDues(new InsuranceDues.Search(RESIDENT)).dues().stream()
                        .filter(d -> d.dueId().equals(due.dueId()))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo(InsuranceDues.Status.PAID);
        assertThat(report.deliver(journal.find(card.orderRef()).orElseThrow()))
                .as("reported again: harmless")
                .isTrue();
        assertThat(rig.sim.ledger().times("payment.create", card.orderRef())).isEqualTo(1);
    }

    @Test
    void anInsuranceDueIsDeliveredByThePlatformsOrderPaidWithoutAskingForThePerson() throws Exception {
        InsuranceDues.Due due = rig.client.insuranceDues(new InsuranceDues.Search(RESIDENT)).dues().stream()
                .filter(d -> d.status() == InsuranceDues.Status.DUE)
                .findFirst()
                .orElseThrow();
        PlatformOrderPaid duePaid = new PlatformOrderPaid(() -> rig.client, rig.link);
        Delivery chain = new PlatformCardReport(duePaid, () -> rig.client, rig.link);

        // by card: no order on the platform yet, deliverable; the report makes it, and books the due
        PaymentRecord card = approvedCard(DueRef.insuranceDue(due.dueId()), due.amountFen());
        assertThat(duePaid.deliverable(card)).isTrue();
        assertThat(duePaid.deliver(card)).as("not reported yet: not booked").isFalse();
        assertThat(payments.deliver(card.orderRef(), chain)).isEqualTo(Payments.Delivered.DELIVERED);
        assertThat(statusOf(due.dueId())).isEqualTo(InsuranceDues.Status.PAID);

        // a second card payment of the same due (another kiosk's, say): the platform will not book it
        // twice, so it is not delivered, and the recovery gives its money back
        PaymentRecord twice = approvedCard(DueRef.insuranceDue(due.dueId()) + "-x", due.amountFen());
        assertThat(payments.deliver(twice.orderRef(), chain)).isNotEqualTo(Payments.Delivered.DELIVERED);

        // the platform away: whether it can be delivered is not known (the recovery asks again)
        rig.link.unreachable("test");
        assertThatThrownBy(() -> duePaid.deliverable(card)).isInstanceOf(IllegalStateException.class);
    }

    private InsuranceDues.Status statusOf(String dueId) throws Exception {
        return rig.client.insuranceDues(new InsuranceDues.Search(RESIDENT)).dues().stream()
                .filter(d -> d.dueId().equals(dueId))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void aCardPaymentIsNotDeliveredWhileThePlatformIsAway() {
        PaymentRecord card = approvedCard(DueRef.applicationFee("APP-9"), 1500);
        rig.link.unreachable("test");

        assertThat(payments.deliver(
                        card.orderRef(),
                        new PlatformCardReport(
                                new Delivery() {
                                    @Override
                                    public boolean deliverable(PaymentRecord payment) {
                                        return true;
                                    }

                                    @Override
                                    public boolean deliver(PaymentRecord payment) {
                                        return true;
                                    }
                                },
                                () -> rig.client,
                                rig.link)))
                .isEqualTo(Payments.Delivered.FAILED);
        assertThat(journal.find(card.orderRef()).orElseThrow().state()).isEqualTo(PaymentState.APPROVED);
    }

    /** A card payment approved by the terminal, as the journal holds it. */
    private PaymentRecord approvedCard(String dueId, long fen) {
        String ref = "00000000-0000-4000-8000-0000000000" + (50 + refs.incrementAndGet());
        Instant now = Instant.now();
        journal.open(ref, PaymentOrder.of("110101-SB-0001", dueId, "医保", fen, PaymentMethod.CARD), now);
        journal.advance(ref, PaymentState.NEW, PaymentState.SENT, PaymentStep.Actor.KIOSK, Answer.NONE, now);
        return journal.advance(
                        ref,
                        PaymentState.SENT,
                        PaymentState.APPROVED,
                        PaymentStep.Actor.KIOSK,
                        new Answer("0001", "000001", null, "6222021234567890", "123456", "00", "approved"),
                        now)
                .orElseThrow();
    }
}
