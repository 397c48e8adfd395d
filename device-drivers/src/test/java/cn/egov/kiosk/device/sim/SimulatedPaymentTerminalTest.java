package cn.egov.kiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.SaleRequest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedPaymentTerminalTest {
    private final SimulatedPaymentTerminal pos =
            new SimulatedPaymentTerminal("pos", Duration.ZERO, StatisticsStore.NONE, Clock.systemUTC());

    @BeforeEach
    void ready() throws DeviceException {
        pos.open();
        pos.claim(Duration.ofSeconds(1));
        pos.enable();
    }

    @AfterEach
    void close() {
        pos.close();
    }

    private static SaleRequest sale(String order) {
        return new SaleRequest(order, 2_000, Duration.ofSeconds(60));
    }

    @Test
    void aSaleIsApproved() throws DeviceException {
        PaymentResult result = pos.sale(sale("ORDER-1"));

        assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(result.orderReference()).isEqualTo("ORDER-1");
        assertThat(result.amountFen()).isEqualTo(2_000);
        assertThat(result.terminalReference()).isEqualTo("SIM00000001");
        assertThat(result.maskedCardNumber()).isEqualTo("6222********1234");
    }

    @Test
    void oneOrderReferenceIsNeverChargedTwice() throws DeviceException {
        PaymentResult first = pos.sale(sale("ORDER-1"));

        PaymentResult again = pos.sale(sale("ORDER-1"));

        assertThat(again).isEqualTo(first);
        assertThat(pos.statistics().get("sales")).isEqualTo(1);
        assertThat(pos.sale(sale("ORDER-2")).terminalReference()).isEqualTo("SIM00000002");
        assertThat(pos.statistics().get("sales")).isEqualTo(2);
    }

    @Test
    void aDeclineIsRememberedForItsOrder() throws DeviceException {
        pos.apply("decline");

        assertThat(pos.sale(sale("ORDER-1")).outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(pos.sale(sale("ORDER-1")).outcome()).isEqualTo(Outcome.DECLINED); // same order, same answer
        assertThat(pos.sale(sale("ORDER-2")).outcome()).isEqualTo(Outcome.APPROVED); // decline was for one sale
    }

    @Test
    void aLostAnswerIsUnknownThenQueryShowsTheChargeAndReverseCancelsIt() throws DeviceException {
        pos.apply("lose-answer");

        PaymentResult lost = pos.sale(sale("ORDER-9"));
        assertThat(lost.outcome()).isEqualTo(Outcome.UNKNOWN);

        PaymentResult queried = pos.query("ORDER-9");
        assertThat(queried.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(queried.amountFen()).isEqualTo(2_000);

        PaymentResult reversed = pos.reverse("ORDER-9");
        assertThat(reversed.outcome()).isEqualTo(Outcome.REVERSED);
        assertThat(reversed.terminalReference()).isEqualTo(queried.terminalReference());
        assertThat(pos.query("ORDER-9").outcome()).isEqualTo(Outcome.REVERSED);

        // retrying the sale with the same order reference does not charge again
        assertThat(pos.sale(sale("ORDER-9")).outcome()).isEqualTo(Outcome.REVERSED);
        assertThat(pos.statistics().get("sales")).isEqualTo(1);
        assertThat(pos.statistics().get("reversals")).isEqualTo(1);
    }

    @Test
    void aLostAnswerRetriedWithTheSameReferenceFindsTheCharge() throws DeviceException {
        pos.apply("lose-answer");
        pos.sale(sale("ORDER-3"));

        PaymentResult retried = pos.sale(sale("ORDER-3"));

        assertThat(retried.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(pos.statistics().get("sales")).isEqualTo(1);
    }

    @Test
    void unknownOrdersAreNotFound() throws DeviceException {
        assertThat(pos.query("NOPE").outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(pos.reverse("NOPE").outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void commands() {
        assertThat(pos.commands().keySet())
                .containsExactly("disconnect", "reconnect", "approve", "decline", "lose-answer");
        pos.apply("decline");
        assertThat(pos.describe()).isEqualTo("plugged, next sale: decline, 0 in ledger");
        assertThatThrownBy(() -> pos.apply("refund"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown simulator command \"refund\"");
    }
}
