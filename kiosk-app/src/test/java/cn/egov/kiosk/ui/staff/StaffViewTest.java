package cn.egov.kiosk.ui.staff;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.awaitVisible;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.admin.AuditLog;
import cn.egov.kiosk.admin.PinHasher;
import cn.egov.kiosk.admin.Role;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.store.AdminRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The PIN pad and the admin menu on screen, headless (TestFX on Monocle), with taps: the right PIN
 * opens the role's menu, a wrong one says so, five wrong shut the pad for a minute and five more for
 * two, and a restart (a new database connection, gate, ViewModel and view over the same SQLite
 * file, the same controllable clock) is still shut. The PIN checks run off the JavaFX thread
 * (BlockHound watches it); the hash is PBKDF2 with fewer iterations, to be quick.
 */
@ExtendWith(ApplicationExtension.class)
class StaffViewTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T14:00:00Z"));
    private final AuditLog audit = new AuditLog();
    private final AtomicInteger payments = new AtomicInteger();
    private final Path dir;
    private Database db;
    private StaffViewModel vm;
    private StackPane host;

    StaffViewTest() throws Exception {
        dir = Files.createTempDirectory("staff-view");
        i18n.warmUp(ZoneId.of("Asia/Shanghai")); // the texts read here, not on the JavaFX thread
        db = Database.open(dir.resolve("kiosk.db"));
        gate().prepare(true); // the demo's PINs
    }

    private AdminGate gate() {
        return new AdminGate(new AdminRepository(db), new PinHasher(1_000), audit, clock, dir);
    }

    /** A new ViewModel and view over the gate of the current database, shown in the stage. */
    private void showNewPad() {
        vm = new StaffViewModel(i18n, clock, tasks, gate(), () -> {})
                .entry("payments", Msg.STAFF_PAYMENTS, EnumSet.of(Role.STAFF), payments::incrementAndGet);
        host.getChildren().setAll(new StaffView(vm).root());
    }

    @Start
    void start(Stage stage) {
        host = new StackPane();
        showNewPad();
        Scene scene = new Scene(host, 1920, 1080);
        new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.STANDARD).apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
    }

    private void enter(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#staff-pin-" + c);
        }
        robot.clickOn("#staff-pin-submit");
        await(() -> !vm.busyProperty().get(), "the entry checked");
    }

    @Test
    void theRightPinOpensTheRolesMenu(FxRobot robot) {
        robot.interact(vm::open);
        awaitVisible(robot, "#staff-pin-1");

        enter(robot, "246810");

        awaitVisible(robot, "#staff-menu-payments");
        assertThat(text(robot, "#staff-title")).isEqualTo("管理菜单（工作人员）");
        assertThat(robot.lookup("#staff-menu-change-pin").queryAs(Button.class).getText())
                .isEqualTo("修改密码");
        assertThat(robot.lookup("#staff-menu-exit").queryAs(Button.class).isVisible())
                .isTrue();
        assertThat(robot.lookup("#staff-pad").query().isVisible()).isFalse();
        assertThat(robot.lookup("#staff-menu-payments")
                        .query()
                        .getBoundsInParent()
                        .getHeight())
                .as("a finger's target")
                .isGreaterThanOrEqualTo(63);
        robot.clickOn("#staff-menu-payments");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(payments).hasValue(1);

        robot.clickOn("#staff-menu-leave");
        await(() -> !vm.visibleProperty().get(), "the admin session ended");
        await(() -> audit.lines().contains("admin.exit STAFF {role=STAFF, why=button}"), "the exit audited");

        robot.interact(vm::open);
        awaitVisible(robot, "#staff-pin-1");
        enter(robot, "13572468");
        awaitVisible(robot, "#staff-menu-change-pin");
        assertThat(text(robot, "#staff-title")).isEqualTo("管理菜单（工程师）");
        assertThat(robot.lookup("#staff-menu-payments").tryQuery()).isEmpty();
    }

    @Test
    void aWrongPinSaysSo(FxRobot robot) {
        robot.interact(vm::open);
        awaitVisible(robot, "#staff-pin-1");

        enter(robot, "864209");

        await(() -> text(robot, "#staff-pin-message").equals("密码错误，请重新输入"), "the wrong PIN said");
        assertThat(text(robot, "#staff-pin-display")).isEmpty();
        assertThat(vm.roleProperty().get()).isNull();
    }

    @Test
    void fiveWrongShutThePadForAMinuteFiveMoreForTwoAndARestartKeepsItShut(FxRobot robot) {
        robot.interact(vm::open);
        awaitVisible(robot, "#staff-pin-1");
        for (int i = 0; i < 4; i++) {
            enter(robot, "000001");
            await(() -> text(robot, "#staff-pin-message").equals("密码错误，请重新输入"), "wrong " + i);
        }
        enter(robot, "000001");
        await(() -> text(robot, "#staff-pin-message").equals("错误次数过多，请 60 秒后再试"), "shut for a minute");

        enter(robot, "246810"); // the right PIN, not even checked
        await(() -> text(robot, "#staff-pin-message").equals("错误次数过多，请 60 秒后再试"), "still shut");
        assertThat(vm.roleProperty().get()).isNull();
        clock.advance(Duration.ofSeconds(20));
        robot.interact(vm::tick);
        assertThat(text(robot, "#staff-pin-message")).isEqualTo("错误次数过多，请 40 秒后再试");

        clock.advance(Duration.ofSeconds(40));
        robot.interact(vm::tick);
        assertThat(text(robot, "#staff-pin-message")).isEqualTo("请输入管理密码");
        for (int i = 0; i < 5; i++) {
            enter(robot, "000001");
            await(() -> !vm.busyProperty().get(), "checked");
        }
        await(() -> text(robot, "#staff-pin-message").equals("错误次数过多，请 120 秒后再试"), "shut for two minutes");

        // a restart: the kiosk's store opened again, a new pad over it, thirty seconds later
        clock.advance(Duration.ofSeconds(30));
        db.close();
        db = Database.open(dir.resolve("kiosk.db"));
        robot.interact(this::showNewPad);
        robot.interact(vm::open);
        await(() -> text(robot, "#staff-pin-message").equals("错误次数过多，请 90 秒后再试"), "still shut after a restart");
        enter(robot, "246810");
        await(() -> text(robot, "#staff-pin-message").equals("错误次数过多，请 90 秒后再试"), "the right PIN still refused");
        assertThat(vm.roleProperty().get()).isNull();

        clock.advance(Duration.ofSeconds(90));
        enter(robot, "246810");
        await(() -> vm.roleProperty().get() == Role.STAFF, "the right PIN after the lock");
        assertThat(audit.ofKind("admin.lockout"))
                .extracting(e -> e.detail().get("seconds"))
                .containsExactly(60L, 120L);
        assertThat(audit.lines()).noneMatch(l -> l.contains("000001") || l.contains("246810"));
    }
}
