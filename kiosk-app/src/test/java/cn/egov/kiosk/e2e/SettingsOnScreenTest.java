package cn.egov.kiosk.e2e;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.awaitSettingsIdle;
import static cn.egov.kiosk.e2e.OnScreen.openSettings;
import static cn.egov.kiosk.e2e.OnScreen.press;
import static cn.egov.kiosk.e2e.OnScreen.tap;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.type;
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
import cn.egov.kiosk.ui.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
 * 终端设置 on screen, headless, over the whole runtime: staff open it from the PIN pad, move the
 * receipt printer from its simulator to a serial port (a socat pseudo-terminal with a virtual ESC/POS
 * printer at the other end), test it there without saving, save, and the device manager brings it
 * up there (a slip prints on the virtual printer) while the YAML file on disk holds the new
 * connection with its comments; a value the declarations refuse is said and nothing is written; the
 * hall's new name shows without a restart.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsOnScreenTest {

    @TempDir
    Path dir;

    private Path file;
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
        file = dir.resolve("kiosk.yaml");
        Files.writeString(file, """
                # the hall's kiosk (测试)
                kiosk:
                  id: K01
                  # the hall's name (大厅名称)
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
                  # the ID card reader (身份证阅读器)
                  id-reader:
                    class: id-card-reader
                    driver: sim
                    connection: "sim:"
                  # the receipt printer (凭条打印机), simulated until the real one is fitted
                  ticket-printer:
                    class: receipt-printer
                    driver: sim
                    connection: "sim:"
                    options:
                      pollMs: 200
                """);
        kiosk = KioskOnScreen.start(robot, stage, file);
        runtime = kiosk.runtime();
        ui = kiosk.ui();
        await(() -> runtime.devices().health().allHealthy(), "devices healthy");
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void theReceiptPrinterMovedToASerialPortOnScreenWorksThereAndTheFileKeepsItsComments(FxRobot robot)
            throws Exception {
        try (PtyPair pty = PtyPair.start(dir.resolve("pty"))) {
            VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
            printer.serve(new SerialLink(pty.devicePath(), 115200, 8, SerialLink.Parity.NONE, 1), "virtual-printer");
            try {
                openSettings(robot);
                tap(robot, "#settings-device-ticket-printer");
                press(robot, "#settings-driver-escpos");
                press(robot, "#settings-kind-serial");
                type(robot, "#settings-target", pty.hostPath());
                press(robot, "#settings-baud-115200");

                awaitSettingsIdle(robot);
                press(robot, "#settings-test");
                await(
                        () -> text(robot, "#settings-test-result").startsWith("设备正常"),
                        () -> "the test's result (" + text(robot, "#settings-test-result") + ")");
                assertThat(Files.readString(file)).as("a test saves nothing").contains("driver: sim");

                String before = Files.readString(file);
                press(robot, "#settings-save-device");
                await(
                        () -> text(robot, "#settings-message").startsWith("已保存"),
                        () -> "saved (" + text(robot, "#settings-message") + ")");
                await(
                        () -> runtime.devices()
                                .health()
                                .get("ticket-printer")
                                .filter(DeviceHealth::healthy)
                                .map(h -> h.connection().startsWith("serial:"))
                                .orElse(false),
                        "the printer online on the serial port");
                runtime.devices()
                        .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                        .orElseThrow()
                        .print(ReceiptDocument.builder("test")
                                .text("设置测试")
                                .cut()
                                .build());
                assertThat(new EscPosDecoder()
                                .decode(printer.received())
                                .document()
                                .lines())
                        .contains("设置测试");

                String after = Files.readString(file);
                assertThat(after)
                        .contains("connection: \"serial:" + pty.hostPath() + "?baud=115200\"")
                        .contains("driver: escpos")
                        .contains("# the receipt printer (凭条打印机), simulated until the real one is fitted")
                        .contains("# the hall's name (大厅名称)")
                        .doesNotContain("pollMs"); // a simulator's options do not go to another driver
                assertThat(after.lines().count()).isEqualTo(before.lines().count() - 2);
                assertThat(ConfigLoader.load(file)
                                .device("ticket-printer")
                                .orElseThrow()
                                .driver())
                        .isEqualTo("escpos");
            } finally {
                printer.stop();
            }
        }
    }

    @Test
    void aValueTheDeclarationsRefuseIsSaidAndNothingIsWritten(FxRobot robot) throws Exception {
        String before = Files.readString(file);
        openSettings(robot);
        awaitSettingsIdle(robot);
        tap(robot, "#settings-page-offer");
        type(robot, "#settings-hours-monday", "25:00-26:00");
        press(robot, "#settings-save-offer");
        await(
                () -> text(robot, "#settings-message").startsWith("不能保存"),
                () -> "the refusal (" + text(robot, "#settings-message") + ")");

        assertThat(text(robot, "#settings-message")).contains("hours.monday", "closed");
        assertThat(Files.readString(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theHallsNewNameShowsWithoutARestart(FxRobot robot) throws Exception {
        openSettings(robot);
        awaitSettingsIdle(robot);
        tap(robot, "#settings-page-offer");
        type(robot, "#settings-hall-zh", "新区政务服务中心");
        press(robot, "#settings-save-offer");
        await(
                () -> text(robot, "#settings-message").startsWith("已保存"),
                () -> "saved (" + text(robot, "#settings-message") + ")");
        assertThat(Files.readString(file)).contains("新区政务服务中心").contains("# the hall's name (大厅名称)");
        tap(robot, "#settings-close");
        // back on the admin menu: staff leave the admin side
        tap(robot, "#staff-menu-leave");

        await(() -> text(robot, ".attract-hall").equals("新区政务服务中心"), "the new name on the attract screen");
        tap(robot, "#touch-to-start");
        assertThat(ui.navigator().current()).isEqualTo(Screen.HOME);
        await(() -> text(robot, ".hall-name").equals("新区政务服务中心"), "the new name on the home screen");
        assertThat(runtime.live().get().kiosk().hallName().get(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("新区政务服务中心");
    }

    // ---- helpers -------------------------------------------------------------------------------
}
