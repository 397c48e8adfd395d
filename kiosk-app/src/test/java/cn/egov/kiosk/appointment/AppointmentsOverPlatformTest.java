package cn.egov.kiosk.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.AppointmentDayRepository;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.store.TicketRepository;
import cn.egov.kiosk.sync.DownSync;
import cn.egov.kiosk.sync.PlatformAppointments;
import cn.egov.kiosk.sync.PlatformLink;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 预约 and 签到 against the platform simulator over real HTTP on loopback: the availability synced
 * into the store, a slot booked, the confirmation's code looked up, too early said by the kiosk
 * without asking, then inside the window checked in and the queue ticket printed with 预约优先 on the
 * ESC/POS driver and the virtual printer; the platform's own 409 said the same way; a cancellation
 * freeing the place; the ledger holding what the kiosk did. The simulator's clock is moved, and the
 * kiosk's with it (the requests are signed by it).
 */
class AppointmentsOverPlatformTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);
    private static final Appointments.Applicant WANG =
            new Appointments.Applicant("11010519491231002X", "王小明", "13800138000");

    @TempDir
    Path dir;

    // 08:40 on a Tuesday in the hall
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T00:40:00Z"));
    private PlatformSimulator sim;
    private PlatformClient client;
    private Database db;
    private CatalogueRepository catalogue;
    private AppointmentDayRepository days;
    private QueueService queue;
    private PrinterRig rig;
    private PlatformLink link;
    private PlatformAppointments platform;
    private Booking booking;

    @BeforeEach
    void start() throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0).withClock(clock));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Credentials credentials = new Credentials(
                "KSK-APPT-01", "k-" + UUID.randomUUID().toString().substring(0, 8), secret);
        sim.provision(credentials, "Z8");
        client = new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20)),
                () -> Optional.of(credentials),
                clock);
        db = Database.open(dir.resolve("kiosk.db"));
        catalogue = new CatalogueRepository(db);
        SyncStateRepository state = new SyncStateRepository(db);
        days = new AppointmentDayRepository(db);
        link = new PlatformLink(clock, PlatformLink.State.ONLINE);
        DownSync sync = new DownSync(client, catalogue, state, link, clock, HALL, 500);
        assertThat(sync.sync(DownSync.CATALOGUE).error()).isEmpty();
        assertThat(sync.sync(DownSync.APPOINTMENT_AVAILABILITY).error()).isEmpty();
        platform = new PlatformAppointments(() -> client, link);
        booking = new Booking(
                platform,
                new OpenDays(
                        days, () -> state.get(DownSync.APPOINTMENT_AVAILABILITY).syncedAt(), clock, HALL),
                clock,
                HALL);
        queue = new QueueService(
                new TicketRepository(db), clock, HALL, "KSK-APPT-01", Set.of("A", "B", "C", "D", "E", "F", "G"));
        rig = new PrinterRig(32, Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        rig.close();
        client.close();
        sim.close();
        db.close();
    }

    /** The check-in desk on a kiosk whose clock is {@code kiosk} (the hall's clock). */
    private CheckInDesk desk(Clock kiosk) {
        TicketIssuer issuer = new TicketIssuer(
                queue,
                TestTemplates.queueTicket(),
                () -> Optional.of(rig.printer),
                new PrintRecordRepository(db, "KSK-APPT-01"),
                new TicketIssuer.HallTexts(l -> "演示区政务服务中心", (code, l) -> code, "0571-12345"),
                HALL,
                kiosk);
        return new CheckInDesk(
                platform, issuer, id -> catalogue.find(id).map(Catalogue.Item::businessType), kiosk, HALL);
    }

    /** A bookable item of the local copy with places today. */
    private String itemOpenToday() {
        return catalogue.all().stream()
                .filter(Catalogue.Item::appointable)
                .map(Catalogue.Item::id)
                .filter(id ->
                        booking.days(id).days().stream().anyMatch(d -> d.date().equals(TUESDAY) && !d.full()))
                .findFirst()
                .orElseThrow();
    }

    private Appointments.Appointment bookAt(String item, String start) throws AppointmentException {
        Appointments.Slot slot = booking.slots(item, TUESDAY).stream()
                .filter(s -> s.start().equals(start))
                .findFirst()
                .orElseThrow();
        return booking.book(UUID.randomUUID().toString(), item, slot, WANG);
    }

    @Test
    void bookedThenCheckedInByTheConfirmationsCodeWithThePriorityTicket() throws Exception {
        String item = itemOpenToday();
        int placesBefore = booking.days(item).days().get(0).remaining();

        Appointments.Appointment booked = bookAt(item, "10:00");

        assertThat(booked.status()).isEqualTo(Appointments.Status.BOOKED);
        assertThat(booked.checkInCode()).startsWith("CHK-");
        assertThat(booked.place()).isNotBlank();
        assertThat(booked.checkInFrom()).isEqualTo("09:30");
        assertThat(booked.checkInUntil()).isEqualTo("10:15");
        assertThat(booking.days(item).days().get(0).remaining()).isEqualTo(placesBefore - 1);
        CheckInDesk desk = desk(clock);
        Appointments.Appointment found = desk.byCode(booked.checkInCode()).orElseThrow();
        assertThat(found.appointmentId()).isEqualTo(booked.appointmentId());

        // 08:40: too early, said by the kiosk; the platform is not asked to check in
        assertThat(desk.checkIn(found, ZH)).isEqualTo(new CheckInDesk.Refused(found, AppointmentProblem.TOO_EARLY));
        assertThat(sim.ledger().entries("appointment.check-in")).isEmpty();

        clock.advance(Duration.ofMinutes(55)); // 09:35
        CheckInDesk.Outcome o = desk.checkIn(found, ZH);

        assertThat(o).isInstanceOf(CheckInDesk.Printed.class);
        CheckInDesk.Printed printed = (CheckInDesk.Printed) o;
        String number = printed.ticket().number();
        assertThat(printed.appointment().queueNumber()).isEqualTo(number);
        assertThat(printed.appointment().status()).isEqualTo(Appointments.Status.CHECKED_IN);
        assertThat(queue.ticketsOfDay(TUESDAY)).singleElement().satisfies(t -> {
            assertThat(t.number()).isEqualTo(number);
            assertThat(t.status()).isEqualTo(TicketStatus.PRINTED);
        });
        ReceiptDocument paper = rig.printed();
        assertThat(paper.lines()).contains(number, "预约优先");
        assertThat(String.join("", paper.lines()))
                .contains("预约事项：" + booked.itemName())
                .contains("预约时间：12月8日 星期二 上午10:00");
        assertThat(sim.ledger().entries("appointment.book"))
                .extracting(e -> e.id())
                .containsExactly(booked.appointmentId());
        assertThat(sim.ledger().entries("appointment.check-in"))
                .extracting(e -> e.id())
                .containsExactly(booked.appointmentId());
        // checked in: the same code again gives the number, no second ticket
        Appointments.Appointment again = desk.byCode(booked.checkInCode()).orElseThrow();
        assertThat(desk.checkIn(again, ZH)).isInstanceOf(CheckInDesk.AlreadyCheckedIn.class);
        assertThat(queue.ticketsOfDay(TUESDAY)).hasSize(1);
    }

    @Test
    void thePlatformsTooEarlyIsSaidTheSameWayWhenTheKiosksClockIsAhead() throws Exception {
        Appointments.Appointment booked = bookAt(itemOpenToday(), "10:00");
        clock.advance(Duration.ofMinutes(45)); // 09:25 at the platform
        Clock ahead = Clock.offset(clock, Duration.ofMinutes(10)); // 09:35 at the kiosk: open, it thinks

        CheckInDesk.Outcome o = desk(ahead).checkIn(booked, ZH);

        assertThat(o).isEqualTo(new CheckInDesk.Refused(booked, AppointmentProblem.TOO_EARLY));
        assertThat(queue.ticketsOfDay(TUESDAY)).isEmpty();
        assertThat(rig.virtual.received()).isEmpty();
    }

    @Test
    void aSlotFullAtThePlatformIsSlotFull() throws Exception {
        String item = itemOpenToday();
        Appointments.Slot slot = booking.slots(item, TUESDAY).stream()
                .filter(s -> s.start().equals("11:00"))
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < slot.capacity(); i++) {
            booking.book(UUID.randomUUID().toString(), item, slot, WANG);
        }

        assertThatThrownBy(() -> booking.book(UUID.randomUUID().toString(), item, slot, WANG))
                .isInstanceOfSatisfying(
                        AppointmentException.class,
                        e -> assertThat(e.problem()).isEqualTo(AppointmentProblem.SLOT_FULL));
        assertThat(booking.slots(item, TUESDAY).stream().filter(s -> s.start().equals("11:00")))
                .singleElement()
                .satisfies(s -> assertThat(s.remaining()).isZero());
    }

    @Test
    void aBookingAskedTwiceUnderOneIdIsBookedOnce() throws Exception {
        String item = itemOpenToday();
        Appointments.Slot slot = booking.slots(item, TUESDAY).get(0);
        String id = UUID.randomUUID().toString();

        Appointments.Appointment first = booking.book(id, item, slot, WANG);
        Appointments.Appointment second = booking.book(id, item, slot, WANG);

        assertThat(second.checkInCode()).isEqualTo(first.checkInCode());
        assertThat(sim.ledger().entries("appointment.book")).hasSize(1);
    }

    @Test
    void aCancellationFreesThePlace() throws Exception {
        String item = itemOpenToday();
        Appointments.Appointment booked = bookAt(item, "14:00");
        int left = booking.slots(item, TUESDAY).stream()
                .filter(s -> s.start().equals("14:00"))
                .findFirst()
                .orElseThrow()
                .remaining();
        assertThat(booking.upcoming(WANG.idNumber()))
                .extracting(Appointments.Appointment::appointmentId)
                .contains(booked.appointmentId());

        Appointments.Appointment cancelled = booking.cancel(booked);

        assertThat(cancelled.status()).isEqualTo(Appointments.Status.CANCELLED);
        assertThat(booking.slots(item, TUESDAY).stream().filter(s -> s.start().equals("14:00")))
                .singleElement()
                .satisfies(s -> assertThat(s.remaining()).isEqualTo(left + 1));
        assertThat(booking.upcoming(WANG.idNumber()))
                .extracting(Appointments.Appointment::appointmentId)
                .doesNotContain(booked.appointmentId());
        assertThat(sim.ledger().entries("appointment.cancel")).hasSize(1);
        // a cancelled one's confirmation does not check in
        clock.advance(Duration.ofHours(5)); // 13:40
        Appointments.Appointment byCode =
                desk(clock).byCode(booked.checkInCode()).orElseThrow();
        assertThat(desk(clock).checkIn(byCode, ZH))
                .isEqualTo(new CheckInDesk.Refused(byCode, AppointmentProblem.NOT_BOOKED));
    }

    @Test
    void offlineTheTimesCannotBeAskedButTheDaysStillShow() throws Exception {
        String item = itemOpenToday();
        List<OpenDays.Day> before = booking.days(item).days();
        sim.down(Duration.ofSeconds(30));

        assertThatThrownBy(() -> booking.slots(item, TUESDAY))
                .isInstanceOfSatisfying(
                        AppointmentException.class, e -> assertThat(e.problem()).isEqualTo(AppointmentProblem.OFFLINE));
        // the link now knows: the next call is refused by the kiosk itself, nothing is sent
        assertThat(link.online()).isFalse();
        long requests = sim.requests();
        assertThatThrownBy(() -> booking.slots(item, TUESDAY))
                .isInstanceOfSatisfying(
                        AppointmentException.class, e -> assertThat(e.problem()).isEqualTo(AppointmentProblem.OFFLINE));
        assertThat(sim.requests()).isEqualTo(requests);
        assertThat(booking.days(item).days()).isEqualTo(before);
    }
}
