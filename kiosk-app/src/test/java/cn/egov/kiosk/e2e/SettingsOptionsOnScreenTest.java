package cn.egov.kiosk.e2e;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.awaitSettingsIdle;
import static cn.egov.kiosk.e2e.OnScreen.openSettings;
import static cn.egov.kiosk.e2e.OnScreen.press;
import static cn.egov.kiosk.e2e.OnScreen.tap;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.type;
import static cn.egov.kiosk.e2e.OnScreen.visible;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.printer.escpos.EscPosDecoder;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.KioskUi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A device's options on 终端设置, headless, over the whole runtime, with a real ESC/POS printer
 * driver on a socat pseudo-terminal (a virtual printer at the other end): staff change {@code
 * columns} from 48 to 32, test, save; the file keeps its comments and holds {@code columns: 32},
 * the device manager reopens the printer at 32 columns and a slip prints on it. A value the driver
 * refuses is said and nothing is written; an option put back to its default leaves the file.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsOptionsOnScreenTest {
    @TempDir
    Path dir;

    private Path file;
    private PtyPair pty;
    private VirtualEscPosPrinter printer;
    private KioskRuntime runtime;
    private KioskUi ui;
    private KioskOnScreen kiosk;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startKiosk(FxRobot robot) throws Exception {
        pty = PtyPair.start(dir.resolve("pty"));
        printer = new VirtualEscPosPrinter();
        printer.serve(new SerialLink(pty.devicePath(), 115200, 8, SerialLink.Parity.NONE, 1), "virtual-printer");
        file = dir.resolve("kiosk.yaml");
        Files.writeString(file, """
                # the hall's kiosk (测试)
                kiosk:
                  id: K01
                  hallName: {zh-CN: 测试区政务服务中心, en: Test District Service Centre}
                  hotline: "12345"
                  timeZone: Asia/Shanghai
                  demo: true
                ui: {fullScreen: false}
                storage: {database: var/kiosk.db, dataDir: var}
                queue:
                  businessTypes:
                    - {code: A, name: {zh-CN: 综合受理, en: General services}}
                devices:
                  # the receipt printer (凭条打印机), 80 mm paper
                  ticket-printer:
                    class: receipt-printer
                    driver: escpos
                    connection: "serial:%s?baud=115200"
                    # tuned by the engineer (工程师调整)
                    options:
                      columns: 48
                      pollMs: 500
                """.formatted(pty.hostPath()));
        kiosk = KioskOnScreen.start(robot, stage, file);
        runtime = kiosk.runtime();
        ui = kiosk.ui();
        await(() -> runtime.devices().health().allHealthy(), "devices healthy");
    }

    @AfterEach
    void stop() {
        kiosk.close();
        printer.stop();
        pty.close();
    }

    @Test
    void columnsChangedOnScreenAreTestedSavedWithTheCommentsAndTheReopenedPrinterPrintsAtThem(FxRobot robot)
            throws Exception {
        ReceiptPrinter before = receiptPrinter();
        assertThat(before.columns()).isEqualTo(48);
        openSettings(robot);
        awaitSettingsIdle(robot);
        tap(robot, "#settings-device-ticket-printer");
        await(() -> visible(robot, "#settings-option-columns"), "the printer's options");
        assertThat(field(robot, "#settings-option-columns").getText()).isEqualTo("48");
        assertThat(field(robot, "#settings-option-statustimeoutms").getText()).isEmpty();
        assertThat(field(robot, "#settings-option-statustimeoutms").getPromptText())
                .contains("1000");
        assertThat(field(robot, "#settings-option-pollms").getText()).isEqualTo("500");

        type(robot, "#settings-option-columns", "32");
        press(robot, "#settings-test");
        await(
                () -> text(robot, "#settings-test-result").startsWith("设备正常"),
                () -> "the test's result (" + text(robot, "#settings-test-result") + ")");
        assertThat(Files.readString(file)).as("a test saves nothing").contains("columns: 48");

        String lines = Files.readString(file);
        press(robot, "#settings-save-device");
        await(
                () -> text(robot, "#settings-message").startsWith("已保存"),
                () -> "saved (" + text(robot, "#settings-message") + ")");

        String after = Files.readString(file);
        assertThat(after)
                .contains("columns: 32")
                .contains("pollMs: 500")
                .doesNotContain("columns: 48")
                .contains("# the hall's kiosk (测试)")
                .contains("# the receipt printer (凭条打印机), 80 mm paper")
                .contains("# tuned by the engineer (工程师调整)");
        assertThat(after.lines().count()).isLessThanOrEqualTo(lines.lines().count());
        assertThat(ConfigLoader.load(file)
                        .device("ticket-printer")
                        .orElseThrow()
                        .options())
                .isEqualTo(Map.of("columns", "32", "pollMs", "500"));

        // the device manager brought the printer up again on its new options
        await(
                () -> runtime.devices()
                                .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                                .map(p -> p != before && p.columns() == 32)
                                .orElse(false)
                        && runtime.devices()
                                .health()
                                .get("ticket-printer")
                                .map(DeviceHealth::healthy)
                                .orElse(false),
                "the printer reopened at 32 columns");
        printer.clearReceived();
        receiptPrinter()
                .print(ReceiptDocument.builder("test").text("选项测试").cut().build());
        assertThat(new EscPosDecoder().decode(printer.received()).document().lines())
                .contains("选项测试");
        // on screen again: the saved value
        assertThat(field(robot, "#settings-option-columns").getText()).isEqualTo("32");
    }

    @Test
    void aValueTheDriverRefusesIsSaidAndNothingIsWritten(FxRobot robot) throws Exception {
        String before = Files.readString(file);
        openSettings(robot);
        awaitSettingsIdle(robot);
        tap(robot, "#settings-device-ticket-printer");
        type(robot, "#settings-option-columns", "200");

        press(robot, "#settings-test");
        await(
                () -> text(robot, "#settings-test-result").startsWith("设置不正确"),
                () -> "the test refused (" + text(robot, "#settings-test-result") + ")");
        assertThat(text(robot, "#settings-test-result")).contains("columns", "200", "16 到 96 之间的整数");

        press(robot, "#settings-save-device");
        await(
                () -> text(robot, "#settings-message").startsWith("不能保存"),
                () -> "the refusal (" + text(robot, "#settings-message") + ")");
        assertThat(text(robot, "#settings-message")).contains("columns", "200", "16 到 96");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(receiptPrinter().columns()).isEqualTo(48);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anOptionPutBackToItsDefaultLeavesTheFile(FxRobot robot) throws Exception {
        openSettings(robot);
        awaitSettingsIdle(robot);
        tap(robot, "#settings-device-ticket-printer");
        type(robot, "#settings-option-pollms", "1000");
        press(robot, "#settings-option-columns-default");
        assertThat(field(robot, "#settings-option-columns").getText()).isEmpty();

        press(robot, "#settings-save-device");
        await(
                () -> text(robot, "#settings-message").startsWith("已保存"),
                () -> "saved (" + text(robot, "#settings-message") + ")");
        assertThat(Files.readString(file))
                .doesNotContain("columns")
                .contains("pollMs: 1000")
                .contains("# tuned by the engineer (工程师调整)");
        assertThat(ConfigLoader.load(file)
                        .device("ticket-printer")
                        .orElseThrow()
                        .options())
                .isEqualTo(Map.of("pollMs", "1000"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ReceiptPrinter receiptPrinter() {
        return runtime.devices()
                .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                .orElseThrow();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }
}
