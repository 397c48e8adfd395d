package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Appointments by their check-in code, their place and check-in window, and check-in within it: the
 * data set's citizen has one appointment today open for check-in whenever the simulator starts, and
 * one on a later day. The simulator's clock is moved, and the kiosk's with it.
 */
class AppointmentCheckInTest extends SimulatorTestBase {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final String HOLDER = "110101199003070515";

    private final MovableClock clock = new MovableClock();

    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withClock(clock);
    }

    @BeforeEach
    void theKioskKeepsThePlatformsTime() {
        client = newClient(Optional.of(KIOSK), clock);
    }

    private List<Appointments.Appointment> wangs() throws PlatformException {
        return client.appointments(new Appointments.Search(EnterprisesAndLicencesTest.WANG, null))
                .appointments();
    }

    private Appointments.Appointment today() throws PlatformException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), HALL);
        return wangs().stream()
                .filter(a -> a.date().equals(today))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no appointment today, " + today));
    }

    /** The hall's rule: from 30 minutes before the start (not before midnight) to 15 minutes after it. */
    private static void hasTheHallsWindow(Appointments.Appointment a) {
        LocalTime start = LocalTime.parse(a.start());
        assertThat(a.checkInFrom())
                .isEqualTo(
                        (start.isBefore(LocalTime.of(0, 30)) ? LocalTime.MIDNIGHT : start.minusMinutes(30)).toString());
        assertThat(a.checkInUntil())
                .isEqualTo((start.isAfter(LocalTime.of(23, 44)) ? LocalTime.of(23, 59) : start.plusMinutes(15))
                        .toString());
    }

    /** Moves both clocks to this time of the appointment's day. */
    private void at(Appointments.Appointment a, String time) {
        Instant then =
                LocalDateTime.of(a.date(), LocalTime.parse(time)).atZone(HALL).toInstant();
        clock.ahead = Duration.between(Instant.now(), then);
    }

    @Test
    void theDataSetsCitizenHasAnAppointmentTodayToCheckInNowAndOneLater() throws Exception {
        List<Appointments.Appointment> all = wangs();
        Appointments.Appointment today = today();
        Appointments.Appointment later = all.stream()
                .filter(a -> a.date().isAfter(today.date()))
                .findFirst()
                .orElseThrow();

        LocalTime now = LocalTime.ofInstant(clock.instant(), HALL);
        assertThat(LocalTime.parse(today.checkInFrom())).isBeforeOrEqualTo(now);
        assertThat(LocalTime.parse(today.checkInUntil())).isAfterOrEqualTo(now);
        for (Appointments.Appointment a : all) {
            assertThat(a.status()).isEqualTo(Appointments.Status.BOOKED);
            assertThat(a.appointmentId())
                    .startsWith("YY" + a.date().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                            + a.start().replace(":", "") + "-");
            assertThat(a.checkInCode()).isEqualTo("CHK-" + a.appointmentId());
            assertThat(a.place()).startsWith("演示区政务服务中心");
            assertThat(a.priority()).isTrue();
            hasTheHallsWindow(a);
        }

        Appointments.Appointment in = client.checkIn(today.appointmentId());
        assertThat(in.status()).isEqualTo(Appointments.Status.CHECKED_IN);
        assertThat(in.queueNumber()).isNotBlank();

        PlatformException early = failure(() -> client.checkIn(later.appointmentId()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo(Problem.CHECK_IN_TOO_EARLY);
        assertThat(early.retryable()).isFalse();
        assertThat(early.problem().orElseThrow().detail())
                .contains(
                        later.checkInFrom(), later.checkInUntil(), later.date().toString());
        assertThat(client.appointments(new Appointments.Search(null, later.checkInCode()))
                        .appointments()
                        .get(0)
                        .status())
                .isEqualTo(Appointments.Status.BOOKED);
    }

    @Test
    void anAppointmentIsFoundByItsCheckInCodeAlone() throws Exception {
        Appointments.Appointment today = today();

        assertThat(client.appointments(new Appointments.Search(null, today.checkInCode()))
                        .appointments())
                .containsExactly(today);
        assertThat(client.appointments(new Appointments.Search(null, "CHK-YY20200101-0900-999"))
                        .appointments())
                .isEmpty();
        for (Appointments.Search wrong : List.of(
                new Appointments.Search(null, null),
                new Appointments.Search(" ", ""),
                new Appointments.Search(EnterprisesAndLicencesTest.WANG, today.checkInCode()))) {
            PlatformException e = failure(() -> client.appointments(wrong));
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(Problem.VALIDATION);
        }
    }

    @Test
    void afterItsWindowAnAppointmentIsTooLateButOneCheckedInStaysCheckedIn() throws Exception {
        Appointments.Appointment today = today();
        at(today, today.checkInUntil());
        clock.ahead = clock.ahead.plusSeconds(61);

        PlatformException late = failure(() -> client.checkIn(today.appointmentId()));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo(Problem.CHECK_IN_TOO_LATE);
        assertThat(late.problem().orElseThrow().detail()).contains(today.checkInFrom(), today.checkInUntil());

        clock.ahead = Duration.ZERO;
        Appointments.Appointment in = client.checkIn(today.appointmentId());
        at(today, today.checkInUntil());
        clock.ahead = clock.ahead.plusSeconds(3600);
        assertThat(client.checkIn(today.appointmentId()))
                .as("checked in again, later")
                .isEqualTo(in);
    }

    @Test
    void anAppointmentBookedAtTheKioskHasItsCodePlaceAndWindowAndChecksInWithinIt() throws Exception {
        Catalogue.Item item = CatalogueTest.sync(client, 0, 500).items().values().stream()
                .filter(Catalogue.Item::appointable)
                .findFirst()
                .orElseThrow();
        Appointments.SlotDay day = null;
        for (LocalDate d = LocalDate.now(HALL).plusDays(1); day == null; d = d.plusDays(1)) {
            Appointments.SlotDay s = client.slots(item.id(), d);
            day = s.slots().isEmpty() ? null : s;
        }
        Appointments.Slot slot = day.slots().get(3);

        Appointments.Appointment booked = client.book(new Appointments.Book(
                UUID.randomUUID().toString(),
                slot.slotId(),
                item.id(),
                new Appointments.Applicant(HOLDER, "赵六", "13700137000")));

        assertThat(booked.checkInCode())
                .matches("CHK-YY" + day.date().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                        + slot.start().replace(":", "") + "-\\d{3}");
        assertThat(booked.place()).startsWith("演示区政务服务中心").contains("号窗口");
        hasTheHallsWindow(booked);
        assertThat(booked.priority()).isTrue();
        assertThat(client.appointments(new Appointments.Search(null, booked.checkInCode()))
                        .appointments())
                .containsExactly(booked);

        at(booked, booked.checkInFrom());
        clock.ahead = clock.ahead.minusSeconds(60);
        assertThat(failure(() -> client.checkIn(booked.appointmentId())).code())
                .as("a minute before its window")
                .isEqualTo(Problem.CHECK_IN_TOO_EARLY);

        at(booked, slot.start());
        Appointments.Appointment in = client.checkIn(booked.appointmentId());
        assertThat(in.status()).isEqualTo(Appointments.Status.CHECKED_IN);
        assertThat(in.queueNumber()).startsWith(item.businessType());
        assertThat(client.appointments(new Appointments.Search(HOLDER, null)).appointments())
                .containsExactly(in);
    }
}
