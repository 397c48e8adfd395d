package cn.egov.kiosk.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.TicketRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 签到 in order, with the platform in memory and the real ticket path: the store, the issuer, the
 * ESC/POS driver and the virtual printer. The window is checked before the platform is asked; a
 * printer that cannot print costs no check-in; the ticket carries the appointment's priority; a
 * ticket that does not print leaves the number standing.
 */
class CheckInDeskTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 8); // a Tuesday
    private static final String HOLDER = "11010519491231002X";

    @TempDir
    Path dir;

    // 09:40 in Shanghai: the 10:00 appointment's window (09:30 to 10:15) is open
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T01:40:00Z"));
    private final FakeAppointmentPlatform platform = new FakeAppointmentPlatform();
    private Database db;
    private QueueService queue;
    private PrinterRig rig;
    private CheckInDesk desk;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        queue = new QueueService(new TicketRepository(db), clock, SHANGHAI, "K01", Set.of("A", "B"));
        rig = new PrinterRig(32, Duration.ofMillis(200));
        TicketIssuer issuer = new TicketIssuer(
                queue,
                TestTemplates.queueTicket(),
                () -> Optional.of(rig.printer),
                new PrintRecordRepository(db, "K01"),
                new TicketIssuer.HallTexts(l -> "演示区政务服务中心", (code, l) -> "户籍业务", "0571-12345"),
                SHANGHAI,
                clock);
        desk = new CheckInDesk(platform, issuer, item -> Optional.of("A"), clock, SHANGHAI);
    }

    @AfterEach
    void close() {
        rig.close();
        db.close();
    }

    private Appointments.Appointment booked(String start) {
        Appointments.Appointment a = FakeAppointmentPlatform.appointment(
                "a-" + start, "item", DAY, start, "10:30", Appointments.Status.BOOKED, "CHK-" + start);
        platform.holds(HOLDER, a);
        return a;
    }

    @Test
    void insideTheWindowThePlatformsNumberPrintsWithTheAppointmentsPriority() {
        Appointments.Appointment a = booked("10:00");

        CheckInDesk.Outcome o = desk.checkIn(a, ZH);

        assertThat(o).isInstanceOf(CheckInDesk.Printed.class);
        CheckInDesk.Printed p = (CheckInDesk.Printed) o;
        assertThat(p.ticket().number()).isEqualTo("A001");
        assertThat(p.ticket().status()).isEqualTo(TicketStatus.PRINTED);
        assertThat(p.appointment().status()).isEqualTo(Appointments.Status.CHECKED_IN);
        assertThat(queue.ticketsOfDay(DAY)).singleElement().satisfies(t -> {
            assertThat(t.number()).isEqualTo("A001");
            assertThat(t.status()).isEqualTo(TicketStatus.PRINTED);
        });
        ReceiptDocument paper = rig.printed();
        assertThat(paper.lines()).contains("A001", "预约优先");
        assertThat(String.join("", paper.lines())).contains("预约事项：出生登记（新生儿落户）", "预约时间：12月8日 星期二 上午10:00");
        assertThat(paper.qrPayloads()).containsExactly(p.ticket().id());
    }

    @Test
    void tooEarlyIsSaidWithoutAskingThePlatform() {
        Appointments.Appointment a = booked("11:00"); // from 10:30

        CheckInDesk.Outcome o = desk.checkIn(a, ZH);

        assertThat(o).isEqualTo(new CheckInDesk.Refused(a, AppointmentProblem.TOO_EARLY));
        assertThat(platform.calls()).isEmpty();
        assertThat(rig.virtual.received()).isEmpty();
    }

    @Test
    void tooLateIsSaidWithoutAskingThePlatform() {
        Appointments.Appointment a = booked("09:00"); // until 09:15

        assertThat(desk.checkIn(a, ZH)).isEqualTo(new CheckInDesk.Refused(a, AppointmentProblem.TOO_LATE));
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void thePlatformsOwnTooEarlyIsTheSameAnswer() {
        Appointments.Appointment a = booked("10:00");
        platform.failNext(AppointmentProblem.TOO_EARLY); // its clock is ahead of the hall's

        assertThat(desk.checkIn(a, ZH)).isEqualTo(new CheckInDesk.Refused(a, AppointmentProblem.TOO_EARLY));
        assertThat(queue.ticketsOfDay(DAY)).isEmpty();
    }

    @Test
    void aCancelledOrMissedAppointmentIsNotCheckedIn() {
        Appointments.Appointment cancelled =
                FakeAppointmentPlatform.moved(booked("10:00"), Appointments.Status.CANCELLED, null);
        Appointments.Appointment missed =
                FakeAppointmentPlatform.moved(booked("10:00"), Appointments.Status.MISSED, null);

        assertThat(desk.checkIn(cancelled, ZH))
                .isEqualTo(new CheckInDesk.Refused(cancelled, AppointmentProblem.NOT_BOOKED));
        assertThat(desk.checkIn(missed, ZH)).isEqualTo(new CheckInDesk.Refused(missed, AppointmentProblem.NOT_BOOKED));
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void aPrinterOutOfPaperCostsNoCheckIn() throws Exception {
        Appointments.Appointment a = booked("10:00");
        rig.virtual.setPaperOut(true);
        Await.until(
                () -> rig.printer.conditions().contains(Condition.PAPER_OUT), Duration.ofSeconds(5), "paper out seen");

        CheckInDesk.Outcome o = desk.checkIn(a, ZH);

        assertThat(o).isEqualTo(new CheckInDesk.PrinterNotReady(a, IssueOutcome.Reason.PAPER_OUT));
        assertThat(platform.calls()).isEmpty();
        assertThat(platform.appointment(a.appointmentId()).orElseThrow().status())
                .isEqualTo(Appointments.Status.BOOKED);
    }

    @Test
    void paperRunningOutDuringTheTicketLeavesTheCitizenCheckedInWithTheirNumber() {
        Appointments.Appointment a = booked("10:00");
        rig.virtual.runOutAfter(40);

        CheckInDesk.Outcome o = desk.checkIn(a, ZH);

        assertThat(o).isInstanceOf(CheckInDesk.NotPrinted.class);
        CheckInDesk.NotPrinted np = (CheckInDesk.NotPrinted) o;
        assertThat(np.number()).isEqualTo("A001");
        assertThat(np.reason()).isEqualTo(IssueOutcome.Reason.PAPER_OUT);
        assertThat(np.partly()).isTrue();
        // not voided: the platform holds the check-in, staff decide
        assertThat(queue.ticketsOfDay(DAY))
                .singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TicketStatus.INTERRUPTED));
    }

    @Test
    void checkedInBeforeGivesItsNumberAndNoSecondTicket() {
        Appointments.Appointment a =
                FakeAppointmentPlatform.moved(booked("10:00"), Appointments.Status.CHECKED_IN, "A007");

        assertThat(desk.checkIn(a, ZH)).isEqualTo(new CheckInDesk.AlreadyCheckedIn(a));
        assertThat(rig.virtual.received()).isEmpty();
    }

    @Test
    void theCitizensAppointmentsOfTodayOnlySoonestFirst() throws Exception {
        booked("11:00");
        booked("10:00");
        platform.holds(
                HOLDER,
                FakeAppointmentPlatform.appointment(
                        "tomorrow", "item", DAY.plusDays(1), "10:00", "10:30", Appointments.Status.BOOKED, "CHK-T"));

        assertThat(desk.today(HOLDER))
                .extracting(Appointments.Appointment::start)
                .containsExactly("10:00", "11:00");
    }
}
