package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Signature;
import cn.egov.kiosk.platform.client.PlatformException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payment orders: by card (the terminal's answer), and what every order shares (its reference, its checks). */
class PaymentsTest extends SimulatorTestBase {

    Payments.Payment create(Payments.Method method, long amountFen) throws PlatformException {
        return client.createPayment(Payments.Create.forItem(
                UUID.randomUUID().toString(), IdempotencyTest.ITEM, null, amountFen, method, "工本费"));
    }

    @Test
    void aCardPaymentApprovedForItsAmountIsPaid() throws Exception {
        Payments.Payment p = create(Payments.Method.CARD, 2000);
        assertThat(p.qrCode()).isNull();
        assertThat(p.status()).isEqualTo(Payments.Status.WAITING);

        Payments.Payment paid = client.cardResult(
                p.paymentId(),
                new Payments.CardResult("T-0001", Payments.CardOutcome.APPROVED, 2000, "622202******1234", "123456"));

        assertThat(paid.status()).isEqualTo(Payments.Status.PAID);
        assertThat(paid.receiptNo()).isNotBlank();
        assertThat(paid.wallet()).as("a card is no wallet").isNull();
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.PAID);
    }

    @Test
    void aCardDeclinedIsFailedAsDeclined() throws Exception {
        Payments.Payment p = create(Payments.Method.CARD, 2000);

        Payments.Payment failed = client.cardResult(
                p.paymentId(),
                new Payments.CardResult("T-0002", Payments.CardOutcome.DECLINED, 2000, "622202******1234", null));

        assertThat(failed.status()).isEqualTo(Payments.Status.FAILED);
        assertThat(failed.failure()).isEqualTo(Payments.Failure.DECLINED);
        assertThat(failed.receiptNo()).isNull();
    }

    @Test
    void aCardResultForAnotherAmountIsRefusedAndThePaymentStillWaits() throws Exception {
        Payments.Payment p = create(Payments.Method.CARD, 2000);

        PlatformException e = failure(() -> client.cardResult(
                p.paymentId(),
                new Payments.CardResult("T-0003", Payments.CardOutcome.APPROVED, 200, "622202******1234", "123456")));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo(Problem.VALIDATION);
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.WAITING);
    }

    @Test
    void aCardPaymentIsNotChargedOnThePlatform() throws Exception {
        Payments.Payment p = create(Payments.Method.CARD, 2000);

        assertThat(failure(() -> client.charge(
                                p.paymentId(),
                                new Payments.Charge("134567890123456789"),
                                UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(422);
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.WAITING);
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        assertThat(failure(() -> client.payment("PAY-NONE", 0)).status()).isEqualTo(404);
        assertThat(failure(() -> client.reversePayment("PAY-NONE")).status()).isEqualTo(404);
        assertThat(failure(() -> client.closePayment("PAY-NONE")).status()).isEqualTo(404);
    }

    @Test
    void theSameOrderRefIsOneOrderUnderAnyKeyAndAnotherOrderUnderItIsRefused() throws Exception {
        Payments.Create order = Payments.Create.forItem(
                UUID.randomUUID().toString(), IdempotencyTest.ITEM, null, 1500, Payments.Method.QR, "工本费");
        Payments.Payment first = client.createPayment(order);

        assertThat(client.createPayment(order).paymentId()).isEqualTo(first.paymentId());
        HttpResponse<byte[]> again = createUnderAnotherKey(order);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(Json.read(again.body(), Payments.Payment.class).paymentId()).isEqualTo(first.paymentId());
        HttpResponse<byte[]> other = createUnderAnotherKey(new Payments.Create(
                order.orderRef(), order.itemId(), null, 2500, Payments.Method.QR, "工本费", null, null));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(problem(other).code()).isEqualTo(Problem.IDEMPOTENCY_KEY_REUSE);
        assertThat(sim.ledger().times(PaymentsResource.CREATE, order.orderRef()))
                .isEqualTo(1);
    }

    /** The order sent as the client would, but under a fresh idempotency key (a kiosk that lost its key). */
    private HttpResponse<byte[]> createUnderAnotherKey(Payments.Create order) throws Exception {
        byte[] body = Json.bytes(order);
        String key = UUID.randomUUID().toString();
        Map<String, String> headers =
                new LinkedHashMap<>(signed(KIOSK, "POST", "/v1/payments", body, System.currentTimeMillis(), key));
        headers.put(Signature.IDEMPOTENCY_KEY, key);
        return send("POST", "/v1/payments", body, headers);
    }

    @Test
    void anOrderNeedsAnItemOrADueAndAnExpiryWithinLimits() {
        assertThat(failure(() -> client.createPayment(new Payments.Create(
                                UUID.randomUUID().toString(), null, null, 1500, Payments.Method.QR, "工本费", null, null)))
                        .status())
                .isEqualTo(400);
        assertThat(failure(() -> client.createPayment(Payments.Create.forItem(
                                        UUID.randomUUID().toString(),
                                        IdempotencyTest.ITEM,
                                        null,
                                        1500,
                                        Payments.Method.QR,
                                        "工本费")
                                .expiringIn(30)))
                        .status())
                .isEqualTo(400);
        assertThat(failure(() -> client.createPayment(Payments.Create.forItem(
                                UUID.randomUUID().toString(),
                                IdempotencyTest.ITEM,
                                null,
                                0,
                                Payments.Method.QR,
                                "工本费")))
                        .status())
                .isEqualTo(400);
    }
}
