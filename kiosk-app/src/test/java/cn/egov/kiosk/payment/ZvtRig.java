package cn.egov.kiosk.payment;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal;
import cn.egov.kiosk.device.payment.zvt.ZvtJournal;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The ZVT terminal simulator on a socat pseudo-terminal pair, and the kiosk's device manager with
 * the {@code zvt} driver on the other end (9600 8N2; T3 300 ms, T4 1 s, so that a lost answer takes
 * a second), as a hall configures it: what the card payments are tested against. The terminal's
 * clock is the machine's, so the hall's zone here is the machine's.
 */
final class ZvtRig implements AutoCloseable {
    static final ZoneId HALL = ZoneId.systemDefault();
    private static final VirtualZvtTerminal.Options FAST = VirtualZvtTerminal.Options.DEFAULTS
            .withCardDelay(Duration.ZERO)
            .withPause(Duration.ofMillis(2_000))
            .withTimers(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(3));

    final PtyPair socat;
    final VirtualZvtTerminal terminal;
    final DeviceManager devices;

    ZvtRig(Path dir) throws Exception {
        socat = PtyPair.start(dir.resolve("pty"));
        SerialLink deviceEnd = new SerialLink(socat.devicePath(), 9600, 8, SerialLink.Parity.NONE, 2);
        terminal = new VirtualZvtTerminal(
                ZvtJournal.open(dir.resolve("terminal-journal.tsv")), FAST, Clock.systemDefaultZone());
        terminal.serve(deviceEnd, true, "virtual-zvt");
        devices = new DeviceManager(
                List.of(new DeviceSpec(
                        "pos",
                        DeviceClass.PAYMENT_TERMINAL,
                        "zvt",
                        "serial:" + socat.hostPath(),
                        Map.of("t3Ms", "300", "t4Ms", "1000", "answerTimeoutMs", "1000"))),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemDefaultZone(), new SimulatorRegistry()),
                Backoff.DEFAULT);
        devices.start();
        Await.until(() -> devices.health().allHealthy(), Duration.ofSeconds(15), "the terminal healthy");
    }

    /** The card gateway as the runtime wires it: over the device manager's first payment terminal. */
    TerminalCardGateway gateway() {
        return new TerminalCardGateway(() -> devices.first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class), HALL);
    }

    PaymentTerminal pos() {
        return devices.first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class)
                .orElseThrow();
    }

    @Override
    public void close() {
        devices.close();
        terminal.stop();
        socat.close();
    }
}
