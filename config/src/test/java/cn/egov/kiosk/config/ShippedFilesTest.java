package cn.egov.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The files in the module directory (Maven runs tests there) load and say what they should. */
class ShippedFilesTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void demoLoads() throws Exception {
        KioskConfig c = ConfigLoader.load(Path.of("demo.yaml"));

        assertThat(c.source()).isEqualTo(Path.of("demo.yaml").toAbsolutePath().normalize());
        assertThat(c.kiosk().id()).isEqualTo("DEMO-01");
        assertThat(c.kiosk().hallName().get(ZH)).isEqualTo("演示区政务服务中心");
        assertThat(c.kiosk().hallName().get(EN)).isEqualTo("Demo District Government Service Center");
        assertThat(c.kiosk().hotline()).isEqualTo("12345");
        assertThat(c.kiosk().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.kiosk().locales()).containsExactly(ZH, EN);
        assertThat(c.kiosk().defaultLocale()).isEqualTo(ZH);
        assertThat(c.ui()).isEqualTo(new Ui(true, "standard"));
        assertThat(c.session()).isEqualTo(new Session(60, 20, 15));

        Path moduleDir = Path.of("").toAbsolutePath().normalize();
        assertThat(c.storage().database()).isEqualTo(moduleDir.resolveSibling("var/demo/kiosk.db"));
        assertThat(c.storage().dataDir()).isEqualTo(moduleDir.resolveSibling("var/demo"));

        assertThat(c.identity()).isEqualTo(new Identity(30, false, true));
        assertThat(c.queue().printMaskedId()).isTrue();
        assertThat(c.queue().businessTypes()).extracting(BusinessType::code).containsExactly("A", "B", "C", "D");
        assertThat(c.queue().businessTypes())
                .extracting(t -> t.name().get(ZH))
                .containsExactly("综合受理", "社保医保", "不动产登记", "企业开办");
        assertThat(c.queue().businessTypes())
                .extracting(t -> t.name().get(EN))
                .containsExactly(
                        "General services",
                        "Social security & medical insurance",
                        "Real estate registration",
                        "Business registration");

