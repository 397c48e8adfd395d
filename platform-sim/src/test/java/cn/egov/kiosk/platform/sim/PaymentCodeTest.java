package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.client.PlatformException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 被扫: the kiosk scans the payment code on the citizen's phone and the platform charges it once,
 * under the kiosk's key of the charge. The answers (paid, waiting for the payer, unknown, failed),
 * and what the kiosk does after each: poll, query, close or reverse, never charge again. The
 * wallet's faults are the simulator's {@link Wallet}'s. A faulted call that drops its connection is
 * the first on a fresh client: OkHttp silently resends a request whose pooled connection breaks.
 */
class PaymentCodeTest extends SimulatorTestBase {
    static final String WECHAT_CODE = "134567890123456789";
    static final String ALIPAY_CODE = "2812345678901234";
    static final String UNIONPAY_CODE = "6212345678901234567";

    private Payments.Payment order(long amountFen) throws PlatformException {
        return client.createPayment(Payments.Create.forItem(
                UUID.randomUUID().toString(), "110101-GA-0040", null, amountFen, Payments.Method.PAYMENT_CODE, "工本费"));
    }

    private Payments.Charged charge(PlatformClient c, Payments.Payment p, String code) throws PlatformException {
        return c.charge(p.paymentId(), new Payments.Charge(code), "charge-" + p.orderRef());
    }

    @Test
    void aSmallAmountIsPaidAtOnceByTheWalletWhoseCodeItIs() throws Exception {
        Payments.Payment p = order(1000);
        assertThat(p.qrCode()).as("the kiosk shows no code of its own").isNull();
        assertThat(p.status()).isEqualTo(Payments.Status.WAITING);

        Payments.Charged c = charge(client, p, ALIPAY_CODE);

        assertThat(c.outcome()).isEqualTo(Payments.ChargeOutcome.PAID);
        assertThat(c.payment().status()).isEqualTo(Payments.Status.PAID);
        assertThat(c.payment().wallet()).isEqualTo(Payments.Wallet.ALIPAY);
        assertThat(c.payment().receiptNo()).isNotBlank();
        assertThat(client.payment(p.paymentId(), 0)).isEqualTo(c.payment());
        assertThat(sim.ledger().entries(PaymentsResource.CHARGE))
                .singleElement()
                .satisfies(e -> assertThat(e.body().toString()).doesNotContain(ALIPAY_CODE));
    }

    @Test
    void aLargeAmountWaitsForThePayerWhoConfirmsOnThePhone() throws Exception {
        Payments.Payment p = order(Wallet.CONFIRM_FROM_FEN);

        Payments.Charged c = charge(client, p, WECHAT_CODE);
        assertThat(c.outcome()).isEqualTo(Payments.ChargeOutcome.WAITING);
        assertThat(client.payment(p.paymentId(), 1).status()).isEqualTo(Payments.Status.WAITING);

        assertThat(sim.wallet().confirm(p.paymentId())).isTrue();

        Payments.Payment paid = client.payment(p.paymentId(), 5);
        assertThat(paid.status()).isEqualTo(Payments.Status.PAID);
        assertThat(paid.wallet()).isEqualTo(Payments.Wallet.WECHAT);
        assertThat(sim.wallet().confirm(p.paymentId())).as("confirmed once").isFalse();
    }

    @Test
    void thePayerCancellingOnThePhoneFailsTheOrder() throws Exception {
        Payments.Payment p = order(Wallet.CONFIRM_FROM_FEN + 1);
        assertThat(charge(client, p, UNIONPAY_CODE).outcome()).isEqualTo(Payments.ChargeOutcome.WAITING);

        assertThat(sim.wallet().decline(p.paymentId())).isTrue();

        Payments.Payment failed = client.payment(p.paymentId(), 0);
        assertThat(failed.status()).isEqualTo(Payments.Status.FAILED);
        assertThat(failed.failure()).isEqualTo(Payments.Failure.PAYER_CANCELLED);
        assertThat(sim.wallet().confirm(p.paymentId()))
                .as("too late to confirm")
                .isFalse();
    }

