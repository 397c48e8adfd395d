package cn.egov.kiosk.ui.insurance;

import static cn.egov.kiosk.e2e.OnScreen.text;
import static cn.egov.kiosk.e2e.OnScreen.texts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.insurance.FakeDues;
import cn.egov.kiosk.insurance.InsuranceDesk;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.payment.TestPayments;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
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
 * 社保缴费 on screen, headless (TestFX on Monocle), in the elderly theme, with a citizen's touches:
 * the dues listed, the medical year paid by card (the receipt printed, the card masked, nothing
 * personal whole on it), declined, in doubt ("do not pay again" with the hotline), the QR code shown
 * large with its countdown and then paid on the phone, the card given up with "cancel" (the terminal
 * told to abort), and the pension's grade chosen. The payments are real over an in-memory terminal
 * and wallet and the journal in SQLite; the platform's dues are in memory.
 */
@ExtendWith(ApplicationExtension.class)
class InsuranceViewTest {
    /** The platform books every due paid (the delivery's own tests are InsuranceDeskTest's and PlatformOrderPaidTest's). */
    private static final Delivery BOOKED = new Delivery() {
        @Override
        public boolean deliverable(PaymentRecord payment) {
            return true;
        }

        @Override
        public boolean deliver(PaymentRecord payment) {
            return true;
        }
    };

    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final String ID = DemoCards.resident().idNumber();

    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final Path dir;
    private final TestPayments world;
    private final SessionManager sessions;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final Database db;
    private final PrinterRig rig;
    private final AtomicInteger aborts = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(0);
    private FakeDues dues = FakeDues.resident();
    private InsuranceViewModel vm;

    InsuranceViewTest() throws Exception {
        i18n.warmUp(HALL); // the texts read here, not on the JavaFX thread
        dir = Files.createTempDirectory("insurance-view");
        world = new TestPayments(dir, 20);
        sessions = new SessionManager(world.clock(), Duration.ofSeconds(600), Duration.ofSeconds(30));
        db = Database.open(dir.resolve("kiosk.db"));
        rig = new PrinterRig(48, Duration.ofHours(1));
        world.onSale(ref -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Start
    void start(Stage stage) {
        Printing printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                () -> Optional.of(rig.printer),
                Optional::empty,
                new PrintRecordRepository(db, "K01"),
                world.clock());
        InsuranceDesk desk = new InsuranceDesk(request -> dues.of(request), world.payments(), BOOKED, () -> {
            aborts.incrementAndGet();
            world.nextSale("ABORT");
            release.countDown();
        });
        FeeStepViewModel fee =
                new FeeStepViewModel(i18n, tasks, Platform::runLater, world.clock(), "12345", Duration.ofSeconds(120));
        vm = new InsuranceViewModel(
                i18n,
                desk,
                tasks,
                sessions,
                HALL,
                Optional.of(printing),
                () -> "演示区政务服务中心",
                List.of(PaymentMethod.CARD, PaymentMethod.QR_SHOWN, PaymentMethod.QR_SCANNED),
                fee);
        Scene scene = new Scene(new StackPane(new InsuranceView(vm).root()), 1920, 1080);
        new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.ELDERLY).apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        rig.close();
        db.close();
        world.close();
    }

    private void open(FxRobot robot) {
        robot.interact(() -> {
            sessions.start(ZH).put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
            vm.start();
            vm.shown();
        });
        waitFor(robot, "#insurance-list");
    }

