package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.FileStatisticsStore;
import cn.egov.kiosk.device.link.TcpServerLink;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DeviceManagerTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    @TempDir
    Path dir;

    private final SimulatorRegistry simulators = new SimulatorRegistry();
    private DeviceManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    static List<DeviceSpec> everySimulator() {
        return List.of(
                new DeviceSpec("id-reader", DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of()),
                new DeviceSpec("card-reader", DeviceClass.SMART_CARD_READER, "sim", "sim:", Map.of()),
                new DeviceSpec(
                        "ticket-printer",
                        DeviceClass.RECEIPT_PRINTER,
                        "sim",
                        "sim:",
                        Map.of("pollMs", "200", "statusTimeoutMs", "200", "jobTimeoutMs", "5000")),
                new DeviceSpec("licence-printer", DeviceClass.DOCUMENT_PRINTER, "sim", "sim:", Map.of()),
                new DeviceSpec("pos", DeviceClass.PAYMENT_TERMINAL, "sim", "sim:", Map.of("cardDelayMs", "0")),
                new DeviceSpec("scanner", DeviceClass.BARCODE_SCANNER, "sim", "sim:", Map.of()));
    }

    private DeviceManager start(List<DeviceSpec> specs) {
        DeviceContext context = new DeviceContext(new FileStatisticsStore(dir), Clock.systemUTC(), simulators);
        manager = new DeviceManager(specs, DriverRegistry.load(), context, FAST);
        manager.start();
        return manager;
    }

    private DeviceManager startAllHealthy() {
        DeviceManager m = start(everySimulator());
        Await.until(
                () -> m.health().all().size() == 6 && m.health().allHealthy(),
                SAFETY,
                "every device healthy (" + m.health().all() + ")");
        return m;
    }

    private Simulator sim(String id) {
        return simulators.find(id).orElseThrow();
    }

    private Optional<HealthProblem> problem(String id) {
        return manager.health().get(id).orElseThrow().problem();
    }

    @Test
    void beforeStartEveryDeviceIsStarting() {
        DeviceContext context = new DeviceContext(new FileStatisticsStore(dir), Clock.systemUTC(), simulators);
        manager = new DeviceManager(everySimulator(), DriverRegistry.load(), context, FAST);

        assertThat(manager.health().all())
                .hasSize(6)
                .allMatch(h -> h.problem().equals(Optional.of(HealthProblem.STARTING)));
        assertThat(manager.health().allHealthy()).isFalse();
        assertThat(manager.devices()).allMatch(d -> d.state() == DeviceState.CLOSED);
    }

    @Test
    void startBringsEveryDeviceUp() throws Exception {
        DeviceManager m = start(everySimulator());

        assertThat(m.awaitFirstAttempts(SAFETY)).isTrue();
        Await.until(
                () -> m.health().allHealthy(),
                SAFETY,
                "every device healthy (" + m.health().all() + ")");

        assertThat(m.devices())
                .hasSize(6)
                .allMatch(d -> d.state() == DeviceState.IDLE && d.isClaimed() && d.isEnabled());
        // in configuration order, as the manager's own lookups
        assertThat(m.health().all())
                .extracting(DeviceHealth::id)
                .containsExactly("id-reader", "card-reader", "ticket-printer", "licence-printer", "pos", "scanner");
        assertThat(m.health().all())
                .allMatch(h -> h.state() == DeviceState.IDLE && h.problem().isEmpty());
        assertThat(m.health().first(DeviceClass.RECEIPT_PRINTER).orElseThrow().id())
                .isEqualTo("ticket-printer");
        assertThat(m.health().get("ticket-printer").orElseThrow().connection()).isEqualTo("pipe:ticket-printer/host");
    }

    @Test
    void theReceiptPrinterPrintsThroughTheSimulator() throws DeviceException {
        DeviceManager m = startAllHealthy();
        ReceiptPrinter printer =
                m.first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class).orElseThrow();

        printer.print(ReceiptDocument.builder("ticket").text("取号 A001").cut().build());

        SimulatedReceiptPrinter simulator =
                simulators.find("ticket-printer", SimulatedReceiptPrinter.class).orElseThrow();
        assertThat(simulator.printed().lines()).containsExactly("取号 A001");
        assertThat(simulator.printed().cuts()).isEqualTo(1);
    }

    @Test
    void paperOutShowsAsAHealthProblemThroughPolling() {
        startAllHealthy();

        sim("ticket-printer").apply("paper-out");
        Await.until(
                () -> problem("ticket-printer").equals(Optional.of(HealthProblem.PAPER_OUT)),
                SAFETY,
                "paper-out in the health model");
        assertThat(manager.health().allHealthy()).isFalse();

        sim("ticket-printer").apply("paper-ok");
        Await.until(() -> problem("ticket-printer").isEmpty(), SAFETY, "the printer healthy again");
    }

    @Test
    void aPulledPrinterCableHealsItselfWhenPluggedBack() {
        startAllHealthy();
        Device printer = manager.device("ticket-printer").orElseThrow();

        sim("ticket-printer").apply("disconnect");
        Await.until(
                () -> problem("ticket-printer").equals(Optional.of(HealthProblem.OFFLINE)),
                SAFETY,
                "the printer offline");
        // at least one reconnect attempt has failed while the cable is out
        Await.until(
                () -> manager.health()
                        .get("ticket-printer")
                        .orElseThrow()
                        .text()
                        .startsWith("NO_HARDWARE"),
                SAFETY,
                "a failed reconnect attempt (" + manager.health().get("ticket-printer") + ")");

        sim("ticket-printer").apply("reconnect"); // nothing is called on the manager

        Await.until(
                () -> manager.health().allHealthy(),
                SAFETY,
                "the printer back (" + manager.health().get("ticket-printer") + ")");
        assertThat(printer.state()).isEqualTo(DeviceState.IDLE);
        assertThat(printer.isEnabled()).isTrue();
        assertThat(printer.statistics().get(DeviceStatistics.RECONNECTS)).isEqualTo(1);
    }

    @Test
    void anUnpluggedSimulatorHealsItselfWhenPluggedBack() {
        startAllHealthy();
        Device reader = manager.device("id-reader").orElseThrow();

        sim("id-reader").apply("disconnect");
        Await.until(
                () -> problem("id-reader").equals(Optional.of(HealthProblem.OFFLINE)), SAFETY, "the reader offline");
        Await.until(
                () -> manager.health().get("id-reader").orElseThrow().text().startsWith("NO_HARDWARE/LINK_NOT_FOUND: "),
                SAFETY,
                "a failed reconnect attempt");

        sim("id-reader").apply("reconnect");

        Await.until(() -> problem("id-reader").isEmpty(), SAFETY, "the reader back");
        assertThat(reader.state()).isEqualTo(DeviceState.IDLE);
        assertThat(reader.statistics().get(DeviceStatistics.RECONNECTS)).isEqualTo(1);
        assertThat(manager.health().get("id-reader").orElseThrow().counters())
                .containsEntry(DeviceStatistics.RECONNECTS, 1L);
    }

    @Test
    void aPrinterThatStopsAnsweringIsReopenedWhenItAnswersAgain() {
        startAllHealthy();

        sim("ticket-printer").apply("power-off");
        Await.until(
                () -> problem("ticket-printer").equals(Optional.of(HealthProblem.OFFLINE)),
                SAFETY,
                "the printer offline");
        sim("ticket-printer").apply("power-on");

        Await.until(() -> problem("ticket-printer").isEmpty(), SAFETY, "the printer back");
        assertThat(manager.device("ticket-printer").orElseThrow().statistics().get(DeviceStatistics.RECONNECTS))
                .isEqualTo(1);
    }

    @Test
    void aSerialPortThatDoesNotExistKeepsTheDeviceOfflineAndIsRetriedWithBackoff() throws Exception {
        String port = dir.resolve("ttyUSB-missing").toString();
        Logger logger = (Logger) LoggerFactory.getLogger(DeviceManager.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            DeviceManager m = start(List.of(new DeviceSpec(
                    "ticket-printer", DeviceClass.RECEIPT_PRINTER, "escpos", "serial:" + port, Map.of())));
            assertThat(m.awaitFirstAttempts(SAFETY)).isTrue();

            DeviceHealth health = m.health().get("ticket-printer").orElseThrow();
            assertThat(health.problem()).contains(HealthProblem.OFFLINE);
            assertThat(health.text()).contains(port);
            assertThat(m.device("ticket-printer").orElseThrow().state()).isEqualTo(DeviceState.CLOSED);
            // the manager logs attempt 1 and every tenth: seeing the tenth proves it keeps retrying
            Await.until(
                    () -> messages(log).stream().anyMatch(s -> s.contains("attempt 10,")), SAFETY, "the tenth attempt");
            assertThat(messages(log).get(0)).contains("attempt 1,").contains(port);
            assertThat(m.health().get("ticket-printer").orElseThrow().problem()).contains(HealthProblem.OFFLINE);
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void anEngineerCanReconnectADevice() {
        startAllHealthy();
        Device scanner = manager.device("scanner").orElseThrow();

        manager.reconnect("scanner");

        Await.until(() -> scanner.statistics().get(DeviceStatistics.RECONNECTS) == 1, SAFETY, "the reconnect");
        Await.until(() -> scanner.state() == DeviceState.IDLE && scanner.isEnabled(), SAFETY, "the scanner up again");
        manager.reconnect("no-such-device"); // ignored
    }

    @Test
    void healthListenersHearChanges() {
        List<DeviceHealth> heard = new CopyOnWriteArrayList<>();
        DeviceContext context = new DeviceContext(new FileStatisticsStore(dir), Clock.systemUTC(), simulators);
        manager = new DeviceManager(everySimulator(), DriverRegistry.load(), context, FAST);
        manager.health().addListener(heard::add);
        manager.start();
        Await.until(() -> manager.health().allHealthy(), SAFETY, "every device healthy");

        sim("licence-printer").apply("paper-out");

        Await.until(
                () -> heard.stream()
                        .anyMatch(h -> h.id().equals("licence-printer")
                                && h.problem().equals(Optional.of(HealthProblem.PAPER_OUT))),
                SAFETY,
                "the paper-out update");
    }

    @Test
    void closeClosesEveryDeviceAndSavesItsStatistics() {
        DeviceManager m = startAllHealthy();
        List<Device> devices = new ArrayList<>(m.devices());

        m.close();

        assertThat(devices).allMatch(d -> d.state() == DeviceState.CLOSED);
        for (Device d : devices) {
            assertThat(dir.resolve(d.id() + ".properties")).exists();
        }
        sim("id-reader").apply("disconnect"); // no reconnects after close
        sim("id-reader").apply("reconnect");
        assertThat(m.device("id-reader").orElseThrow().state()).isEqualTo(DeviceState.CLOSED);
    }

    private static List<String> messages(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    @Test
    void aDeviceReconfiguredIsBuiltAgainOnItsNewConnectionAndItsListenersFollow() throws Exception {
        DeviceManager m = startAllHealthy();
        Device before = m.device("ticket-printer").orElseThrow();
        List<DeviceEvent> heard = new CopyOnWriteArrayList<>();
        before.addListener(heard::add);
        TcpServerLink server = TcpServerLink.listen(0);
        VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
        printer.serve(server, "virtual-network-printer");
        try {
            m.reconfigure(new DeviceSpec(
                    "ticket-printer",
                    DeviceClass.RECEIPT_PRINTER,
                    "escpos",
                    "tcp:127.0.0.1:" + server.port(),
                    Map.of("jobTimeoutMs", "5000")));

            Device after = m.device("ticket-printer").orElseThrow();
            assertThat(after).isNotSameAs(before);
            assertThat(before.state()).isEqualTo(DeviceState.CLOSED);
            Await.until(
                    () -> m.health()
                                    .get("ticket-printer")
                                    .map(DeviceHealth::healthy)
                                    .orElse(false)
                            && m.health()
                                    .get("ticket-printer")
                                    .orElseThrow()
                                    .connection()
                                    .startsWith("tcp:"),
                    SAFETY,
                    "the printer online on its new connection (" + m.health().get("ticket-printer") + ")");
            assertThat(m.devices())
                    .extracting(Device::id)
                    .containsExactly("id-reader", "card-reader", "ticket-printer", "licence-printer", "pos", "scanner");
            assertThat(heard).isNotEmpty(); // the old device's listener hears the new one come up
            assertThat(after.driverName()).isEqualTo("escpos");
            m.first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                    .orElseThrow()
                    .print(ReceiptDocument.builder("test").text("重新配置").cut().build());
            assertThat(new EscPosDecoder().decode(printer.received()).document().lines())
                    .contains("重新配置");
        } finally {
            printer.stop();
            server.shutdown();
        }
    }

    @Test
    void aDeviceRemovedIsClosedAndLeavesTheHealthModel() {
        DeviceManager m = startAllHealthy();
        Device scanner = m.device("scanner").orElseThrow();

        m.remove("scanner");

        assertThat(scanner.state()).isEqualTo(DeviceState.CLOSED);
        assertThat(m.device("scanner")).isEmpty();
        assertThat(m.health().get("scanner")).isEmpty();
        assertThat(m.health().all()).hasSize(5);
    }
}