        assertThat(c.devices())
                .containsExactly(
                        new DeviceSpec("id-reader", DeviceClass.ID_CARD_READER, "sim", "sim:", Map.of()),
                        new DeviceSpec("smartcard-reader", DeviceClass.SMART_CARD_READER, "sim", "sim:", Map.of()),
                        new DeviceSpec(
                                "ticket-printer",
                                DeviceClass.RECEIPT_PRINTER,
                                "sim",
                                "sim:",
                                Map.of("columns", "48", "pollMs", "1000")),
                        new DeviceSpec("licence-printer", DeviceClass.DOCUMENT_PRINTER, "sim", "sim:", Map.of()),
                        new DeviceSpec(
                                "payment-terminal",
                                DeviceClass.PAYMENT_TERMINAL,
                                "sim",
                                "sim:",
                                Map.of("cardDelayMs", "1500")),
                        new DeviceSpec("qr-scanner", DeviceClass.BARCODE_SCANNER, "sim", "sim:", Map.of()));
        assertThat(c.device("ticket-printer")).isPresent();
    }

    @Test
    void demoHasOneDeviceOfEveryClass() throws Exception {
        KioskConfig c = ConfigLoader.load(Path.of("demo.yaml"));
        assertThat(c.devices()).extracting(DeviceSpec::deviceClass).containsExactlyInAnyOrder(DeviceClass.values());
    }

    @Test
    void hallExampleLoads() throws Exception {
        KioskConfig c = ConfigLoader.load(Path.of("hall-example.yaml"));

        assertThat(c.kiosk().hallName().get(ZH)).contains("政务服务中心");
        assertThat(c.kiosk().hotline()).isEqualTo("0571-12345");
        assertThat(c.storage().database()).isEqualTo(Path.of("/var/lib/egov-kiosk/kiosk.db"));
        assertThat(c.queue().printMaskedId()).isTrue();
        DeviceSpec printer = c.device("ticket-printer").orElseThrow();
        assertThat(printer.driver()).isEqualTo("escpos");
        assertThat(printer.connection()).isEqualTo("serial:/dev/ttyUSB0?baud=115200");
        assertThat(printer.options()).containsEntry("columns", "48");
        // a real hall: only real hardware, no simulators, no demo mode
        assertThat(c.devices()).extracting(DeviceSpec::driver).containsOnly("escpos", "sam", "pcsc", "serial-scanner");
        assertThat(c.device("id-reader").orElseThrow().connection()).isEqualTo("serial:/dev/ttyUSB1?baud=115200");
        assertThat(c.identity()).isEqualTo(Identity.DEFAULTS);
        assertThat(c.kiosk().demo()).isFalse();
    }

    @Test
    void theCommentedTcpAlternativeIsValidToo() throws Exception {
        String text = Files.readString(Path.of("hall-example.yaml"));
        String tcp = text.replace("connection: \"serial:/dev/ttyUSB0?baud=115200\"", "connection: \"placeholder\"")
                .replace("# connection: \"tcp:192.168.10.21:9100\"", "connection: \"tcp:192.168.10.21:9100\"")
                .replace("    connection: \"placeholder\"\n", "");
        KioskConfig c = ConfigLoader.parse(tcp, Path.of("hall-example.yaml"));
        assertThat(c.device("ticket-printer").orElseThrow().connection()).isEqualTo("tcp:192.168.10.21:9100");
    }

    @Test
    void theCommentedWedgeScannerIsValidToo() throws Exception {
        String text = Files.readString(Path.of("hall-example.yaml"));
        int serial = text.indexOf("  qr-scanner:\n    class: barcode-scanner\n    driver: serial-scanner");
        int wedge = text.indexOf("  # qr-scanner:\n");
        assertThat(serial).isPositive();
        assertThat(wedge).isGreaterThan(serial);
        String block = text.substring(wedge, text.indexOf("\n\n", wedge));
        String withWedge =
                text.substring(0, serial) + block.replace("  # ", "  ") + text.substring(wedge + block.length());

        KioskConfig c = ConfigLoader.parse(withWedge, Path.of("hall-example.yaml"));

        DeviceSpec scanner = c.device("qr-scanner").orElseThrow();
        assertThat(scanner.driver()).isEqualTo("wedge");
        assertThat(scanner.connection()).isEqualTo("keyboard:");
        assertThat(scanner.options()).containsEntry("maxGapMs", "35").containsEntry("minLength", "4");
    }

    @Test
    void theCommentedZvtPaymentTerminalIsValidOnceUncommented() throws Exception {
        String text = Files.readString(Path.of("hall-example.yaml"));
        int at = text.indexOf("  # pos:\n");
        assertThat(at).isPositive();
        String block = text.substring(at, text.indexOf("\n\n", at));
        String withPos = text.replace(block, block.replace("  # ", "  "));

        KioskConfig c = ConfigLoader.parse(withPos, Path.of("hall-example.yaml"));

        DeviceSpec pos = c.device("pos").orElseThrow();
        assertThat(pos.driver()).isEqualTo("zvt");
        assertThat(pos.connection()).isEqualTo("serial:/dev/ttyS1");
        assertThat(pos.options()).containsEntry("password", "000000").containsEntry("t4Ms", "180000");
    }

    @Test
    void theReadmeExplainsEveryKey() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String key : List.of(
                "kiosk.id",
                "kiosk.hallName",
                "kiosk.hotline",
                "kiosk.timeZone",
                "kiosk.locales",
                "ui.fullScreen",
                "ui.theme",
                "session.inactivityTimeoutSeconds",
                "session.warningSeconds",
                "identity.readTimeoutSeconds",
                "identity.cardRemovalEndsSession",
                "identity.socialSecurityCard",
                "storage.database",
                "storage.dataDir",
                "queue.printMaskedId",
                "queue.businessTypes",
                "queue.businessTypes[].code",
                "queue.businessTypes[].name",
                "queue.businessTypes[].description",
                "devices.<id>.class",
                "devices.<id>.driver",
                "devices.<id>.connection",
                "devices.<id>.options",
                "columns",
                "pollMs",
                "statusTimeoutMs",
                "jobTimeoutMs",
                "cardDelayMs",
                "commandTimeoutMs",
                "readTimeoutMs",
                "fingerprint",
                "appendedAddress")) {
            assertThat(readme).as("README.md mentions %s", key).contains("`" + key + "`");
        }
    }
}
