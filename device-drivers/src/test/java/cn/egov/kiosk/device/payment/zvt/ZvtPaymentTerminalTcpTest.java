package cn.egov.kiosk.device.payment.zvt;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.TcpServerLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal.Fault;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ZVT driver on TCP (bare APDUs, no framing) against the virtual terminal listening on a
 * loopback port, through the device manager: a sale, a lost answer found by the repeat receipt and
 * reversed, a status, a frame sent twice.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ZvtPaymentTerminalTcpTest {
    private static final Duration SAFETY = Duration.ofSeconds(15);

    private TcpServerLink server;
    private VirtualZvtTerminal terminal;
    private DeviceManager manager;

    @BeforeEach
    void wire() throws Exception {
        server = TcpServerLink.listen(0);
        terminal = new VirtualZvtTerminal(
                ZvtJournal.inMemory(),
                VirtualZvtTerminal.Options.DEFAULTS
                        .withCardDelay(Duration.ZERO)
                        .withTimers(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(3)),
                Clock.systemDefaultZone());
        terminal.serve(server, false, "virtual-zvt-tcp");
        DeviceSpec spec = new DeviceSpec(
                "pos",
                DeviceClass.PAYMENT_TERMINAL,
                "zvt",
                "tcp:127.0.0.1:" + server.port(),
                Map.of("t4Ms", "1000", "answerTimeoutMs", "1000"));
        manager = new DeviceManager(
                List.of(spec),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemDefaultZone(), new SimulatorRegistry()),
                Backoff.DEFAULT);
        manager.start();
        Await.until(
                () -> manager.health().allHealthy(),
                SAFETY,
                "the terminal healthy (" + manager.health().all() + ")");
    }

    @AfterEach
    void unwire() {
        manager.close();
        terminal.stop();
        server.shutdown();
    }

    private ZvtPaymentTerminal pos() {
        return (ZvtPaymentTerminal) manager.first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class)
                .orElseThrow();
    }

    @Test
    void aSaleALostAnswerFoundAgainAndReversedAndTheStatusOverTcp() throws Exception {
        PaymentResult sale = pos().sale(new SaleRequest("TCP-1", 9_900, SAFETY));
        assertThat(sale.approved()).isTrue();
        assertThat(sale.receiptNumber()).isEqualTo("0001");
        assertThat(sale.maskedCardNumber()).isEqualTo("622202******1234");
        assertThat(pos().connection()).endsWith("(ZVT over TCP)");
        assertThat(pos().lastExchange().orElseThrow().resends())
                .as("no resends on TCP")
                .isZero();

        terminal.inject(Fault.LOSE_ANSWER);
        PaymentResult lost = pos().sale(new SaleRequest("TCP-2", 500, SAFETY));
        assertThat(lost.outcome()).isEqualTo(Outcome.UNKNOWN);
        PaymentResult last = pos().lastTransaction();
        assertThat(last.amountFen()).isEqualTo(500);
        assertThat(last.receiptNumber()).isEqualTo("0002");
        assertThat(pos().reverse(new ReversalRequest("TCP-2", last.receiptNumber(), SAFETY))
                        .approved())
                .isTrue();

        terminal.inject(Fault.DUPLICATE_FRAME);
        assertThat(pos().sale(new SaleRequest("TCP-3", 100, SAFETY)).approved()).isTrue();
        assertThat(pos().checkHealth(HealthLevel.EXTERNAL).healthy())
                .as("in step after the duplicate")
                .isTrue();
        assertThat(terminal.journal().day()).hasSize(4); // three sales and a reversal
    }
}