    private static void waitFor(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                Node n = robot.lookup(query).query();
                return n != null && n.isVisible();
            });
        } catch (TimeoutException e) {
            throw new AssertionError(query + " was not shown", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDuesThenTheMedicalYearPaidByCardWithItsReceipt(FxRobot robot) {
        open(robot);
        assertThat(texts(robot, "#insurance-row-0")).contains("2027年度 城乡居民基本医疗保险", "应缴 380.00 元", "待缴费");
        assertThat(texts(robot, "#insurance-row-1")).contains("本年度无需缴费", "已按月领取");
        assertThat(texts(robot, "#insurance-row-2")).contains("已缴 360.00 元", "已缴费");
        Node paidYear = robot.lookup("#insurance-row-2").query();
        assertThat(paidYear).as("a paid year is not a button").isNotInstanceOf(Button.class);

        robot.clickOn("#insurance-row-0");
        waitFor(robot, "#pay-choose");
        assertThat(text(robot, "#pay-amount")).isEqualTo("380.00 元");
        Label amount = robot.lookup("#pay-amount").queryAs(Label.class);
        assertThat(amount.getFont().getSize()).as("the amount in large type").isGreaterThanOrEqualTo(64);
        Button card = robot.lookup("#pay-way-card").queryButton();
        assertThat(card.getHeight()).as("a way to pay is a large target").isGreaterThanOrEqualTo(100);

        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-paid");
        assertThat(text(robot, "#pay-paid-text")).contains("380.00", "622202******7890");
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> text(robot, "#pay-receipt").contains("已打印"));
        } catch (TimeoutException e) {
            throw new AssertionError(text(robot, "#pay-receipt"), e);
        }
        String paper = String.join("\n", rig.printed().lines());
        assertThat(paper)
                .contains("缴 费 凭 证", "2027年度城乡居民基本医疗保险", "¥380.00", "银行卡", "622202******7890")
                .doesNotContain(ID, "王小明", "6222021234567890");

        robot.clickOn("#pay-paid-done");
        waitFor(robot, "#insurance-list");
    }

    @Test
    void aDeclinedCardIsSaidInPlainWordsWithItsCodeAndCanBeTriedAgain(FxRobot robot) {
        open(robot);
        world.nextSale("DECLINE");
        robot.clickOn("#insurance-row-0");
        waitFor(robot, "#pay-choose");
        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-declined");
        assertThat(texts(robot, "#pay-declined")).contains("缴费没有成功", "没有扣款", "代码 F-DECLINED");

        robot.clickOn("#pay-declined-again");
        waitFor(robot, "#pay-choose");
    }

    @Test
    void aSaleWithoutAnAnswerIsInDoubtAndTheCitizenIsToldNotToPayAgain(FxRobot robot) {
        open(robot);
        world.terminalOffline(true);
        robot.clickOn("#insurance-row-0");
        waitFor(robot, "#pay-choose");
        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-in-doubt");
        assertThat(texts(robot, "#pay-in-doubt")).contains("正在和银行核对缴费结果", "请不要重复缴费", "服务热线 12345", "代码 F-IN-DOUBT");
        assertThat(robot.lookup("#pay-in-doubt .primary-button").queryAll())
                .as("no 'try again'")
                .isEmpty();
    }

    @Test
    void theQrCodeIsShownLargeWithItsCountdownThenPaidOnThePhone(FxRobot robot) {
        open(robot);
        world.payAtQuery(0); // nobody pays yet
        robot.clickOn("#insurance-row-0");
        waitFor(robot, "#pay-choose");
        robot.clickOn("#pay-way-qr");
        waitFor(robot, "#pay-qr");
        ImageView code = robot.lookup("#pay-qr-code").queryAs(ImageView.class);
        assertThat(code.getImage()).isNotNull();
        assertThat(code.getBoundsInParent().getWidth()).as("the code large").isGreaterThanOrEqualTo(400);
        assertThat(text(robot, "#pay-qr-amount")).isEqualTo("380.00 元");
        assertThat(text(robot, "#pay-qr-countdown")).matches("请在 \\d+ 秒内完成支付");
        assertThat(robot.lookup("#pay-qr-cancel").queryButton().isVisible()).isTrue();

        world.payAtQuery(1); // the phone pays: the next question hears it
        waitFor(robot, "#pay-paid");
        assertThat(text(robot, "#pay-paid-text")).contains("380.00", "手机支付");
    }

    @Test
    void cancelAtTheTerminalAbortsTheSaleAndNothingIsTaken(FxRobot robot) {
        release = new CountDownLatch(1);
        open(robot);
        robot.clickOn("#insurance-row-0");
        waitFor(robot, "#pay-choose");
        robot.clickOn("#pay-way-card");
        waitFor(robot, "#pay-card");
        assertThat(texts(robot, "#pay-card")).contains("请插入或挥动银行卡", "380.00 元");

        robot.clickOn("#pay-card-cancel");
        waitFor(robot, "#pay-cancelled");
        assertThat(aborts.get()).isEqualTo(1);
        assertThat(texts(robot, "#pay-cancelled")).contains("缴费已取消", "没有扣款");
    }

    @Test
    void thePensionsGradeIsChosenBeforeTheFeeStep(FxRobot robot) {
        dues = FakeDues.pensioner();
        open(robot);
        assertThat(texts(robot, "#insurance-row-0")).contains("城乡居民基本养老保险", "按档次缴费");

        robot.clickOn("#insurance-row-0");
        waitFor(robot, "#insurance-grade");
        assertThat(robot.lookup(".insurance-grade").queryAll()).hasSize(10);
        assertThat(robot.lookup("#insurance-grade-2").queryButton().getText()).isEqualTo("500.00 元");

        robot.clickOn("#insurance-grade-2");
        waitFor(robot, "#pay-choose");
        assertThat(text(robot, "#pay-amount")).isEqualTo("500.00 元");
        // back: to the grades, then to the list
        robot.interact(() -> assertThat(vm.back()).isTrue());
        waitFor(robot, "#insurance-grade");
        robot.interact(() -> assertThat(vm.back()).isTrue());
        waitFor(robot, "#insurance-list");
    }
}
