package cn.egov.kiosk.e2e;

import static cn.egov.kiosk.e2e.OnScreen.DEMO_STAFF_PIN;
import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.enterPin;
import static cn.egov.kiosk.e2e.OnScreen.openStaffPad;
import static cn.egov.kiosk.e2e.OnScreen.signIn;
import static cn.egov.kiosk.e2e.OnScreen.tap;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.visible;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.today.DaySummary;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskUi;
import cn.egov.kiosk.ui.Screen;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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
 * The kiosk end to end, headless (TestFX on Monocle): the whole runtime on simulated devices, the
 * real screens, a citizen's touches. As in the kiosk, the runtime is built, the font loaded and
 * the texts warmed up off the JavaFX thread, and only the screens on it.
 */
@ExtendWith(ApplicationExtension.class)
class QueueTicketFlowTest {
    @TempDir
    static Path dir;

    private KioskRuntime runtime;
    private KioskUi ui;
    private KioskOnScreen kiosk;
    private Stage stage;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private volatile boolean exited;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startKiosk(FxRobot robot) {
        Path home = dir.resolve("run-" + System.nanoTime());
        kiosk = KioskOnScreen.start(
                robot,
                stage,
                new KioskRuntime(
                        TestConfigs.write(home, TestConfigs.SIM_DEVICES),
                        clock,
                        new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))),
                () -> exited = true);
        runtime = kiosk.runtime();
        ui = kiosk.ui();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void citizenTakesANumberAndTheTicketIsPrinted(FxRobot robot) throws Exception {
        awaitHealthy();
        tap(robot, "#touch-to-start");
        assertThat(ui.navigator().current()).isEqualTo(Screen.HOME);
        tap(robot, "#tile-queue_ticket");
        assertThat(ui.navigator().current()).isEqualTo(Screen.TICKET);
        tap(robot, "#type-A");
        await(() -> "A001".equals(text(robot, "#ticket-number")), "the number on screen");

        Ticket ticket = onlyTicketOfToday();
        assertThat(ticket.status()).isEqualTo(TicketStatus.PRINTED);
        ReceiptDocument printed = printer().printed();
        assertThat(printed.lines()).contains("A001", "综合受理", "测试区政务服务中心");
        assertThat(printed.qrPayloads()).containsExactly(ticket.id());
        assertThat(ticket.id()).isEqualTo("K01-20261128-A001");
        assertThat(printed.cuts()).isEqualTo(1);
        // the hall's calls are not known yet: no count of people ahead is made up
        assertThat(text(robot, "#ticket-ahead")).isEmpty();

        tap(robot, "#ticket-finish");
        assertThat(ui.navigator().current()).isEqualTo(Screen.ATTRACT);
        assertThat(runtime.sessions().current()).isEmpty();

        // the day at a glance counts it: the flow started and finished, the ticket, its print
        runtime.dayRecorder().flush();
        DaySummary day = runtime.dayFigures().of(runtime.dayFigures().today());
        assertThat(day.flows()).containsExactly(new DaySummary.FlowCount("ticket", 1, 1, 0));
        assertThat(day.tickets().issued()).isEqualTo(1);
        assertThat(day.prints().printed()).isEqualTo(1);
    }

    @Test
    void afterTheNumberTheSessionEndsByItselfUnlessTheCitizenChoosesAnotherService(FxRobot robot) throws Exception {
        awaitHealthy();
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        tap(robot, "#type-A");
        await(() -> "A001".equals(text(robot, "#ticket-number")), "the number on screen");
        assertThat(text(robot, "#ticket-countdown")).isEqualTo("15 秒后自动退出");
        assertThat(text(robot, "#ticket-other")).isEqualTo("办理其他业务");
        assertThat(text(robot, "#ticket-finish")).isEqualTo("退出");

        tap(robot, "#ticket-other"); // another service: the session goes on
        assertThat(ui.navigator().current()).isEqualTo(Screen.HOME);
        tap(robot, "#tile-queue_ticket");
        tap(robot, "#type-B");
        await(() -> "B001".equals(text(robot, "#ticket-number")), "the second number");
        clock.advance(Duration.ofSeconds(10));
        robot.interact(() -> ui.finished().tick());
        assertThat(text(robot, "#ticket-countdown")).isEqualTo("5 秒后自动退出");

        clock.advance(Duration.ofSeconds(5));
        robot.interact(() -> ui.finished().tick());

        assertThat(ui.navigator().current())
                .as("15 s after the number, not the 60 s inactivity limit")
                .isEqualTo(Screen.ATTRACT);
        assertThat(runtime.sessions().current()).isEmpty();
    }

    @Test
    void paperOutDuringTheFlowVoidsTheNumberAndSaysWhy(FxRobot robot) throws Exception {
        awaitHealthy();
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        printer().apply("paper-out-during-job", "60"); // the roll ends part-way through the ticket
        tap(robot, "#type-B");
        await(() -> robot.lookup("#ticket-failed").query().isVisible(), "the failure screen");

        assertThat(text(robot, "#ticket-failure-reason")).isEqualTo("号票打印机没纸了。");
        assertThat(text(robot, "#ticket-failure-code")).isEqualTo("代码 T-PAPER-OUT");
        assertThat(text(robot, "#ticket-voided")).isEqualTo("号码 B001 已作废，不会被叫号。 如有打出的半张号票，请勿使用。");
        assertThat(onlyTicketOfToday().status()).isEqualTo(TicketStatus.VOIDED);

        tap(robot, "#ticket-failed-finish");
        await(
                () -> !robot.lookup("#tile-queue_ticket").tryQuery().isPresent()
                        || ui.navigator().current() == Screen.ATTRACT,
                "back to attract");
        // the attract screen now says why 取号 is out of service
        await(() -> text(robot, "#service-queue_ticket").contains("打印机没纸了"), "the reason on the attract screen");
    }

    @Test
    void whileTheTicketPrintsTheCitizenCannotLeaveTheScreen(FxRobot robot) throws Exception {
        awaitHealthy();
        printer().printer().setLineDelay(Duration.ofMillis(100)); // a slow mechanism
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        tap(robot, "#type-A");
        await(() -> robot.lookup("#ticket-printing").query().isVisible(), "the printing screen");

        assertThat(robot.lookup("#nav-home").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#nav-back").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#nav-exit").queryAs(Button.class).isDisabled()).isTrue();

        await(() -> "A001".equals(text(robot, "#ticket-number")), "the number on screen");
        assertThat(robot.lookup("#nav-home").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void paperOutKnownBeforehandSpendsNoNumber(FxRobot robot) throws Exception {
        awaitHealthy();
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        printer().apply("paper-out");
        await(
                () -> runtime.devices()
                        .health()
                        .first(DeviceClass.RECEIPT_PRINTER)
                        .orElseThrow()
                        .problem()
                        .isPresent(),
                "the poll to see paper out");
        tap(robot, "#type-A");
        await(() -> robot.lookup("#ticket-failed").query().isVisible(), "the failure screen");

        assertThat(text(robot, "#ticket-failure-reason")).isEqualTo("号票打印机没纸了。");
        assertThat(text(robot, "#ticket-voided")).isEmpty();
        assertThat(runtime.queue().ticketsOfDay(runtime.queue().today())).isEmpty();
    }

    @Test
    void anUnhealthyPrinterDisablesTheTileWithTheReason(FxRobot robot) throws Exception {
        awaitHealthy();
        printer().apply("cover-open");
        await(() -> !runtime.features().of(Feature.QUEUE_TICKET).available(), "the feature to go unavailable");
        tap(robot, "#touch-to-start");
        await(() -> robot.lookup("#tile-queue_ticket").queryAs(Button.class).isDisabled(), "the tile to be disabled");
        assertThat(text(robot, "#tile-problem-queue_ticket")).isEqualTo("暂停服务：打印机的盖子没有关好。请到人工窗口办理，工作人员会帮您。");
        tap(robot, "#tile-queue_ticket");
        assertThat(ui.navigator().current()).isEqualTo(Screen.HOME);
        printer().apply("cover-close");
        await(() -> !robot.lookup("#tile-queue_ticket").queryAs(Button.class).isDisabled(), "the tile to come back");
    }

    @Test
    void languageAndElderlyModeSwitchAndAreResetForTheNextCitizen(FxRobot robot) {
        tap(robot, "#touch-to-start");
        tap(robot, "#language-switch");
        assertThat(ui.i18n().locale()).isEqualTo(Locale.forLanguageTag("en"));
        assertThat(robot.lookup("#nav-home").queryAs(Button.class).getText()).isEqualTo("Home");
        tap(robot, "#elderly-switch");
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("elderly.css"));
        tap(robot, "#nav-exit");
        assertThat(ui.navigator().current()).isEqualTo(Screen.ATTRACT);
        assertThat(ui.i18n().locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("standard.css"));
    }

    @Test
    void inactivityWarnsThenEndsTheSession(FxRobot robot) {
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        clock.advance(Duration.ofSeconds(61));
        await(() -> visible(robot, "#inactivity-warning"), "the inactivity warning");
        tap(robot, "#inactivity-continue");
        assertThat(visible(robot, "#inactivity-warning")).isFalse();
        assertThat(ui.navigator().current()).isEqualTo(Screen.TICKET);
        clock.advance(Duration.ofSeconds(81));
        await(() -> ui.navigator().current() == Screen.ATTRACT, "the session to end");
        assertThat(runtime.sessions().current()).isEmpty();
    }

    @Test
    void theWindowRefusesToCloseAndTheStaffMenuClosesIt(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isTrue();
        openStaffPad(robot);
        assertThat(visible(robot, "#staff-pin")).isTrue();
        enterPin(robot, DEMO_STAFF_PIN);
        await(() -> visible(robot, "#staff-menu-exit"), "the staff menu");
        assertThat(exited).isFalse();
        tap(robot, "#staff-menu-exit");
        await(() -> exited, "the program to close");
    }

    @Test
    void theStaffMenusPanelLiesAboveItAndNinetySecondsWithoutATouchCloseBoth(FxRobot robot) {
        signIn(robot, DEMO_STAFF_PIN);
        tap(robot, "#staff-menu-payments");
        await(() -> visible(robot, "#staff-payments"), "缴费与对账 open");
        Node panel = robot.lookup("#staff-payments").query();
        Node menu = robot.lookup("#staff-pin").query();
        assertThat(panel.getParent()).isSameAs(menu.getParent());
        assertThat(panel.getParent().getChildrenUnmodifiable().indexOf(panel))
                .as("the panel lies above the menu")
                .isGreaterThan(panel.getParent().getChildrenUnmodifiable().indexOf(menu));
        assertThat(visible(robot, "#staff-pin")).as("the menu waits under it").isTrue();

        clock.advance(Duration.ofSeconds(91));

        await(() -> !visible(robot, "#staff-payments") && !visible(robot, "#staff-pin"), "the admin session ended");
        assertThat(ui.staff().roleProperty().get()).isNull();
        assertThat(exited).isFalse();
    }

    @Test
    void chineseIsDrawnWithTheBundledCjkFont(FxRobot robot) {
        Label hall = robot.lookup(".attract-hall").queryAs(Label.class);
        assertThat(hall.getText()).isEqualTo("测试区政务服务中心");
        assertThat(Font.getFamilies()).contains(KioskFonts.FAMILY);
        assertThat(hall.getFont().getFamily()).isEqualTo(KioskFonts.FAMILY);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private SimulatedReceiptPrinter printer() {
        return runtime.simulators()
                .find("ticket-printer", SimulatedReceiptPrinter.class)
                .orElseThrow();
    }

    private Ticket onlyTicketOfToday() {
        List<Ticket> tickets = runtime.queue().ticketsOfDay(runtime.queue().today());
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }

    private void awaitHealthy() {
        await(
                () -> runtime.devices().health().allHealthy()
                        && runtime.devices().health().all().size() == 4,
                "devices healthy");
        WaitForAsyncUtils.waitForFxEvents();
    }
}
