package cn.egov.kiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.payment.EndOfDay;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentResult.TransactionType;
import cn.egov.kiosk.device.payment.RefundRequest;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.testkit.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

    private static ReversalRequest reversal(String order, String receipt) {
        return new ReversalRequest(order, receipt, Duration.ofSeconds(60));
    }

    @Test
    void aSaleIsApprovedWithTheTerminalsReceiptTraceAndMaskedCard() throws DeviceException {
        PaymentResult result = pos.sale(sale("ORDER-1"));

        assertThat(result.approved()).isTrue();
        assertThat(result.type()).isEqualTo(TransactionType.SALE);
        assertThat(result.resultCode()).isEqualTo("00");
        assertThat(result.orderReference()).isEqualTo("ORDER-1");
        assertThat(result.amountFen()).isEqualTo(2_000);
        assertThat(result.receiptNumber()).isEqualTo("0001");
        assertThat(result.traceNumber()).isEqualTo("000001");
        assertThat(result.maskedCardNumber()).isEqualTo("622202******1234");
        assertThat(result.terminalId()).isEqualTo("52000001");
        assertThat(result.time()).isPresent();
        assertThat(result.printLines()).contains("AMOUNT CNY 20.00");
    }

    @Test
    void everySaleIsANewChargeAsOnARealTerminal() throws DeviceException {
        PaymentResult first = pos.sale(sale("ORDER-1"));

        PaymentResult again = pos.sale(sale("ORDER-1"));

        assertThat(again.receiptNumber()).isEqualTo("0002").isNotEqualTo(first.receiptNumber());
        assertThat(pos.statistics().get("sales")).isEqualTo(2);
    }

    @Test
    void aDeclineChargesNothingAndIsForOneSale() throws DeviceException {
        pos.apply("decline");

        PaymentResult declined = pos.sale(sale("ORDER-1"));

        assertThat(declined.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(declined.resultCode()).isEqualTo("05");
        assertThat(declined.receiptNumber()).isEmpty();
        assertThat(pos.lastTransaction().outcome()).as("nothing booked").isEqualTo(Outcome.NOT_FOUND);
        assertThat(pos.sale(sale("ORDER-2")).approved()).isTrue();
    }

    @Test
    void aLostAnswerIsUnknownThenTheLastTransactionShowsTheChargeAndItsReceiptReversesIt() throws DeviceException {
        pos.apply("lose-answer");

        PaymentResult lost = pos.sale(sale("ORDER-9"));
        assertThat(lost.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(lost.receiptNumber()).isEmpty();

        PaymentResult last = pos.lastTransaction();
        assertThat(last.type()).isEqualTo(TransactionType.REPEAT);
        assertThat(last.approved()).isTrue();
        assertThat(last.amountFen()).isEqualTo(2_000);
        assertThat(last.receiptNumber()).isEqualTo("0001");

        PaymentResult reversed = pos.reverse(reversal("ORDER-9", last.receiptNumber()));
        assertThat(reversed.type()).isEqualTo(TransactionType.REVERSAL);
        assertThat(reversed.approved()).isTrue();
        assertThat(reversed.amountFen()).isEqualTo(2_000);

        PaymentResult again = pos.reverse(reversal("ORDER-9", "1"));
        assertThat(again.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(again.resultCode()).as("already reversed").isEqualTo("B4");
        assertThat(pos.statistics().get("sales")).isEqualTo(1);
        assertThat(pos.statistics().get("reversals")).isEqualTo(1);
    }

    @Test
    void aReceiptTheTerminalNeverGaveIsNotFound() throws DeviceException {
        assertThat(pos.reverse(reversal("X", "77")).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(pos.lastTransaction().outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void theEndOfDayTotalsWhatStayedChargedAndStartsANewDay() throws DeviceException {
        pos.sale(new SaleRequest("A", 1_000, Duration.ofSeconds(5)));
        PaymentResult b = pos.sale(new SaleRequest("B", 2_500, Duration.ofSeconds(5)));
        pos.sale(new SaleRequest("C", 300, Duration.ofSeconds(5)));
        pos.reverse(reversal("B", b.receiptNumber()));
        pos.refund(new RefundRequest("D", 100, Duration.ofSeconds(5)));

        EndOfDay day = pos.endOfDay();

        assertThat(day.done()).isTrue();
        assertThat(day.count()).isEqualTo(5); // three sales, a reversal, a refund
        assertThat(day.totalFen()).isEqualTo(1_000 + 300 - 100);
        assertThat(pos.lastTransaction().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(pos.endOfDay().totalFen()).isZero();
    }

    @Test
    void anAbortStopsASaleWaitingForACard() throws Exception {
        SimulatedPaymentTerminal slow =
                new SimulatedPaymentTerminal("slow", Duration.ofSeconds(30), StatisticsStore.NONE, Clock.systemUTC());
        slow.open();
        slow.claim(Duration.ofSeconds(1));
        slow.enable();
        try {
            assertThat(slow.abort()).as("nothing running").isFalse();
            CompletableFuture<PaymentResult> sale = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.sale(sale("ORDER-A"));
                } catch (DeviceException e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until(() -> slow.state() == DeviceState.BUSY, Duration.ofSeconds(5), "the sale waiting");

            assertThat(slow.abort()).isTrue();

            PaymentResult result = sale.get();
            assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
            assertThat(result.resultCode()).isEqualTo("6C");
            assertThat(slow.lastTransaction().outcome()).isEqualTo(Outcome.NOT_FOUND);
        } finally {
            slow.close();
        }
    }

    @Test
    void anUnpluggedTerminalIsOffline() {
        pos.apply("disconnect");

        assertThatThrownBy(() -> pos.status())
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE));
        assertThat(pos.state()).isEqualTo(DeviceState.OFFLINE);
    }

    @Test
    void commands() {
        assertThat(pos.commands().keySet())
                .containsExactly("disconnect", "reconnect", "approve", "decline", "lose-answer");
        pos.apply("lose-answer");
        assertThat(pos.describe()).isEqualTo("plugged, next sale: lose-answer, 0 in ledger");
        assertThatThrownBy(() -> pos.apply("refund"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown simulator command \"refund\"");
    }
}
