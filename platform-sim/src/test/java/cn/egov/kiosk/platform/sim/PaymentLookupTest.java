package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's orders looked up (by its order reference after a lost answer, by day for the
 * reconciliation), only ever its own; and a card order reported reversed on the terminal.
 */
class PaymentLookupTest extends SimulatorTestBase {
    private static final Credentials OTHER = new Credentials(
            "KSK-TEST-02", "k-test02", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    private Payments.Create order(Payments.Method method, long fen) {
        return Payments.Create.forItem(UUID.randomUUID().toString(), IdempotencyTest.ITEM, null, fen, method, "工本费");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")); // the simulator's zone in these tests
    }

    @Test
    void anOrderIsFoundByItsOrderRefAndAnUnknownOneIsNot() throws Exception {
        Payments.Create o = order(Payments.Method.QR, 1500);
        Payments.Payment made = client.createPayment(o);

        Optional<Payments.Payment> found = client.paymentByRef(o.orderRef());

        assertThat(found).isPresent();
        assertThat(found.get().paymentId()).isEqualTo(made.paymentId());
        assertThat(found.get().qrCode()).isEqualTo(made.qrCode());
        assertThat(found.get().status()).isEqualTo(Payments.Status.WAITING);
        assertThat(client.paymentByRef(UUID.randomUUID().toString())).isEmpty();
        assertThat(sim.ledger().times(PaymentsResource.CREATE, o.orderRef()))
                .as("looking it up creates nothing")
                .isEqualTo(1);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByItsOrderRef() throws Exception {
        Payments.Create o = order(Payments.Method.QR, 1500);
        sim.faults().dropAfter(1);

        assertThat(failure(() -> client.createPayment(o)).offline()).isTrue();

        assertThat(client.paymentByRef(o.orderRef()))
                .get()
                .extracting(Payments.Payment::status)
                .isEqualTo(Payments.Status.WAITING);
    }

    @Test
    void theOrdersOfADayAreTheCallingKiosksOnlyOldestFirst() throws Exception {
        sim.provision(OTHER, "Z8");
        PlatformClient other = newClient(Optional.of(OTHER), Clock.systemUTC());
        Payments.Payment first = client.createPayment(order(Payments.Method.QR, 1500));
        Payments.Payment theirs = other.createPayment(order(Payments.Method.QR, 2500));
        Payments.Payment second = client.createPayment(order(Payments.Method.CARD, 2000));

        assertThat(client.paymentsOf(today()))
                .extracting(Payments.Payment::paymentId)
                .containsExactly(first.paymentId(), second.paymentId());
        assertThat(other.paymentsOf(today()))
                .extracting(Payments.Payment::paymentId)
                .containsExactly(theirs.paymentId());
        assertThat(client.paymentsOf(today().minusDays(1))).isEmpty();
        assertThat(other.paymentByRef(second.orderRef()))
                .as("another kiosk's reference names nothing")
                .isEmpty();
    }

    @Test
    void aCardOrderReportedReversedIsReversedAndItsDueIsDueAgain() throws Exception {
        InsuranceDues.Due due =
                client.insuranceDues(new InsuranceDues.Search(InsuranceDuesTest.RESIDENT)).dues().stream()
                        .filter(d -> d.status() == InsuranceDues.Status.DUE)
                        .findFirst()
                        .orElseThrow();
        Payments.Payment p = client.createPayment(Payments.Create.forDue(
                UUID.randomUUID().toString(), due.dueId(), due.amountFen(), Payments.Method.CARD, "医保"));
        client.cardResult(
                p.paymentId(),
                new Payments.CardResult(
                        "0001", Payments.CardOutcome.APPROVED, due.amountFen(), "622202******1234", "123456"));
        assertThat(status(due.dueId())).isEqualTo(InsuranceDues.Status.PAID);

        Payments.Payment reversed = client.reversePayment(p.paymentId());

        assertThat(reversed.status()).isEqualTo(Payments.Status.REVERSED);
        assertThat(status(due.dueId())).isEqualTo(InsuranceDues.Status.DUE);
        assertThat(client.reversePayment(p.paymentId()).status())
                .as("reported again: the same")
                .isEqualTo(Payments.Status.REVERSED);
    }

    @Test
    void aWaitingCardOrderReportedReversedIsClosed() throws Exception {
        Payments.Payment p = client.createPayment(order(Payments.Method.CARD, 2000));

        assertThat(client.reversePayment(p.paymentId()).status()).isEqualTo(Payments.Status.CLOSED);
    }

    private InsuranceDues.Status status(String dueId) throws Exception {
        return client.insuranceDues(new InsuranceDues.Search(InsuranceDuesTest.RESIDENT)).dues().stream()
                .filter(d -> d.dueId().equals(dueId))
                .findFirst()
                .orElseThrow()
                .status();
    }
}
