package cn.egov.kiosk.ui.staff;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.awaitVisible;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.texts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.PaymentStep;
import cn.egov.kiosk.payment.StaffPayments;
import cn.egov.kiosk.payment.TestPayments;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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

/**
 * Staff's 缴费与对账 on screen, headless (TestFX on Monocle), with staff's touches: a payment left
 * for staff listed with its ids (the card masked) and its reason, its steps on a tap, settled as
 * reversed after the confirmation (journalled by staff); and today's reconciliation made with the
 * button, after the confirmation that says it closes the terminal's day, listing the differences
 * injected behind the kiosk's back (a sale at the terminal, an order paid on the platform only). The
 * journal is the real one in SQLite; the terminal and the wallet (the platform's orders) are in
 * memory.
 */
@ExtendWith(ApplicationExtension.class)
class PaymentsPanelViewTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final TestPayments world;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final StaffPayments staff;
    private PaymentsPanelViewModel vm;

    PaymentsPanelViewTest() throws Exception {
        Path dir = Files.createTempDirectory("payments-panel");
        world = new TestPayments(dir, 0);
        staff = world.staff();
        i18n.warmUp(world.zone()); // the texts read here, not on the JavaFX thread
    }

    @Start
    void start(Stage stage) {
        vm = new PaymentsPanelViewModel(i18n, tasks, staff, world.zone(), world.clock());
        Scene scene = new Scene(new StackPane(new PaymentsPanelView(vm).root()), 1920, 1080);
        new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.STANDARD).apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        world.close();
    }

    @Test
    void aPaymentLeftForStaffIsListedWithItsStepsAndSettledAfterTheConfirmation(FxRobot robot) {
        world.leftForStaff("order-7", "2027年度城乡居民基本医疗保险", 38000, "no answer from the terminal after 12 tries");
        world.inDoubt("order-8", "签注费", 1500);

        robot.interact(vm::open);
        awaitVisible(robot, "#staff-pay-row-1");
        String manual = texts(robot, "#staff-pay-row-0");
        assertThat(manual)
                .contains("380.00 元", "需人工处理", "银行卡", "order-7", "2027年度城乡居民基本医疗保险")
                .contains("凭证号 R777", "流水号 T777", "卡号 622202******7890")
                .contains("原因：no answer from the terminal after 12 tries")
                .doesNotContain("6222021234567890");
        assertThat(texts(robot, "#staff-pay-row-1")).contains("15.00 元", "已发出，结果不明", "正在自动核实", "order-8");

        robot.clickOn("#staff-pay-row-0");
        await(() -> lines(robot, "#staff-pay-steps") == 3, "three steps shown");
        assertThat(text(robot, "#staff-pay-steps-title")).contains("order-7");
        assertThat(texts(robot, "#staff-pay-steps"))
                .contains("已发出，结果不明 → 待人工处理（经办：自动核实）no answer from the terminal after 12 tries");
        assertThat(robot.lookup("#staff-pay-settle").query().isVisible()).isTrue();

        robot.clickOn("#staff-pay-settle-reversed");
        awaitVisible(robot, "#staff-pay-confirmation");
        assertThat(text(robot, "#staff-pay-question")).contains("order-7", "扣款已冲正", "不能撤销");
        assertThat(world.record("order-7").state())
                .as("nothing is written before the confirmation")
                .isEqualTo(PaymentState.MANUAL);

        robot.clickOn("#staff-pay-confirm");
        await(() -> text(robot, "#staff-pay-message").contains("已记为"), "the settlement said");
        assertThat(text(robot, "#staff-pay-message")).contains("order-7", "扣款已冲正");
        assertThat(world.record("order-7").state()).isEqualTo(PaymentState.REVERSED);
        List<PaymentStep> steps = world.steps("order-7");
        PaymentStep last = steps.get(steps.size() - 1);
        assertThat(last.actor()).isEqualTo(PaymentStep.Actor.STAFF);
        assertThat(last.from()).contains(PaymentState.MANUAL);
        await(
                () -> robot.lookup("#staff-pay-row-1").tryQuery().isEmpty()
                        && texts(robot, "#staff-pay-rows").contains("order-8"),
                "the settled payment leaves the list");
        assertThat(texts(robot, "#staff-pay-rows")).doesNotContain("order-7");

        robot.clickOn("#staff-pay-check-again");
        await(() -> text(robot, "#staff-pay-message").contains("核实完成"), "the recovery ran");
    }

    @Test
    void todaysReconciliationIsMadeAfterTheConfirmationAndListsTheInjectedDifferences(FxRobot robot) {
        world.leftForStaff("order-7", "签注费", 1500, "the terminal did not answer");
        world.saleAtTerminal(2000); // an engineer's test sale, behind the kiosk's back
        world.paidOnPlatformOnly("ghost-1", 990);
        LocalDate today = LocalDate.ofInstant(world.clock().instant(), world.zone());

        robot.interact(vm::open);
        awaitVisible(robot, "#staff-pay-row-0");
        assertThat(text(robot, "#staff-pay-day")).contains(today.minusDays(1).toString());
        assertThat(text(robot, "#staff-pay-totals")).isEqualTo("这一天还没有对账");
        Button after = robot.lookup("#staff-pay-day-after").queryButton();

        robot.clickOn(after);
        await(() -> text(robot, "#staff-pay-day").contains(today.toString()), "today chosen");
        assertThat(after.isDisabled()).as("no day after today").isTrue();

        robot.clickOn("#staff-pay-reconcile");
        awaitVisible(robot, "#staff-pay-confirmation");
        assertThat(text(robot, "#staff-pay-question")).contains(today.toString(), "日结");
        assertThat(staff.report(today))
                .as("nothing is done before the confirmation")
                .isEmpty();

        robot.clickOn("#staff-pay-confirm");
        await(() -> text(robot, "#staff-pay-message").contains("对账完成"), "the reconciliation said");
        await(() -> lines(robot, "#staff-pay-differences") == 3, "three differences shown");
        assertThat(text(robot, "#staff-pay-totals"))
                .contains("本机：缴费 1 笔", "刷卡机日结：交易 1 笔，净额 20.00 元", "平台：当天订单 1 笔", "差异 3 项");
        String differences = texts(robot, "#staff-pay-differences");
        assertThat(differences)
                .contains("银行卡合计不一致：本机净额 0.00 元，刷卡机净额 20.00 元")
                .contains("订单 ghost-1：平台有这笔订单（9.90 元，PAID），本机没有记录")
                .contains("订单 order-7：15.00 元，“待人工处理”，尚未了结")
                .contains("说明：");
        assertThat(staff.report(today)).as("the report is kept").isPresent();
    }

    /** How many labels a node holds. */
    private static int lines(FxRobot robot, String query) {
        return robot.lookup(query + " .label").queryAll().size();
    }
}
