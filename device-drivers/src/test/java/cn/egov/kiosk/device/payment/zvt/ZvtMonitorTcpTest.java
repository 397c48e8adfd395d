package cn.egov.kiosk.device.payment.zvt;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.TcpServerLink;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.WireMonitor;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The monitor on the ZVT driver over TCP, against the virtual terminal: a sale's messages pass both
 * ways, the card number the terminal sends is hidden, the amount shown.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ZvtMonitorTcpTest {
    private static final Duration SAFETY = Duration.ofSeconds(15);

    private TcpServerLink server;
    private VirtualZvtTerminal terminal;
    private DeviceManager manager;

    @AfterEach
    void unwire() {
        manager.close();
        terminal.stop();
        server.shutdown();
    }

    @Test
    void aSalesCardNumberIsMaskedOnTheWire() throws Exception {
        server = TcpServerLink.listen(0);
        terminal = new VirtualZvtTerminal(
                ZvtJournal.inMemory(),
                VirtualZvtTerminal.Options.DEFAULTS
                        .withCardDelay(Duration.ZERO)
                        .withTimers(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(3)),
                Clock.systemDefaultZone());
        terminal.serve(server, false, "virtual-zvt-monitor");
        manager = new DeviceManager(
                List.of(new DeviceSpec(
                        "pos",
                        DeviceClass.PAYMENT_TERMINAL,
                        "zvt",
                        "tcp:127.0.0.1:" + server.port(),
                        Map.of("t4Ms", "1000", "answerTimeoutMs", "1000"))),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemDefaultZone(), new SimulatorRegistry()),
                Backoff.DEFAULT);
        try (WireMonitor monitor = manager.monitor("pos", false)) {
            manager.start();
            Await.until(() -> manager.health().allHealthy(), SAFETY, "the terminal healthy");
            PaymentTerminal pos = manager.first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class)
                    .orElseThrow();
            assertThat(pos.sale(new SaleRequest("MON-1", 9_900, SAFETY)).approved())
                    .isTrue();
            Thread.sleep(200);
            List<WireMonitor.Line> lines = monitor.drain();
            String all = String.join(
                    "\n",
                    lines.stream()
                            .map(l -> l.format(ZoneOffset.UTC, Locale.CHINESE))
                            .toList());
            assertThat(all).contains("→ 06 01").contains("← 04 0F").contains("[卡号 ");
            assertThat(lines).anyMatch(l -> l.direction() == WireTap.Direction.IN);
            StringBuilder shown = new StringBuilder();
            lines.forEach(l -> l.parts().stream()
                    .filter(p -> !p.isHidden())
                    .map(FrameMasker.Part::bytes)
                    .forEach(b -> shown.append(HexFormat.of().formatHex(b)).append('|')));
            assertThat(shown.toString()).doesNotContain("622202").doesNotContain("1234f");
            assertThat(all).contains("00 00 00 00 99 00"); // the amount, 99.00 in BCD
            System.out.println("[zvt monitor]\n" + all);
        }
    }
}
