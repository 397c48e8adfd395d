package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.client.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 主扫: the kiosk shows the order's QR code, the citizen's phone (the simulator's {@link Wallet})
 * pays it; the kiosk polls, and at its own timeout closes the order and queries it once more.
 */
class QrPaymentsTest extends SimulatorTestBase {
    private final MovableClock clock = new MovableClock();

    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withClock(clock);
    }

    private Payments.Payment order(long amountFen) throws PlatformException {
        return client.createPayment(Payments.Create.forItem(
                UUID.randomUUID().toString(),
                "110101-GA-0035",
                null,
                amountFen,
                Payments.Method.QR,
                "往来港澳通行证自助签注 签注费"));
    }

    @Test
    void aQrOrderWaitsWithTheLinkItsCodeHoldsAndItsExpiry() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().plus(clock.ahead);
        Payments.Payment p = client.createPayment(Payments.Create.forItem(
                        UUID.randomUUID().toString(), "110101-GA-0035", null, 1500, Payments.Method.QR, "签注费")
                .expiringIn(180));

        assertThat(p.status()).isEqualTo(Payments.Status.WAITING);
        assertThat(p.qrCode()).startsWith("https://").endsWith("/" + p.paymentId());
        assertThat(p.amountFen()).isEqualTo(1500);
        assertThat(Duration.between(before, p.expiresAt()).toSeconds()).isBetween(179L, 181L);
        assertThat(p.paidAt()).isNull();
        assertThat(p.wallet()).isNull();
        assertThat(client.payment(p.paymentId(), 0)).isEqualTo(p);
    }

    @Test
    void aLongPollAnswersAsSoonAsThePhonePays() throws Exception {
        Payments.Payment p = order(1500);
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
        assertThat(sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.ALIPAY)).contains(Payments.Status.PAID);
        Payments.Payment after = poll.get(10, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - paidAt);

        assertThat(after.status()).isEqualTo(Payments.Status.PAID);
        assertThat(after.wallet()).isEqualTo(Payments.Wallet.ALIPAY);
        assertThat(after.paidAt()).isNotNull();
        assertThat(after.receiptNo()).isNotBlank();
        // the poll would have waited 5 s had it not been woken: it answers on payment, not at its end
        assertThat(waited).as("answered %s after the payment", waited).isLessThan(Duration.ofSeconds(4));
        assertThat(sim.pay(p.paymentId())).as("paid once").isFalse();
        assertThat(sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.WECHAT))
                .as("scanned again: paid already, by the first wallet")
                .contains(Payments.Status.PAID);
        assertThat(client.payment(p.paymentId(), 0).wallet()).isEqualTo(Payments.Wallet.ALIPAY);
    }

    @Test
    void atTheKiosksTimeoutTheOrderIsClosedAndStaysUnpaid() throws Exception {
        Payments.Payment p = order(1500);
        assertThat(client.payment(p.paymentId(), 1).status())
                .as("the payer does not pay")
                .isEqualTo(Payments.Status.WAITING);

        Payments.Payment closed = client.closePayment(p.paymentId());
        Payments.Payment queried = client.payment(p.paymentId(), 0);

        assertThat(closed.status()).isEqualTo(Payments.Status.CLOSED);
        assertThat(queried).isEqualTo(closed);
        assertThat(sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.WECHAT))
                .as("the phone scans the code too late")
                .contains(Payments.Status.CLOSED);
        assertThat(client.closePayment(p.paymentId()))
                .as("closed twice: as it stands")
                .isEqualTo(closed);
        assertThat(sim.ledger().times(PaymentsResource.CLOSE, p.paymentId())).isEqualTo(1);
    }

    @Test
    void paidJustBeforeTheKioskClosedItTheOrderIsPaidAndTheQueryAfterSaysSo() throws Exception {
        Payments.Payment p = order(1500);
        assertThat(sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.WECHAT)).contains(Payments.Status.PAID);

        Payments.Payment closed = client.closePayment(p.paymentId());

        assertThat(closed.status()).isEqualTo(Payments.Status.PAID);
        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.PAID);
        assertThat(sim.ledger().times(PaymentsResource.CLOSE, p.paymentId()))
                .as("nothing was closed")
                .isZero();
    }

    @Test
    void pastItsExpiryAnUnpaidOrderIsClosedByThePlatform() throws Exception {
        Payments.Payment p = client.createPayment(Payments.Create.forItem(
                        UUID.randomUUID().toString(), "110101-GA-0035", null, 1500, Payments.Method.QR, "签注费")
                .expiringIn(60));

        clock.ahead = Duration.ofSeconds(61);

        assertThat(client.payment(p.paymentId(), 0).status()).isEqualTo(Payments.Status.CLOSED);
        assertThat(sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.WECHAT)).contains(Payments.Status.CLOSED);
    }

    @Test
    void aPaidQrOrderIsReversedOnceAndThePaymentKeepsWhenItWasPaid() throws Exception {
        Payments.Payment p = order(1500);
        sim.wallet().scanAndPay(p.qrCode(), Payments.Wallet.UNIONPAY);
        Payments.Payment paid = client.payment(p.paymentId(), 0);

        Payments.Payment reversed = client.reversePayment(p.paymentId());

        assertThat(reversed.status()).isEqualTo(Payments.Status.REVERSED);
        assertThat(reversed.paidAt()).isEqualTo(paid.paidAt());
        assertThat(reversed.receiptNo()).isEqualTo(paid.receiptNo());
        assertThat(reversed.wallet()).isEqualTo(Payments.Wallet.UNIONPAY);
        assertThat(client.reversePayment(p.paymentId())).isEqualTo(reversed);
        assertThat(sim.ledger().times(PaymentsResource.REVERSE, p.paymentId())).isEqualTo(1);
    }

    @Test
    void inDemoModeThePhonePaysByItselfUnlessThePayerNeverPays() throws Exception {
        sim.autoPay(Optional.of(Duration.ofMillis(200)));
        Payments.Payment paid = order(1500);
        assertThat(client.payment(paid.paymentId(), 5).status()).isEqualTo(Payments.Status.PAID);

        sim.wallet().payerNeverConfirms(true);
        Payments.Payment unpaid = order(1500);
        assertThat(client.payment(unpaid.paymentId(), 1).status()).isEqualTo(Payments.Status.WAITING);
    }

    @Test
    void thePhonesSideIsPlayedOverHttpForASimulatorRunAlone() throws Exception {
        Payments.Payment p = order(1500);

        HttpResponse<byte[]> unknown = control("/sim/wallet/scan", "{\"qrCode\": \"https://elsewhere.example/q/1\"}");
        HttpResponse<byte[]> badWallet =
                control("/sim/wallet/scan", "{\"qrCode\": \"" + p.qrCode() + "\", \"wallet\": \"PAYPAL\"}");
        HttpResponse<byte[]> scanned =
                control("/sim/wallet/scan", "{\"qrCode\": \"" + p.qrCode() + "\", \"wallet\": \"ALIPAY\"}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badWallet.statusCode()).isEqualTo(400);
        assertThat(scanned.statusCode()).isEqualTo(200);
        JsonNode answer = Json.mapper().readTree(scanned.body());
        assertThat(answer.path("status").asText()).isEqualTo("PAID");
        assertThat(client.payment(p.paymentId(), 0).wallet()).isEqualTo(Payments.Wallet.ALIPAY);
    }

    private HttpResponse<byte[]> control(String path, String json) throws Exception {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
