package cn.egov.kiosk.ui.progress;

import static cn.egov.kiosk.progress.FakeProgress.held;
import static cn.egov.kiosk.progress.FakeProgress.progress;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Applications.Status;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.progress.FakeProgress;
import cn.egov.kiosk.progress.HeldApplications.Standing;
import cn.egov.kiosk.progress.ProgressService;
import cn.egov.kiosk.progress.Tracked;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.StoreException;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.progress.ProgressViewModel.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 办件进度 on screen, every branch, with the platform and the kiosk's own applications in memory
 * (the real ones: {@code PlatformProgressSourceTest}) and background work run at once.
 */
class ProgressViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final String ID = DemoCards.resident().idNumber();
    /** Monday 7 December 2026, 10:00 in the hall. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), HALL);

    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final SessionManager sessions = new SessionManager(CLOCK, Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final FakeProgress.Platform platform = new FakeProgress.Platform();
    private final FakeProgress.Held held = new FakeProgress.Held();

    @TempDir
    Path dir;

    private int signIns;
    private final ProgressViewModel vm = viewModel(Optional.empty());

    private ProgressViewModel viewModel(Optional<Printing> printing) {
        return new ProgressViewModel(
                i18n,
                new ProgressService(platform, held),
                TaskRunner.DIRECT,
                sessions,
                CLOCK,
                HALL,
                "12345",
                true,
                true,
                () -> signIns++,
                printing,
                () -> "演示区政务服务中心");
    }

    private Session signIn() {
        Session s = sessions.current().orElseGet(() -> sessions.start(ZH));
        s.put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
        return s;
    }

    private void demoCitizensThreeApplications() {
        platform.byPerson.put(
                ID,
                List.of(
                        progress(
                                "SQ20261128000123",
                                "个体工商户设立登记",
                                Status.COMPLETED,
                                "2026-11-28T09:12:05",
                                "结果已邮寄，请注意查收",
                                new Applications.Result(
                                        Applications.Delivery.POSTAL, LocalDate.of(2026, 11, 30), null, "SF1234567890"),
                                "申请",
                                "已提交",
                                "办结",
                                "准予登记"),
                        progress(
                                "SQ20261202000456",
                                "居住证签注",
                                Status.APPROVED,
                                "2026-12-02T14:30:00",
                                "请带身份证到窗口领取",
                                new Applications.Result(
                                        Applications.Delivery.COLLECT, LocalDate.of(2026, 12, 4), "政务服务中心一楼5号窗口", null),
                                "收件",
                                "已接收"),
                        progress(
                                "SQ20261205000789",
                                "户籍证明开具",
                                Status.IN_REVIEW,
                                "2026-12-05T09:30:00",
                                "等待公安分局审核，承诺于2026年12月15日前办结",
                                null,
                                "收件",
                                "已接收",
                                "受理",
                                "材料齐全")));
    }

    @Test
    void itStartsByAskingHowToLookUp() {
        vm.start();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(vm.byPersonText().get()).isEqualTo("刷身份证 / 扫APP码");
        assertThat(vm.back()).as("back at the first step leaves the screen").isFalse();
        vm.scanReceipt();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.SCAN);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
    }

    @Test
    void byCardTheCitizenSignsInFirstThenSeesSeveralApplicationsNewestFirstAndChoosesOne() {
        demoCitizensThreeApplications();
        sessions.start(ZH);
        vm.start();

        vm.byPerson();
        assertThat(signIns).as("through the login step").isEqualTo(1);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        vm.shown(); // back without an identity (the citizen went home from the login): nothing yet
        assertThat(platform.asked).isEmpty();

        signIn();
        vm.shown();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.LIST);
        assertThat(vm.listTitle().get()).isEqualTo("查到3件申请，请点一件查看进度");
        assertThat(vm.applications())
                .extracting(Tracked::reference)
                .containsExactly("SQ20261205000789", "SQ20261202000456", "SQ20261128000123");
        assertThat(vm.rowSummary(vm.applications().get(0))).isEqualTo("正在审核\n12月5日 星期六 上午9:30提交");

        vm.choose(0);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DETAIL);
        Tracked t = vm.selectedProperty().get();
        assertThat(vm.statusText(t)).isEqualTo("正在审核");
        assertThat(vm.numberText(t)).isEqualTo("受理编号：SQ20261205000789");
        assertThat(vm.nextText(t)).isEqualTo("等待公安分局审核，承诺于2026年12月15日前办结");
        assertThat(vm.deadlineText(t)).isEqualTo("承诺办结日期：12月15日 星期二");
        assertThat(vm.resultText(t)).isEmpty();
        assertThat(vm.stepLines(t))
                .containsExactly(
                        new ProgressViewModel.StepLine("12月5日 星期六 上午9:30", "收件", "已接收", "办理：演示区政务服务中心"),
                        new ProgressViewModel.StepLine("12月5日 星期六 上午11:30", "受理", "材料齐全", "办理：演示区政务服务中心"));

        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).as("back to the list").isEqualTo(Step.LIST);
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void theResultSaysWhenAndWhereToCollectItOrThatItWasMailedWithItsTrackingNumber() {
        demoCitizensThreeApplications();
        signIn();
        vm.byPerson();
        assertThat(signIns).as("signed in already: no login step").isZero();

        vm.choose(1);
        Tracked collect = vm.selectedProperty().get();
        assertThat(vm.resultText(collect)).isEqualTo("结果可以领取了，领取地点：政务服务中心一楼5号窗口");
        assertThat(vm.deadlineText(collect)).isEqualTo("承诺办结日期：12月12日 星期六");
        vm.back();
        vm.choose(2);
        Tracked mailed = vm.selectedProperty().get();
        assertThat(vm.statusText(mailed)).isEqualTo("已办结");
        assertThat(vm.resultText(mailed)).isEqualTo("结果已于11月30日 星期一邮寄，快递单号：SF1234567890");
        assertThat(vm.deadlineText(mailed)).as("done: no promise left to keep").isEmpty();

        i18n.setLocale(Locale.ENGLISH);
        assertThat(vm.resultText(mailed))
                .isEqualTo("The result was posted on Monday 30 November. Tracking number: SF1234567890");
        assertThat(vm.statusText(mailed)).isEqualTo("Completed");
    }

    @Test
    void aResultNotReadyYetSaysFromWhichDay() {
        platform.byCode.put(
                "SQ20261202000456",
                List.of(progress(
                        "SQ20261202000456",
                        "居住证签注",
                        Status.APPROVED,
                        "2026-12-02T14:30:00",
                        null,
                        new Applications.Result(
                                Applications.Delivery.COLLECT, LocalDate.of(2026, 12, 9), "一楼5号窗口", null))));
        vm.queryCode("SQ20261202000456");

        assertThat(vm.stepProperty().get()).as("one application: shown at once").isEqualTo(Step.DETAIL);
        Tracked t = vm.selectedProperty().get();
        assertThat(vm.resultText(t)).isEqualTo("12月9日 星期三起可以领取结果，领取地点：一楼5号窗口");
        assertThat(vm.nextText(t)).as("the platform said nothing of it").isEmpty();
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
    }

    @Test
    void aPersonWithNoApplicationsIsToldSoPlainly() {
        signIn();
        vm.byPerson();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.NONE);
        assertThat(vm.applications()).isEmpty();
        assertThat(vm.offlineProperty().get()).isFalse();
    }

    @Test
    void aCodeNobodyKnowsIsSaidPlainlyAndAnotherCanBeScanned() {
        vm.start();
        vm.queryCode("SQ20991231000001");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.UNKNOWN_CODE);
        assertThat(platform.asked).containsExactly("SQ20991231000001");

        vm.scanAgain();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.SCAN);
    }

    @Test
    void theKiosksOwnApplicationsAreShownAsSavedHereNeverAsNotFound() {
        held.byCode.put(
                "KS-1A2B-3C4D-5E6F",
                List.of(held("KS-1A2B-3C4D-5E6F", "户籍证明开具", "2026-12-07T09:40:00", Standing.SAVED, null)));

        vm.queryCode("KS-1A2B-3C4D-5E6F");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DETAIL);
        Tracked t = vm.selectedProperty().get();
        assertThat(vm.statusText(t)).isEqualTo("已在本机保存，联网后自动提交");
        assertThat(vm.numberText(t)).isEqualTo("本机编号：KS-1A2B-3C4D-5E6F");
        assertThat(vm.nextText(t)).contains("自动提交", "短信");
        assertThat(vm.deadlineText(t)).isEqualTo("承诺办结日期：12月14日 星期一");
        assertThat(vm.offlineProperty().get())
                .as("the platform answered: it has not got it yet")
                .isFalse();
    }

    @Test
    void anApplicationThePlatformRefusedIsShownWithWhatToDoAndACodeForStaff() {
        held.byPerson.put(
                ID, List.of(held("KS-1A2B-3C4D-5E6F", "户籍证明开具", "2026-12-01T09:40:00", Standing.REFUSED, null)));
        signIn();
        vm.byPerson();

        Tracked t = vm.selectedProperty().get();
        assertThat(vm.statusText(t)).isEqualTo("政务服务平台没有收下这份申请");
        assertThat(vm.nextText(t)).contains("人工窗口");
        assertThat(vm.codeText(t)).isEqualTo("代码 A-NOT-TAKEN");
    }

    @Test
    void offlineWithNothingHeldHereSaysSoPlainlyWithWhatStillWorksAndTriesAgain() {
        platform.away = true;
        signIn();
        vm.byPerson();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.OFFLINE);
        assertThat(vm.offlineAdvice().get()).isEqualTo("看受理回执：上面印有承诺办结日期。\n拨打服务热线 12345 查询。\n请过一会儿再查，或请到人工窗口咨询。");
        assertThat(vm.problemCodeText().get()).isEqualTo("代码 N-PROGRESS-AWAY");

        platform.away = false;
        demoCitizensThreeApplications();
        vm.retry();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.LIST);
        assertThat(vm.problemCodeText().get()).isEmpty();
    }

    @Test
    void offlineWithApplicationsHeldHereShowsThemUnderABanner() {
        platform.away = true;
        held.byPerson.put(
                ID,
                List.of(
                        held("KS-1A2B-3C4D-5E6F", "户籍证明开具", "2026-12-07T09:40:00", Standing.SAVED, null),
                        held("KS-0000-1111-2222", "居住证签注", "2026-12-06T09:40:00", Standing.SAVED, null)));
        signIn();
        vm.byPerson();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.LIST);
        assertThat(vm.offlineProperty().get()).isTrue();
        assertThat(vm.offlineBanner().get()).startsWith("现在查不到最新进度：本机暂时连不上政务服务平台");
        assertThat(vm.applications())
                .extracting(Tracked::reference)
                .containsExactly("KS-1A2B-3C4D-5E6F", "KS-0000-1111-2222");

        // the platform back: "try again" beside the banner asks it
        platform.away = false;
        demoCitizensThreeApplications();
        vm.retry();
        assertThat(vm.offlineProperty().get()).isFalse();
        assertThat(vm.applications()).hasSize(5);
    }

    @Test
    void theKiosksOwnFailureIsAFailureWithACodeNotANotFound() {
        held.failure = new StoreException("disk", null);
        vm.queryCode("KS-1A2B-3C4D-5E6F");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.problemCodeText().get()).isEqualTo("代码 A-PROGRESS-FAILED");
        held.failure = null;
        vm.retry();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.UNKNOWN_CODE);
    }

    @Test
    void theSessionsEndForgetsWhatWasFound() {
        demoCitizensThreeApplications();
        signIn();
        vm.byPerson();
        vm.choose(0);

        vm.resetForNextCitizen();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(vm.applications()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        // a retry after the end looks nobody up
        vm.retry();
        assertThat(platform.asked).containsExactly("person");
    }

    @Test
    void theApplicationShownPrintsAsASlipOnTheReceiptPrinterWithoutPersonalData() throws Exception {
        demoCitizensThreeApplications();
        Database db = Database.open(dir.resolve("kiosk.db"));
        try (PrinterRig rig = new PrinterRig(48, Duration.ofHours(1))) {
            Printing printing = new Printing(
                    TestTemplates.library(),
                    new Renderings(null),
                    () -> Optional.of(rig.printer),
                    Optional::empty,
                    new PrintRecordRepository(db, "K01"),
                    CLOCK);
            ProgressViewModel printer = viewModel(Optional.of(printing));
            assertThat(printer.canPrint()).isTrue();
            signIn();
            printer.byPerson();
            printer.choose(1);

            printer.printSlip();

            assertThat(printer.printStateProperty().get()).isEqualTo(ProgressViewModel.PrintState.PRINTED);
            assertThat(printer.printStatusText().get()).isEqualTo("进度单已打印，请在出纸口取走。");
            String paper = String.join("\n", rig.printed().lines());
            assertThat(paper)
                    .contains(
                            "演示区政务服务中心",
                            "居住证签注",
                            "受理编号：SQ20261202000456",
                            "办理状态：已批准",
                            "结果可以领取了，领取地点：",
                            "收件 已接收",
                            "12月2日 星期三 下午2:30",
                            "查询时间：12月7日 星期一 上午10:00")
                    .doesNotContain(ID, "王小明");
            assertThat(rig.printed().cuts()).isEqualTo(1);

            // another application: the button is fresh; the printer out of paper says so, with a code
            printer.back();
            printer.choose(0);
            assertThat(printer.printStateProperty().get()).isEqualTo(ProgressViewModel.PrintState.IDLE);
            rig.virtual.setPaperOut(true);
            printer.printSlip();
            assertThat(printer.printStateProperty().get()).isEqualTo(ProgressViewModel.PrintState.FAILED);
            assertThat(printer.printStatusText().get()).startsWith("进度单没有打印出来。").contains("请");
            assertThat(printer.printCodeText().get()).startsWith("代码 P-");
        } finally {
            db.close();
        }
        assertThat(vm.canPrint()).as("no receipt printer: no button").isFalse();
    }

    @Test
    void aDateOfAnotherYearCarriesItsYear() {
        assertThat(vm.day(LocalDate.of(2025, 12, 30))).isEqualTo("2025年12月30日 星期二");
        assertThat(vm.day(LocalDate.of(2026, 12, 8))).isEqualTo("12月8日 星期二");
        assertThat(vm.when(Instant.parse("2026-12-08T06:05:00Z"))).isEqualTo("12月8日 星期二 下午2:05");
    }
}
