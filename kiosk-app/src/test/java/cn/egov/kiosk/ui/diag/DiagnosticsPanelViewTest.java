package cn.egov.kiosk.ui.diag;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.awaitVisible;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.texts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.diag.DiagnosticsBundle;
import cn.egov.kiosk.diag.ManagedDeviceDiagnostics;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The engineer's diagnostics on screen, headless (TestFX on Monocle), over a real runtime on
 * simulated devices (the receipt printer is the real ESC/POS driver talking to the virtual printer
 * over an in-memory cable): the devices listed with their state, a device's page with its health at
 * each level and its counters, a test print that reaches the printer (its bytes decoded), a counter
 * reset after the confirmation, a test print failing for want of paper said in plain words, and the
 * serial monitor showing the printer's status polls as they pass.
 */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsPanelViewTest {
    @TempDir
    static Path dir;

    private record Audited(String kind, String actor, Map<String, Object> detail) {}

    private final List<Audited> audited = new CopyOnWriteArrayList<>();
    /** The removable drives "mounted" now. */
    private volatile List<Path> drives = List.of();

    private KioskRuntime runtime;
    private FxTaskRunner tasks;
    private DiagnosticsPanelViewModel vm;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startKiosk(FxRobot robot) throws Exception {
        Path home = dir.resolve("run-" + System.nanoTime());
        runtime = new KioskRuntime(
                TestConfigs.write(home, TestConfigs.SIM_DEVICES),
                Clock.systemUTC(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
        runtime.start();
        KioskFonts.load();
        I18n i18n = new I18n(runtime.config().kiosk().locales());
        i18n.warmUp(runtime.config().kiosk().timeZone());
        tasks = new FxTaskRunner();
        ManagedDeviceDiagnostics diagnostics = new ManagedDeviceDiagnostics(
                runtime.devices(),
                Optional.of(new ManagedDeviceDiagnostics.PageParts(
                        runtime.templates(), runtime.renderings(), runtime.printLog())),
                "K01",
                runtime.clock(),
                runtime.config().kiosk().timeZone(),
                (at, kind, actor, detail) -> audited.add(new Audited(kind, actor, detail)),
                () -> "ENGINEER",
                () -> drives,
                target -> new DiagnosticsBundle(
                                runtime.config(), runtime.config().source(), runtime.clock())
                        .devices(runtime.devices().health().all())
                        .write(target));
        await(
                () -> runtime.devices().health().allHealthy()
                        && runtime.devices().health().all().size() == 4,
                "devices healthy");
        robot.interact(() -> {
            vm = new DiagnosticsPanelViewModel(
                    i18n, tasks, diagnostics, runtime.config().kiosk().timeZone(), runtime.clock());
            scene = new Scene(new StackPane(new DiagnosticsPanelView(vm).root()), 1920, 1080);
            new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.STANDARD).apply(scene);
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> vm.close());
        tasks.close();
        runtime.close();
    }

    @Test
    void theDevicesAreListedAndAPageShowsHealthAtEachLevelCountersAndOnlyTheClassesActions(FxRobot robot)
            throws IOException {
        robot.interact(vm::open);
        awaitVisible(robot, "#diag-row-ticket-printer");
        assertThat(texts(robot, "#diag-rows"))
                .contains("凭条打印机（编号 ticket-printer）", "身份证阅读器（编号 id-reader）")
                .contains("证照打印机（编号 licence-printer）", "刷卡机（编号 payment-terminal）")
                .contains("状态：空闲，正常");

        robot.clickOn("#diag-row-ticket-printer");
        await(() -> texts(robot, "#diag-health").contains("硬件自检：正常"), "the hardware check shown");
        assertThat(text(robot, "#diag-page-title")).isEqualTo("凭条打印机（编号 ticket-printer）");
        assertThat(text(robot, "#diag-page-state")).contains("空闲", "驱动 sim");
        assertThat(texts(robot, "#diag-health")).contains("内部检查（驱动自身）：正常", "实物测试（打印或读卡）：尚未检查");
        assertThat(texts(robot, "#diag-counters")).contains("在线时长：");
        assertThat(texts(robot, "#diag-errors")).contains("自本次启动以来没有错误");
        assertThat(robot.lookup("#diag-action-test-print").tryQuery()).isPresent();
        assertThat(robot.lookup("#diag-action-cut").tryQuery()).isPresent();
        assertThat(robot.lookup("#diag-action-test-read").tryQuery()).isEmpty();
        snapshot("diag-printer-1920x1080.png");
        // every control a finger taps is at least 63 px high at 1920x1080
        robot.lookup("#diag-panel .button").queryAllAs(Button.class).stream()
                .filter(Node::isVisible)
                .forEach(b -> assertThat(b.getHeight()).as(b.getId()).isGreaterThanOrEqualTo(63));

        robot.clickOn("#diag-row-id-reader");
        await(() -> robot.lookup("#diag-action-test-read").tryQuery().isPresent(), "the reader's actions");
        assertThat(robot.lookup("#diag-action-test-print").tryQuery()).isEmpty();
        assertThat(robot.lookup("#diag-action-cut").tryQuery()).isEmpty();
        assertThat(robot.lookup("#diag-action-reconnect").tryQuery()).isPresent();
        assertThat(robot.lookup("#diag-action-self-test").tryQuery()).isPresent();

        robot.interact(() -> stage.setWidth(1280));
        robot.interact(() -> stage.setHeight(800));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("diag-reader-1280x800.png");
    }

    @Test
    void aTestPrintReachesThePrinterAndTheCountersAreResetAfterTheConfirmation(FxRobot robot) {
        robot.interact(vm::open);
        awaitVisible(robot, "#diag-row-ticket-printer");
        robot.clickOn("#diag-row-ticket-printer");
        awaitVisible(robot, "#diag-action-test-print");

        robot.clickOn("#diag-action-test-print");
        await(() -> text(robot, "#diag-message").contains("测试打印完成"), "the test print said");
        ReceiptDocument printed = printer().printed();
        assertThat(printed.lines())
                .contains("打印测试 PRINT TEST", "K01 / ticket-printer", "中文：政务服务 一网通办")
                .contains("012345678901234567890123456789012345678901234567");
        assertThat(printed.cuts()).isEqualTo(1);
        await(() -> texts(robot, "#diag-counters").contains("打印次数：1"), "the print counted");
        assertThat(texts(robot, "#diag-health")).contains("实物测试（打印或读卡）：正常");
        assertThat(audited)
                .contains(new Audited(
                        "device.action",
                        "ENGINEER",
                        Map.of("device", "ticket-printer", "action", "test-print", "result", "ok")));

        robot.clickOn("#diag-reset");
        awaitVisible(robot, "#diag-confirmation");
        assertThat(text(robot, "#diag-question")).contains("ticket-printer", "清零");
        assertThat(stat(DeviceStatistics.PRINTS))
                .as("nothing reset before the confirmation")
                .isEqualTo(1);

        robot.clickOn("#diag-confirm");
        await(() -> text(robot, "#diag-message").contains("计数已清零"), "the reset said");
        assertThat(stat(DeviceStatistics.PRINTS)).isZero();
        await(() -> !texts(robot, "#diag-counters").contains("打印次数：1"), "the counters shown again");
        assertThat(audited)
                .contains(new Audited(
                        "device.action",
                        "ENGINEER",
                        Map.of("device", "ticket-printer", "action", "reset-counters", "result", "ok")));
    }

    @Test
    void aTestPrintWithoutPaperIsSaidInPlainWords(FxRobot robot) {
        printer().apply("paper-out", "");
        await(
                () -> runtime.devices()
                        .health()
                        .get("ticket-printer")
                        .orElseThrow()
                        .problem()
                        .isPresent(),
                "the poll to see paper out");
        robot.interact(vm::open);
        awaitVisible(robot, "#diag-row-ticket-printer");
        assertThat(texts(robot, "#diag-rows")).contains("不能服务");
        robot.clickOn("#diag-row-ticket-printer");
        awaitVisible(robot, "#diag-action-test-print");

        robot.clickOn("#diag-action-test-print");
        await(() -> text(robot, "#diag-message").contains("没有成功"), "the failure said");
        assertThat(text(robot, "#diag-message")).isEqualTo("测试打印没有成功：打印机缺纸，请装入新纸卷后再试。");
        assertThat(text(robot, "#diag-detail")).contains("PAPER_OUT");
        await(() -> texts(robot, "#diag-errors").contains("paper-out"), "the error listed");
        assertThat(printer().printed().lines()).doesNotContain("打印测试 PRINT TEST");
        assertThat(audited)
                .contains(new Audited(
                        "device.action",
                        "ENGINEER",
                        Map.of("device", "ticket-printer", "action", "test-print", "result", "paper_out")));
    }

    @Test
    void theSerialMonitorShowsTheBytesTheTapSeesAndPausesAndClears(FxRobot robot) {
        robot.interact(vm::open);
        awaitVisible(robot, "#diag-row-ticket-printer");
        robot.clickOn("#diag-row-ticket-printer");
        awaitVisible(robot, "#diag-monitor-open");

        robot.clickOn("#diag-monitor-open");
        await(() -> text(robot, "#diag-monitor-status").contains("串口监视：设备 ticket-printer"), "watching");
        // the driver asks the printer's status every 200 ms: DLE EOT n out, one status byte in
        await(() -> lines(robot).stream().anyMatch(l -> l.contains("发") && l.contains("10 04")), "a request");
        await(() -> lines(robot).stream().anyMatch(l -> l.contains("收")), "an answer");
        assertThat(lines(robot).get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  [发收]  .*");

        robot.clickOn("#diag-monitor-pause");
        robot.clickOn("#diag-monitor-clear");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines(robot)).as("nothing added while paused").isEmpty();
        assertThat(robot.lookup("#diag-monitor-pause").queryAs(Button.class).getText())
                .isEqualTo("继续");

        robot.clickOn("#diag-monitor-pause");
        await(() -> !lines(robot).isEmpty(), "lines again");
        snapshot("diag-monitor-1920x1080.png");

        robot.clickOn("#diag-monitor-close");
        awaitVisible(robot, "#diag-action-test-print");
        assertThat(robot.lookup("#diag-monitor").query().isVisible()).isFalse();
    }

    @Test
    void aTestReadOfTheIdCardIsShownMaskedAndTheMonitorMasksTheCardsAnswer(FxRobot robot) throws Exception {
        ResidentIdCard card = DemoCards.resident();
        robot.interact(vm::open);
        awaitVisible(robot, "#diag-row-id-reader");
        robot.clickOn("#diag-row-id-reader");
        awaitVisible(robot, "#diag-action-test-read");
        runtime.simulators().find("id-reader").orElseThrow().apply("insert-card", "");

        robot.clickOn("#diag-action-test-read");
        await(() -> text(robot, "#diag-message").contains("读取成功"), "the read said");
        assertThat(text(robot, "#diag-message"))
                .contains(card.maskedName(), card.maskedNumber())
                .doesNotContain(card.name(), card.number());
        assertThat(texts(robot, "#diag-health")).contains("实物测试（打印或读卡）：正常");

        // the monitor while the card is read again (lifted and placed, read by the kiosk's own call)
        robot.clickOn("#diag-monitor-open");
        await(() -> text(robot, "#diag-monitor-status").contains("串口监视：设备 id-reader"), "watching");
        runtime.simulators().find("id-reader").orElseThrow().apply("remove-card", "");
        await(
                () -> !runtime.devices()
                        .device("id-reader")
                        .orElseThrow()
                        .conditions()
                        .contains(Condition.CARD_PRESENT),
                "the card lifted");
        runtime.simulators().find("id-reader").orElseThrow().apply("insert-card", "");
        IdCardReader reader = runtime.devices()
                .first(DeviceClass.ID_CARD_READER, IdCardReader.class)
                .orElseThrow();
        reader.read(Duration.ofSeconds(5)).wipe();
        await(() -> String.join("\n", lines(robot)).contains("[文字 256 字节 已遮蔽]"), "the card's text masked");
        String all = String.join("\n", lines(robot));
        assertThat(all).contains("AA AA AA 96 69").contains("[文字 256 字节 已遮蔽]");
        snapshot("diag-monitor-id-reader-1920x1080.png");
    }

    @Test
    void theBundleGoesToTheUsbDriveChosenOrNoDriveIsSaid(FxRobot robot) throws IOException {
        robot.interact(vm::open);
        awaitVisible(robot, "#diag-bundle");
        robot.clickOn("#diag-bundle");
        await(() -> text(robot, "#diag-message").contains("没有找到可写的U盘"), "no drive said");

        Path stickA = Files.createDirectories(dir.resolve("media/kiosk/STICK-A"));
        Path stickB = Files.createDirectories(dir.resolve("media/kiosk/STICK-B"));
        drives = List.of(stickA, stickB);
        robot.clickOn("#diag-bundle");
        awaitVisible(robot, "#diag-drive-1");
        assertThat(text(robot, "#diag-message")).contains("找到多个U盘");
        assertThat(robot.lookup("#diag-drive-1").queryAs(Button.class).getText())
                .isEqualTo(stickB.toString());

        robot.clickOn("#diag-drive-1");
        await(() -> text(robot, "#diag-message").contains("诊断包已写入"), "the bundle written");
        List<Path> written;
        try (var files = Files.list(stickB)) {
            written = files.toList();
        }
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getFileName().toString()).matches("kiosk-K01-diag-\\d{8}-\\d{6}\\.zip");
        assertThat(text(robot, "#diag-message")).contains(written.get(0).toString(), "不含个人信息");
        try (var zip = new ZipFile(written.get(0).toFile())) {
            assertThat(zip.getEntry("devices.json")).isNotNull();
            assertThat(zip.getEntry("manifest.json")).isNotNull();
        }
        try (var files = Files.list(stickA)) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(audited)
                .anyMatch(a -> a.kind().equals("diag.bundle") && a.actor().equals("ENGINEER"));
        assertThat(robot.lookup("#diag-drives").query().isVisible()).isFalse();
    }

    private long stat(String name) {
        return runtime.devices()
                .device("ticket-printer")
                .orElseThrow()
                .statistics()
                .get(name);
    }

    private SimulatedReceiptPrinter printer() {
        return runtime.simulators()
                .find("ticket-printer", SimulatedReceiptPrinter.class)
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(FxRobot robot) {
        return List.copyOf(
                robot.lookup("#diag-monitor-lines").queryAs(ListView.class).getItems());
    }

    private void snapshot(String name) {
        Path out = Path.of("target", name);
        try {
            Files.createDirectories(out.getParent());
            WritableImage image =
                    WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile()); // off the JavaFX thread
        } catch (Exception e) {
            throw new AssertionError("snapshot " + name, e);
        }
    }

    @SuppressWarnings("unused")
    private static Instant now() {
        return Instant.now();
    }
}
