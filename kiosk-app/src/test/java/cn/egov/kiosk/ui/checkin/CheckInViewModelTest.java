package cn.egov.kiosk.ui.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.appointment.CheckInDesk;
import cn.egov.kiosk.appointment.FakeAppointmentPlatform;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.TicketRepository;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.checkin.CheckInViewModel.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 签到 without the JavaFX toolkit: by the confirmation's code or by the citizen, each outcome said in
 * plain words with the times; the platform in memory, the ticket on the real path (store, issuer,
 * ESC/POS driver, virtual printer).
 */
class CheckInViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private static final String HOLDER = "11010519491231002X";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T01:40:00Z")); // 09:40
    private final SessionManager sessions =
            new SessionManager(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final FakeAppointmentPlatform platform = new FakeAppointmentPlatform();
    private final AtomicInteger logins = new AtomicInteger();
    private Database db;
    private PrinterRig rig;
    private CheckInViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        QueueService queue = new QueueService(new TicketRepository(db), clock, ZONE, "K01", Set.of("A"));
        rig = new PrinterRig(32, Duration.ofMillis(200));
        TicketIssuer issuer = new TicketIssuer(
                queue,
                TestTemplates.queueTicket(),
                () -> Optional.of(rig.printer),
                new PrintRecordRepository(db, "K01"),
                new TicketIssuer.HallTexts(l -> "演示区政务服务中心", (code, l) -> "户籍业务", "0571-12345"),
                ZONE,
                clock);
        vm = new CheckInViewModel(
                new I18n(List.of(ZH, Locale.ENGLISH)),
                sessions,
                new CheckInDesk(platform, issuer, item -> Optional.of("A"), clock, ZONE),
                TaskRunner.DIRECT,
                clock,
                ZONE,
                logins::incrementAndGet,
                l -> "演示区政务服务中心");
        sessions.start(ZH);
    }

    @AfterEach
    void tearDown() {
        rig.close();
        db.close();
    }

    private Appointments.Appointment holds(String id, LocalDate day, String start, Appointments.Status status) {
        Appointments.Appointment a = FakeAppointmentPlatform.appointment(
                id, "item", day, start, "10:30", status, "CHK-" + id.toUpperCase(Locale.ROOT));
        platform.holds(HOLDER, a);
        return a;
    }

    @Test
    void theConfirmationsCodeChecksInAndThePriorityTicketPrints() {
        holds("a1", TODAY, "10:00", Appointments.Status.BOOKED);
        vm.open();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.START);

        assertThat(vm.scanned("CHK-A1")).isTrue();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.numberProperty().get()).isEqualTo("A001");
        assertThat(vm.priorityProperty().get()).isTrue();
        assertThat(vm.placeText().get()).isEqualTo("请到：演示区政务服务中心一楼 户籍业务 1-4号窗口");
        assertThat(vm.appointmentText().get()).isEqualTo("预约：出生登记（新生儿落户）　上午10:00至10:30");
        assertThat(rig.printed().lines()).contains("A001", "预约优先");
    }

    @Test
    void tooEarlySaysTheTimeAndWhenCheckInOpens() {
        holds("a1", TODAY, "11:00", Appointments.Status.BOOKED);

        vm.scanned("CHK-A1");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.TOO_EARLY);
        assertThat(vm.messageText().get()).isEqualTo("您的预约是上午11:00，上午10:30起可以签到，请稍后再来。");
        assertThat(vm.codeText().get()).as("not a failure: only the times").isEmpty();
        assertThat(platform.calls()).containsExactly("by-code");
    }

    @Test
    void anAppointmentOfAnotherDaySaysItsDay() {
        holds("a1", TODAY.plusDays(1), "10:00", Appointments.Status.BOOKED);

        vm.scanned("CHK-A1");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.TOO_EARLY);
        assertThat(vm.messageText().get()).isEqualTo("您的预约是明天 12月9日 星期三 上午10:00，请在当天上午9:30以后来签到。");
    }

    @Test
    void tooLateSaysWhenCheckInClosedAndWhereToGo() {
        holds("a1", TODAY, "09:00", Appointments.Status.BOOKED);

        vm.scanned("CHK-A1");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.TOO_LATE);
        assertThat(vm.messageText().get()).isEqualTo("已超过签到时间（上午9:15），请到咨询台或重新取号。");
    }

    @Test
    void aCancelledOneIsSaidSoAndAnUnknownCodeToo() {
        holds("a1", TODAY, "10:00", Appointments.Status.CANCELLED);

        vm.scanned("CHK-A1");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NOT_BOOKED);
        assertThat(vm.messageText().get()).startsWith("这个预约已经取消了");

        vm.scanned("CHK-NOBODY");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NOT_BOOKED);
        assertThat(vm.messageText().get()).startsWith("没有找到这个预约");
        assertThat(vm.codeText().get()).isEqualTo("代码 Y-NOT-FOUND");
    }

    @Test
    void thePrinterOutOfPaperKeepsTheAppointmentAndSaysWhatToDo() throws Exception {
        Appointments.Appointment a = holds("a1", TODAY, "10:00", Appointments.Status.BOOKED);
        rig.virtual.setPaperOut(true);
        Await.until(
                () -> rig.printer.conditions().contains(Condition.PAPER_OUT), Duration.ofSeconds(5), "paper out seen");

        vm.scanned("CHK-A1");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.PRINTER);
        assertThat(vm.messageText().get())
                .contains("号票打印机没纸了")
                .contains("这次没有签到")
                .contains("预约还保留着");
        assertThat(vm.codeText().get()).isEqualTo("代码 T-PAPER-OUT");
        assertThat(platform.appointment(a.appointmentId()).orElseThrow().status())
                .isEqualTo(Appointments.Status.BOOKED);

        rig.virtual.setPaperOut(false);
        Await.until(() -> !rig.printer.conditions().contains(Condition.PAPER_OUT), Duration.ofSeconds(5), "paper back");
        vm.retry();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
    }

    @Test
    void paperRunningOutMidTicketSaysTheNumberAndWhereToGo() {
        holds("a1", TODAY, "10:00", Appointments.Status.BOOKED);
        rig.virtual.runOutAfter(40);

        vm.scanned("CHK-A1");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.NOT_PRINTED);
        assertThat(vm.numberProperty().get()).isEqualTo("A001");
        assertThat(vm.messageText().get()).startsWith("请记好您的号码 A001，到 演示区政务服务中心一楼 户籍业务 1-4号窗口 告诉工作人员。");
        assertThat(vm.partlyProperty().get()).isTrue();
        assertThat(vm.codeText().get()).isEqualTo("代码 T-PAPER-OUT");
    }

    @Test
    void theCitizenSignedInChoosesAmongTodaysAppointments() {
        holds("a1", TODAY, "10:00", Appointments.Status.BOOKED);
        holds("a2", TODAY, "10:10", Appointments.Status.BOOKED);
        holds("a3", TODAY.plusDays(3), "10:00", Appointments.Status.BOOKED);
        vm.open();

        vm.identify();
        assertThat(logins).hasValue(1);
        sessions.current().orElseThrow().put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
        vm.shown(); // back from the login step

        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(vm.options()).extracting(CheckInViewModel.Option::id).containsExactly("a1", "a2");
        vm.choose("a2");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(platform.calls()).contains("check-in:a2").doesNotContain("check-in:a1");
    }

    @Test
    void noAppointmentTodayIsSaid() {
        sessions.current().orElseThrow().put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));

        vm.open();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.NONE);
    }

    @Test
    void aLookUpThatFailedIsAskedAgainByTryAgain() {
        holds("a1", TODAY, "10:00", Appointments.Status.BOOKED);
        platform.failNext(AppointmentProblem.OFFLINE);

        vm.scanned("CHK-A1");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        vm.retry(); // the platform back: the code is looked up again, and checked in

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(platform.calls()).startsWith("by-code", "by-code");
        assertThat(vm.numberProperty().get()).isEqualTo("A001");
    }

    @Test
    void offlineTheAppointmentIsKeptAndItCanBeTriedAgain() {
        holds("a1", TODAY, "10:00", Appointments.Status.BOOKED);
        vm.scanned("CHK-A1");
        // (checked in already) a second, offline:
        holds("a2", TODAY, "10:00", Appointments.Status.BOOKED);
        platform.failAlways(AppointmentProblem.OFFLINE);

        vm.scanned("CHK-A2");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(vm.messageText().get()).contains("网络暂时中断").contains("预约还保留着").contains("请过一会儿再试");
        assertThat(vm.codeText().get()).isEqualTo("代码 Y-OFFLINE");
    }

    @Test
    void theNextCitizenFindsNothingOfThisOne() {
        holds("a1", TODAY, "10:00", Appointments.Status.BOOKED);
        vm.scanned("CHK-A1");

        vm.resetForNextCitizen();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.START);
        assertThat(vm.numberProperty().get()).isEmpty();
        assertThat(vm.appointmentProperty().get()).isNull();
    }
}