    @Test
    void aPayerWhoNeverConfirmsLeavesTheOrderWaitingUntilTheKioskReversesIt() throws Exception {
        sim.wallet().payerNeverConfirms(true);
        sim.autoPay(Optional.of(Duration.ofMillis(100))); // the demo's payer would confirm: not this one
        Payments.Payment p = order(1000);

        assertThat(charge(client, p, WECHAT_CODE).outcome()).isEqualTo(Payments.ChargeOutcome.WAITING);
        assertThat(client.payment(p.paymentId(), 1).status()).isEqualTo(Payments.Status.WAITING);

        Payments.Payment reversed = client.reversePayment(p.paymentId());

        assertThat(reversed.status()).as("nothing was taken: closed").isEqualTo(Payments.Status.CLOSED);
        assertThat(sim.wallet().confirm(p.paymentId())).isFalse();
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.CLOSED);
    }

    @Test
    void anUnknownAnswerIsResolvedByTheQueryAndASecondChargeIsRefused() throws Exception {
        sim.wallet().unknownAnswers(1);
        Payments.Payment p = order(1000);

        Payments.Charged c = charge(client, p, WECHAT_CODE);

        assertThat(c.outcome()).isEqualTo(Payments.ChargeOutcome.UNKNOWN);
        assertThat(c.payment().status()).as("the platform did not know yet").isEqualTo(Payments.Status.WAITING);
        assertThat(client.payment(p.paymentId(), 0).status())
                .as("the wallet had taken the money")
                .isEqualTo(Payments.Status.PAID);
        PlatformException again = failure(() -> client.charge(
                p.paymentId(),
                new Payments.Charge("134567890123456788"),
                UUID.randomUUID().toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(Problem.ALREADY_CHARGED);
        assertThat(again.retryable()).isFalse();
        assertThat(sim.ledger().times(PaymentsResource.CHARGE, p.paymentId())).isEqualTo(1);
    }

    @Test
    void anAnswerLostAfterThePaymentIsFoundByTheQueryAndTheSameChargeAgainIsTheSameAnswer() throws Exception {
        Payments.Payment p = order(1000);
        sim.wallet().loseAnswers(1);

        PlatformException lost = failure(() -> charge(newClient(), p, WECHAT_CODE));

        assertThat(lost.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.PAID);
        Payments.Charged replayed = charge(newClient(), p, WECHAT_CODE);
        assertThat(replayed.outcome()).isEqualTo(Payments.ChargeOutcome.PAID);
        assertThat(sim.ledger().times(PaymentsResource.CHARGE, p.paymentId()))
                .as("charged once")
                .isEqualTo(1);
    }

    @Test
    void aReversalThatFailsIsTriedAgainUntilAnsweredAndThenAnsweredTheSame() throws Exception {
        Payments.Payment p = order(1000);
        assertThat(charge(client, p, WECHAT_CODE).outcome()).isEqualTo(Payments.ChargeOutcome.PAID);
        sim.wallet().failReversals(1);

        PlatformException failed = failure(() -> client.reversePayment(p.paymentId()));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.code()).isEqualTo(Problem.UNAVAILABLE);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(client.payment(p.paymentId(), 0).status())
                .as("nothing was done")
                .isEqualTo(Payments.Status.PAID);
        Payments.Payment reversed = client.reversePayment(p.paymentId());
        assertThat(reversed.status()).isEqualTo(Payments.Status.REVERSED);
        assertThat(client.reversePayment(p.paymentId())).isEqualTo(reversed);
        assertThat(sim.ledger().times(PaymentsResource.REVERSE, p.paymentId())).isEqualTo(1);
    }

    @Test
    void aCodeOfNoWalletOrUsedBeforeFailsAndTakesNothing() throws Exception {
        Payments.Payment notACode = order(1000);
        Payments.Payment first = order(1000);
        Payments.Payment reused = order(1000);

        Payments.Charged c = charge(client, notACode, "6912345678901234");
        assertThat(charge(client, first, WECHAT_CODE).outcome()).isEqualTo(Payments.ChargeOutcome.PAID);
        Payments.Charged again = charge(client, reused, WECHAT_CODE);

        assertThat(c.outcome()).isEqualTo(Payments.ChargeOutcome.FAILED);
        assertThat(c.payment().failure()).isEqualTo(Payments.Failure.CODE_INVALID);
        assertThat(c.payment().paidAt()).isNull();
        assertThat(again.outcome()).isEqualTo(Payments.ChargeOutcome.FAILED);
        assertThat(again.payment().failure()).isEqualTo(Payments.Failure.CODE_INVALID);
    }

    @Test
    void onlyAWaitingPaymentCodeOrderIsChargedAndOnlyWithAKeyAndACode() throws Exception {
        Payments.Payment qr = client.createPayment(Payments.Create.forItem(
                UUID.randomUUID().toString(), "110101-GA-0035", null, 1500, Payments.Method.QR, "签注费"));
        Payments.Payment closed = order(1000);
        client.closePayment(closed.paymentId());
        Payments.Payment blank = order(1000);

        assertThat(failure(() -> charge(client, qr, WECHAT_CODE)).status()).isEqualTo(422);
        assertThat(failure(() -> charge(client, closed, WECHAT_CODE)).status()).isEqualTo(422);
        assertThat(failure(() -> charge(client, blank, " ")).status()).isEqualTo(400);
        byte[] body = Json.bytes(new Payments.Charge(ALIPAY_CODE));
        String target = "/v1/payments/" + blank.paymentId() + "/charge";
        assertThat(send("POST", target, body, signed(KIOSK, "POST", target, body))
                        .statusCode())
                .as("no Idempotency-Key")
                .isEqualTo(400);
        assertThat(client.payment(blank.paymentId(), 0).status()).isEqualTo(Payments.Status.WAITING);
    }

    @Test
    void theWalletsFaultsAreSetOverHttpForASimulatorRunAlone() throws Exception {
        byte[] faults = "{\"unknownAnswers\": 1}".getBytes(StandardCharsets.UTF_8);
        assertThat(send("POST", "/sim/wallet/faults", faults, Map.of()).statusCode())
                .isEqualTo(200);
        Payments.Payment p = order(1000);

        assertThat(charge(client, p, WECHAT_CODE).outcome()).isEqualTo(Payments.ChargeOutcome.UNKNOWN);
        byte[] clear = "{\"clear\": true}".getBytes(StandardCharsets.UTF_8);
        send("POST", "/sim/wallet/faults", clear, Map.of());
        Payments.Payment q = order(Wallet.CONFIRM_FROM_FEN);
        assertThat(charge(client, q, ALIPAY_CODE).outcome()).isEqualTo(Payments.ChargeOutcome.WAITING);
        byte[] confirm = ("{\"paymentId\": \"" + q.paymentId() + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(
                        send("POST", "/sim/wallet/confirm", confirm, Map.of()).body(), StandardCharsets.UTF_8))
                .contains("true");
        assertThat(client.payment(q.paymentId(), 0).status()).isEqualTo(Payments.Status.PAID);
    }
}
