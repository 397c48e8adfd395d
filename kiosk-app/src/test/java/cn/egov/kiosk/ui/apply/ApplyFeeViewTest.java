package cn.egov.kiosk.ui.apply;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.texts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.application.ApplicationFees;
import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.catalogue.SampleCatalogue;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.sim.SimulatedDocumentPrinter;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.payment.TestPayments;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.apply.ApplyViewModel.FeeState;
import cn.egov.kiosk.ui.apply.ApplyViewModel.Step;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import cn.egov.kiosk.ui.form.FormViewModel;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The fee step after an application, on screen, headless (TestFX on Monocle), in the elderly theme:
 * the demo resident applies for 往来港澳通行证自助签注 (the simulator's item with a fee of 15 元 and a
 * kiosk form) while the platform is not there (the kiosk's reference names the application), and
 * then pays its fee: by card and the payment receipt printed; declined, then paid; in doubt ("do
 * not pay again"); or not paid at all (the application in all the same, the fee payable at the
 * window or here again). The payments are real over an in-memory terminal and the journal in
 * SQLite; the application goes into a real sealed outbox.
 */
@ExtendWith(ApplicationExtension.class)
class ApplyFeeViewTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final String ITEM = "110101-GA-0035";
    private static final String ID = DemoCards.resident().idNumber();

    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final Path dir;
    private final TestPayments world;
    private final SessionManager sessions;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final Database db;
    private final PrinterRig rig;
    private final SimulatedDocumentPrinter a4;
    private final AtomicInteger delivered = new AtomicInteger();
    private final ApplicationService applications;
    private final Catalogue.Item item = item();
    private ApplyViewModel vm;

    /** The platform books the fee with its order: every paid order is booked (counted). */
    private final Delivery booked = new Delivery() {
        @Override
        public boolean deliverable(PaymentRecord payment) {
            return true;
        }

        @Override
        public boolean deliver(PaymentRecord payment) {
            delivered.incrementAndGet();
            return true;
        }
    };

    ApplyFeeViewTest() throws Exception {
        i18n.warmUp(HALL); // the texts read here, not on the JavaFX thread
        dir = Files.createTempDirectory("apply-fee-view");
        world = new TestPayments(dir, 20);
        sessions = new SessionManager(world.clock(), Duration.ofSeconds(600), Duration.ofSeconds(30));
        db = Database.open(dir.resolve("kiosk.db"));
        rig = new PrinterRig(48, Duration.ofHours(1));
        a4 = new SimulatedDocumentPrinter("licence-printer", StatisticsStore.NONE, Clock.systemUTC());
        a4.open();
        a4.claim(Duration.ofSeconds(1));
        a4.enable();
        a4.outputTray(pdf -> {});
        OutboxRepository outbox = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), world.clock());
        // the sender is never woken into anything: the platform is not there, the kiosk's reference names it
        applications =
                new ApplicationService(new ApplicationRepository(outbox, world.clock()), () -> {}, world.clock(), HALL);
    }

    @Start
    void start(Stage stage) {
        Printing printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                () -> Optional.of(rig.printer),
                () -> Optional.of(a4),
                new PrintRecordRepository(db, "K01"),
                world.clock());
        FeeStepViewModel fee =
                new FeeStepViewModel(i18n, tasks, Platform::runLater, world.clock(), "12345", Duration.ofSeconds(120));
        ApplicationFees fees = new ApplicationFees(world.payments(), booked, () -> world.nextSale("ABORT"));
        vm = new ApplyViewModel(
                i18n,
                sessions,
                LicenceSource.NONE,
                applications,
                Optional.empty(),
                printing,
                tasks,
                world.clock(),
                HALL,
                new FormViewModel(i18n),
                Optional.of(new ApplyViewModel.FeeWiring(
                        fees,
                        fee,
                        List.of(PaymentMethod.CARD, PaymentMethod.QR_SHOWN),
                        Optional.of(printing),
                        () -> "演示区政务服务中心")));
        FinishedViewModel finished =
                new FinishedViewModel(i18n, sessions, new Navigator(), world.clock(), Duration.ofSeconds(30));
        Scene scene = new Scene(new StackPane(new ApplyView(vm, new StackPane(), finished).root()), 1920, 1080);
        new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.ELDERLY).apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        rig.close();
        a4.close();
        db.close();
        world.close();
    }

    private static Catalogue.Item item() {
        return SampleCatalogue.items().stream()
                .filter(i -> i.id().equals(ITEM))
                .findFirst()
                .orElseThrow();
    }

    /** The card read, the item chosen, the form completed and submitted: at the fee step. */
    private void applied(FxRobot robot) {
        robot.interact(() -> {
            sessions.start(ZH).put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
            vm.prepare(item);
            vm.shown();
        });
        await("the card's check", () -> vm.stepProperty().get() == Step.CHECK);
        robot.interact(() -> {
            vm.confirmIdentity();
            field("permitNumber").textProperty().set("C12345678");
            vm.form().choose("endorsement", "1");
            vm.form().choose("destination", "1");
            field("phone").textProperty().set("13800138000");
            assertThat(vm.form().next()).isTrue();
            vm.submit();
        });
        waitFor(robot, "#pay-choose");
    }

    private FormViewModel.FieldModel field(String id) {
        return vm.form().fields().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void await(String what, Callable<Boolean> ok) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, ok);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not come", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(FxRobot robot, String query) {
        await(query + " shown", () -> {
            Node n = robot.lookup(query).query();
            return n != null && shown(n);
        });
    }

    /** Visible with all its parents (the fee step's pages sit in the apply screen's own page). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private PaymentRecord payment() {
        return vm.fee().orElseThrow().paymentProperty().get();
    }

    @Test
    void theApplicationIsInThenItsFeeIsPaidByCardAndBothReceiptsPrint(FxRobot robot) {
        applied(robot);
        String ref = vm.referenceProperty().get();
        assertThat(ref).isNotBlank();
        assertThat(text(robot, "#apply-fee-banner")).contains("申请已提交", ref);
        assertThat(text(robot, "#pay-item")).isEqualTo("往来港澳通行证自助签注");
        assertThat(text(robot, "#pay-amount")).isEqualTo("15.00 元");
        assertThat(text(robot, "#pay-note")).isEqualTo("每次签注15元");
        assertThat(robot.lookup("#pay-amount").queryAs(Label.class).getFont().getSize())
                .as("the amount in large type")
                .isGreaterThanOrEqualTo(64);
        assertThat(robot.lookup("#pay-way-code").query().isVisible())
                .as("a way the kiosk does not offer")
                .isFalse();
        robot.interact(() -> assertThat(vm.busy().get()).isFalse());

        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-paid");
        await("the payment receipt printed", () -> text(robot, "#pay-receipt").contains("已打印"));
        PaymentRecord paid = payment();
        assertThat(paid.dueId()).isEqualTo(DueRef.applicationFee(ref));
        assertThat(paid.serviceId()).isEqualTo(ITEM);
        assertThat(paid.amountFen()).isEqualTo(1500);
        assertThat(world.record(paid.orderRef()).state()).isEqualTo(PaymentState.DELIVERED);
        assertThat(delivered.get()).isEqualTo(1);
        String paper = String.join("\n", rig.printed().lines());
        assertThat(paper)
                .contains("缴 费 凭 证", "往来港澳通行证自助签注", "演示区公安分局", "¥15.00", "银行卡")
                .doesNotContain(ID, "王小明");

        robot.clickOn("#pay-paid-done");
        waitFor(robot, "#apply-done-text");
        assertThat(vm.feeStateProperty().get()).isEqualTo(FeeState.PAID);
        assertThat(text(robot, "#apply-fee-text")).contains("15.00 元已缴纳");
        assertThat(robot.lookup("#apply-fee-pay").query().isVisible()).isFalse();
        await(
                "the acceptance receipt printed",
                () -> vm.receiptProperty().get() == ApplyViewModel.ReceiptState.PRINTED);
    }

    @Test
    void aDeclinedCardIsTriedAgainAndThenPaidOnce(FxRobot robot) {
        applied(robot);
        world.nextSale("DECLINE");
        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-declined");
        assertThat(texts(robot, "#pay-declined")).contains("缴费没有成功", "没有扣款", "代码 F-DECLINED");
        assertThat(vm.feeStateProperty().get()).isEqualTo(FeeState.DUE);

        world.nextSale("APPROVE"); // another card
        robot.clickOn("#pay-declined-again");
        waitFor(robot, "#pay-choose");
        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-paid");
        await("the payment receipt printed", () -> text(robot, "#pay-receipt").contains("已打印"));
        assertThat(world.sales()).isEqualTo(2);
        assertThat(delivered.get()).isEqualTo(1);
        assertThat(vm.feeStateProperty().get()).isEqualTo(FeeState.PAID);
    }

    @Test
    void aPaymentInDoubtSaysDoNotPayAgainAndTheApplicationStaysIn(FxRobot robot) {
        applied(robot);
        world.terminalOffline(true);
        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-in-doubt");
        assertThat(texts(robot, "#pay-in-doubt")).contains("正在和银行核对缴费结果", "请不要重复缴费", "服务热线 12345");
        assertThat(delivered.get()).isZero();

        robot.clickOn("#pay-in-doubt-done");
        waitFor(robot, "#apply-done-text");
        assertThat(vm.feeStateProperty().get()).isEqualTo(FeeState.CHECKING);
        assertThat(text(robot, "#apply-done-text"))
                .contains(vm.referenceProperty().get());
        assertThat(text(robot, "#apply-fee-text")).contains("请不要重复缴费", "申请已提交");
        assertThat(robot.lookup("#apply-fee-pay").query().isVisible())
                .as("no way to pay it again here")
                .isFalse();
    }

    @Test
    void notPayingLeavesTheApplicationInAndTheFeePayableHereOrAtTheWindow(FxRobot robot) {
        applied(robot);
        robot.interact(
                () -> assertThat(vm.back()).as("back from the ways to pay").isTrue());
        waitFor(robot, "#apply-done-text");
        assertThat(vm.feeStateProperty().get()).isEqualTo(FeeState.DUE);
        assertThat(text(robot, "#apply-fee-text")).contains("15.00 元还没有缴纳", "收费标准：每次签注15元", "申请已提交", "服务窗口");
        assertThat(world.sales()).isZero();

        robot.clickOn("#apply-fee-pay");
        waitFor(robot, "#pay-choose");
        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-paid");
        assertThat(payment().dueId())
                .isEqualTo(DueRef.applicationFee(vm.referenceProperty().get()));
    }
}
