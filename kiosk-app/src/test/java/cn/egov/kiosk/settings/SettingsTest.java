package cn.egov.kiosk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.config.LocalizedText;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.testkit.Await;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings service over a real file, a real device manager on simulators and a recording audit trail. */
class SettingsTest {
    private static final String YAML = """
            # a hall's kiosk
            kiosk:
              id: K01
              # the hall's name (大厅名称)
              hallName: {zh-CN: 测试区政务服务中心, en: Test District Service Centre}
              hotline: "12345"
              timeZone: Asia/Shanghai
              demo: true
            storage: {database: var/kiosk.db, dataDir: var}
            queue:
              businessTypes:
                - {code: A, name: {zh-CN: 综合受理, en: General services}}
            devices:
              # the receipt printer
              ticket-printer:
                class: receipt-printer
                driver: sim
                connection: "sim:"
              # the scanner
              qr-scanner: {class: barcode-scanner, driver: sim, connection: "sim:"}
            """;

    @TempDir
    Path dir;

    private Path file;
    private LiveConfig live;
    private DeviceManager devices;
    private Settings settings;
    private final List<Map<String, Object>> audited = new CopyOnWriteArrayList<>();
    private final List<String> actors = new CopyOnWriteArrayList<>();
    private final List<KioskConfig> heard = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("kiosk.yaml");
        Files.writeString(file, YAML);
        KioskConfig config = ConfigLoader.load(file);
        live = new LiveConfig(config);
        live.onChange(heard::add);
        DriverRegistry drivers = DriverRegistry.load();
        devices = new DeviceManager(
                config.devices(),
                drivers,
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        devices.start();
        ConfigAudit audit = (at, kind, actor, detail) -> {
            assertThat(kind).isEqualTo("config.change");
            actors.add(actor);
            audited.add(detail);
        };
        settings = new Settings(
                file,
                live,
                devices,
                drivers,
                audit,
                Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC),
                () -> "ENGINEER");
        Await.until(() -> devices.health().allHealthy(), Duration.ofSeconds(10), "devices up");
    }

    @AfterEach
    void tearDown() {
        devices.close();
    }

    @Test
    void offerValuesAreSavedTogetherWithTheCommentsKeptAuditedAndHeard() throws Exception {
        Settings.Outcome o = settings.save(List.of(
                new Settings.Change<>(Settings.HALL_NAME, LocalizedText.of("新区政务服务中心", "New District Centre")),
                new Settings.Change<>(Settings.HOTLINE, "0571-12345"),
                new Settings.Change<>(Settings.INACTIVITY, 90),
                new Settings.Change<>(Settings.SERVICES, List.of("queue-ticket", "progress"))));

        assertThat(o).isInstanceOf(Settings.Saved.class);
        Settings.Saved saved = (Settings.Saved) o;
        assertThat(saved.changed())
                .containsExactly("kiosk.hallName", "kiosk.hotline", "session.inactivityTimeoutSeconds", "ui.services");
        assertThat(saved.needsRestart())
                .as("the services shown are read at start")
                .isTrue();
        String text = Files.readString(file);
        assertThat(text).contains("# the hall's name (大厅名称)", "# the receipt printer", "新区政务服务中心");
        KioskConfig loaded = ConfigLoader.load(file);
        assertThat(loaded.session().inactivityTimeoutSeconds()).isEqualTo(90);
        assertThat(loaded.ui().services()).containsExactly("queue-ticket", "progress");
        assertThat(live.get().kiosk().hotline()).isEqualTo("0571-12345");
        assertThat(heard).hasSize(1);
        assertThat(actors).containsOnly("ENGINEER");
        assertThat(audited).hasSize(4);
        assertThat(audited.get(1))
                .containsEntry("key", "kiosk.hotline")
                .containsEntry("from", "\"12345\"")
                .containsEntry("to", "\"0571-12345\"");

        assertThat(settings.save(List.of(new Settings.Change<>(Settings.HOTLINE, "0571-12345"))))
                .isInstanceOfSatisfying(
                        Settings.Saved.class, s -> assertThat(s.changed()).isEmpty());
        assertThat(audited).as("nothing changed, nothing audited").hasSize(4);
    }

    @Test
    void aValueTheDeclarationsRefuseIsNotWrittenNorAudited() throws Exception {
        Settings.Outcome o = settings.save(List.of(
                new Settings.Change<>(Settings.HOTLINE, "0571-99999"), new Settings.Change<>(Settings.WARNING, 5)));

        assertThat(o)
                .isInstanceOfSatisfying(
                        Settings.Refused.class,
                        r -> assertThat(r.problems())
                                .singleElement()
                                .asString()
                                .contains("session.warningSeconds", "20 to 120"));
        assertThat(Files.readString(file)).isEqualTo(YAML);
        assertThat(audited).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void theAuditKeepsOptionsByNameWithAPasswordHidden() {
        assertThat(Settings.audited(Map.of("pollMs", "500", "columns", "32"))).isEqualTo("{columns=32, pollMs=500}");
        assertThat(Settings.audited(Map.of("password", "123456", "currency", "156")))
                .isEqualTo("{currency=156, password=******}")
                .doesNotContain("123456");
    }

    @Test
    void aDeviceChangedIsReopenedAddedAndRemoved() throws Exception {
        Device before = devices.device("ticket-printer").orElseThrow();
        Settings.Outcome o = settings.saveDevice(
                new DeviceSpec("ticket-printer", DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of("columns", "42")));

        assertThat(o).isInstanceOf(Settings.Saved.class);
        assertThat(devices.device("ticket-printer").orElseThrow()).isNotSameAs(before);
        assertThat(Files.readString(file)).contains("# the receipt printer").contains("columns: 42");
        assertThat(audited)
                .singleElement()
                .satisfies(d -> assertThat(d)
                        .containsEntry("key", "devices.ticket-printer.options")
                        .containsEntry("to", "{columns=42}"));

        String id = settings.freeId(DeviceClass.ID_CARD_READER);
        assertThat(id).isEqualTo("id-card-reader");
        settings.saveDevice(new DeviceSpec(id, DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of()));
        assertThat(ConfigLoader.load(file).device(id)).isPresent();
        Await.until(
                () -> devices.health().get(id).map(h -> h.healthy()).orElse(false),
                Duration.ofSeconds(10),
                "the new reader up");

        settings.removeDevice("qr-scanner");
        assertThat(Files.readString(file)).doesNotContain("qr-scanner").doesNotContain("# the scanner");
        assertThat(devices.device("qr-scanner")).isEmpty();
        assertThat(live.get().device("qr-scanner")).isEmpty();
    }

    @Test
    void aDeviceAddedOnScreenHasItsOptionsChangedLater() throws Exception {
        String id = settings.freeId(DeviceClass.RECEIPT_PRINTER);
        assertThat(settings.saveDevice(new DeviceSpec(id, DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of())))
                .isInstanceOf(Settings.Saved.class);
        assertThat(Files.readString(file))
                .as("written in block style like its siblings")
                .contains("  " + id + ":\n    class: receipt-printer\n");

        assertThat(settings.saveDevice(
                        new DeviceSpec(id, DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of("columns", "42"))))
                .isInstanceOf(Settings.Saved.class);
        assertThat(ConfigLoader.load(file).device(id).orElseThrow().options()).containsEntry("columns", "42");
        assertThat(settings.saveDevice(
                        new DeviceSpec(id, DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of("columns", "48"))))
                .isInstanceOf(Settings.Saved.class);
        assertThat(ConfigLoader.load(file).device(id).orElseThrow().options()).containsEntry("columns", "48");
        assertThat(settings.saveDevice(new DeviceSpec(id, DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of())))
                .isInstanceOf(Settings.Saved.class);
        assertThat(ConfigLoader.load(file).device(id).orElseThrow().options()).isEmpty();
        assertThat(live.get().device(id).orElseThrow().options()).isEmpty();

        String text = Files.readString(file);
        assertThat(text).contains("# a hall's kiosk", "# the receipt printer", "# the scanner");
        assertThat(ConfigLoader.load(file).device("ticket-printer")).isPresent();
    }

    @Test
    void aDeviceWrittenInFlowStyleHasItsOptionsChanged() throws Exception {
        Files.writeString(
                file,
                YAML.replace(
                        "  ticket-printer:\n    class: receipt-printer\n    driver: sim\n    connection: \"sim:\"\n",
                        "  ticket-printer: {class: receipt-printer, driver: sim, connection: \"sim:\", options: {columns: 42}}\n"));
        live.set(ConfigLoader.load(file));

        assertThat(settings.saveDevice(new DeviceSpec(
                        "ticket-printer", DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of("columns", "48"))))
                .isInstanceOf(Settings.Saved.class);
        assertThat(ConfigLoader.load(file)
                        .device("ticket-printer")
                        .orElseThrow()
                        .options())
                .containsEntry("columns", "48");
        assertThat(Files.readString(file)).contains("# the receipt printer", "# the scanner");
    }

    @Test
    void aDeviceIsTestedWithSettingsNotSavedAndTheResultSaysWhat() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Settings.TestResult nobody = settings.test(new DeviceSpec(
                "ticket-printer", DeviceClass.RECEIPT_PRINTER, "escpos", "tcp:127.0.0.1:" + closedPort, Map.of()));
        assertThat(nobody.outcome()).isEqualTo(Settings.TestOutcome.NO_ANSWER);

        Settings.TestResult invalid = settings.test(
                new DeviceSpec("ticket-printer", DeviceClass.RECEIPT_PRINTER, "escpos", "tcp:nowhere", Map.of()));
        assertThat(invalid.outcome()).isEqualTo(Settings.TestOutcome.INVALID);
        assertThat(invalid.detail()).contains("devices.ticket-printer.connection");

        Settings.TestResult running =
                settings.test(new DeviceSpec("ticket-printer", DeviceClass.RECEIPT_PRINTER, "sim", "sim:", Map.of()));
        assertThat(running.outcome()).isEqualTo(Settings.TestOutcome.WORKS);
        assertThat(Files.readString(file)).isEqualTo(YAML);
        assertThat(audited).isEmpty();
    }

    @Test
    void aTestOfNewSettingsOnTheRunningDevicesPortHasThePortToItselfAndTheDeviceComesBack() throws Exception {
        try (PtyPair pty = PtyPair.start(dir.resolve("pty"))) {
            VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
            printer.serve(new SerialLink(pty.devicePath(), 115200, 8, SerialLink.Parity.NONE, 1), "virtual-printer");
            try {
                DeviceSpec running = new DeviceSpec(
                        "ticket-printer",
                        DeviceClass.RECEIPT_PRINTER,
                        "escpos",
                        "serial:" + pty.hostPath() + "?baud=115200",
                        Map.of("jobTimeoutMs", "5000"));
                settings.saveDevice(running);
                Await.until(
                        () -> devices.health()
                                .get("ticket-printer")
                                .map(h -> h.healthy() && h.connection().startsWith("serial:"))
                                .orElse(false),
                        Duration.ofSeconds(10),
                        "the printer online on the pty");
                Device before = devices.device("ticket-printer").orElseThrow();
                List<String> seen = new CopyOnWriteArrayList<>();
                devices.health().addListener(h -> {
                    if (h.id().equals("ticket-printer")) {
                        seen.add(h.state() + "/" + h.healthy());
                    }
                });

                // the same port with other options: the running printer lets go of it for the test
                Settings.TestResult tested = settings.test(new DeviceSpec(
                        "ticket-printer",
                        DeviceClass.RECEIPT_PRINTER,
                        "escpos",
                        "serial:" + pty.hostPath() + "?baud=115200",
                        Map.of("jobTimeoutMs", "4000")));

                assertThat(tested.outcome()).as(tested.detail()).isEqualTo(Settings.TestOutcome.WORKS);
                assertThat(seen).as("closed while tested").anyMatch(h -> h.startsWith("CLOSED"));
                Await.until(
                        () -> devices.health()
                                .get("ticket-printer")
                                .map(h -> h.healthy())
                                .orElse(false),
                        Duration.ofSeconds(10),
                        "the running printer back after the test");
                assertThat(devices.device("ticket-printer")).containsSame(before);
                assertThat(live.get().device("ticket-printer")).contains(running);
                printer.clearReceived();
                devices.first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                        .orElseThrow()
                        .print(ReceiptDocument.builder("test")
                                .text("测试之后")
                                .cut()
                                .build());
                assertThat(new EscPosDecoder()
                                .decode(printer.received())
                                .document()
                                .lines())
                        .as("the running printer prints on its port again")
                        .contains("测试之后");
            } finally {
                printer.stop();
            }
        }
    }

    @Test
    void connectionsAreTakenApartAndPutTogether() {
        assertThat(Connection.parse("serial:/dev/ttyUSB0?baud=115200"))
                .isEqualTo(new Connection(Connection.Kind.SERIAL, "/dev/ttyUSB0", 115200));
        assertThat(Connection.parse("tcp:10.0.0.5:9100"))
                .isEqualTo(new Connection(Connection.Kind.TCP, "10.0.0.5", 9100));
        assertThat(Connection.parse("cups:kioskpdf").text()).isEqualTo("cups:kioskpdf");
        assertThat(Connection.parse("serial:/dev/ttyS0?baud=9600&parity=even").kind())
                .isEqualTo(Connection.Kind.OTHER);
        assertThat(Connection.parse("serial:/dev/ttyS0?baud=9600&parity=even").text())
                .isEqualTo("serial:/dev/ttyS0?baud=9600&parity=even");
        assertThat(new Connection(Connection.Kind.SERIAL, "/dev/ttyACM0", 9600).text())
                .isEqualTo("serial:/dev/ttyACM0?baud=9600");
    }
}
