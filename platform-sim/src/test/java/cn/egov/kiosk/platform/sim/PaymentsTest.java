package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Payments by QR code (paid by the citizen's phone) and by card (the terminal's answer). */
class PaymentsTest extends SimulatorTestBase {

    private Payments.Payment create(Payments.Method method, int amountFen) throws PlatformException {
        return client.createPayment(new Payments.Create(
                UUID.randomUUID().toString(), IdempotencyTest.ITEM, null, amountFen, method, "工本费"));
    }

    @Test
    void aQrPaymentIsPendingWithItsCode() throws Exception {
        Payments.Payment p = create(Payments.Method.QR, 1500);

        assertThat(p.status()).isEqualTo(Payments.Status.PENDING);
        assertThat(p.qrCode()).isNotBlank().contains(p.paymentId());
        assertThat(p.amountFen()).isEqualTo(1500);
        assertThat(p.expiresAt()).isNotNull();
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.PENDING);
    }

    @Test
    void aLongPollReturnsAsSoonAsThePaymentIsPaid() throws Exception {
        Payments.Payment p = create(Payments.Method.QR, 1500);
        long before = sim.requests();
        CompletableFuture<Payments.Payment> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return client.payment(p.paymentId(), 5);
            } catch (PlatformException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sim.requests() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        long paidAt = System.nanoTime();
        assertThat(sim.pay(p.paymentId())).isTrue();
        Payments.Payment after = poll.get(10, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - paidAt);

        assertThat(after.status()).isEqualTo(Payments.Status.PAID);
        assertThat(after.paidAt()).isNotNull();
        assertThat(after.receiptNo()).isNotBlank();
        // the poll would have waited 5 s had it not been woken: it answers on payment, not at its end
        assertThat(waited).as("answered %s after the payment", waited).isLessThan(Duration.ofSeconds(4));
        assertThat(sim.pay(p.paymentId())).as("paid once").isFalse();
    }

    @Test
    void aCardPaymentApprovedForItsAmountIsPaid() throws Exception {
        Payments.Payment p = create(Payments.Method.CARD, 2000);
        assertThat(p.qrCode()).isNull();

        Payments.Payment paid = client.cardResult(
                p.paymentId(),
                new Payments.CardResult(
                        "T-0001", Payments.CardOutcome.APPROVED, 2000, "6222 **** **** 1234", "123456"));

        assertThat(paid.status()).isEqualTo(Payments.Status.PAID);
        assertThat(paid.receiptNo()).isNotBlank();
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.PAID);
    }

    @Test
    void aCardDeclinedIsFailed() throws Exception {
        Payments.Payment p = create(Payments.Method.CARD, 2000);

        Payments.Payment failed = client.cardResult(
                p.paymentId(),
                new Payments.CardResult("T-0002", Payments.CardOutcome.DECLINED, 2000, "6222 **** **** 1234", null));

        assertThat(failed.status()).isEqualTo(Payments.Status.FAILED);
        assertThat(failed.receiptNo()).isNull();
    }

    @Test
    void aCardResultForAnotherAmountIsRefusedAndThePaymentStaysPending() throws Exception {
        Payments.Payment p = create(Payments.Method.CARD, 2000);

        PlatformException e = failure(() -> client.cardResult(
                p.paymentId(),
                new Payments.CardResult(
                        "T-0003", Payments.CardOutcome.APPROVED, 200, "6222 **** **** 1234", "123456")));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo(Problem.VALIDATION);
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.PENDING);
    }

    @Test
    void aClosedPaymentCannotBePaidAnyMore() throws Exception {
        Payments.Payment p = create(Payments.Method.QR, 1500);

        assertThat(client.closePayment(p.paymentId()).status()).isEqualTo(Payments.Status.CLOSED);
        assertThat(sim.pay(p.paymentId())).isFalse();
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        assertThat(failure(() -> client.payment("PAY-NONE", 0)).status()).isEqualTo(404);
    }

    @Test
    void theSameOrderCreatedTwiceIsOnePayment() throws Exception {
        Payments.Create order = new Payments.Create(
                UUID.randomUUID().toString(), IdempotencyTest.ITEM, null, 1500, Payments.Method.QR, "工本费");

        assertThat(client.createPayment(order).paymentId())
                .isEqualTo(client.createPayment(order).paymentId());
    }
}
