package cn.egov.kiosk.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.appointment.CheckInWindow.Timing;
import cn.egov.kiosk.platform.api.Appointments;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When an appointment can be checked in, by the hall's clock: its day, between its window's times. */
class CheckInWindowTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 8);
    // 10:00, check-in from 09:30 until 10:15
    private final Appointments.Appointment a = FakeAppointmentPlatform.appointment(
            "a1", "item", DAY, "10:00", "10:30", Appointments.Status.BOOKED, "CHK-1");

    @Test
    void theWindowIsOpenFromItsFirstMinuteToTheEndOfItsLast() {
        assertThat(CheckInWindow.at(a, DAY.atTime(9, 29, 59))).isEqualTo(Timing.EARLY);
        assertThat(CheckInWindow.at(a, DAY.atTime(9, 30))).isEqualTo(Timing.OPEN);
        assertThat(CheckInWindow.at(a, DAY.atTime(10, 15, 59))).isEqualTo(Timing.OPEN);
        assertThat(CheckInWindow.at(a, DAY.atTime(10, 16))).isEqualTo(Timing.LATE);
    }

    @Test
    void anotherDayIsTooEarlyBeforeAndTooLateAfter() {
        assertThat(CheckInWindow.at(a, DAY.minusDays(1).atTime(10, 0))).isEqualTo(Timing.EARLY);
        assertThat(CheckInWindow.at(a, DAY.plusDays(1).atTime(9, 45))).isEqualTo(Timing.LATE);
    }

    @Test
    void anAppointmentThatDoesNotSayItsWindowIsOpenAllItsDayForThePlatformToDecide() {
        Appointments.Appointment old = new Appointments.Appointment(
                "a2",
                "item",
                "x",
                DAY,
                "10:00",
                "10:30",
                Appointments.Status.BOOKED,
                "CHK-2",
                null,
                null,
                null,
                null,
                false);

        assertThat(CheckInWindow.at(old, DAY.atTime(7, 0))).isEqualTo(Timing.OPEN);
        assertThat(CheckInWindow.at(old, DAY.atTime(23, 0))).isEqualTo(Timing.OPEN);
        assertThat(CheckInWindow.opens(old)).isEmpty();
        assertThat(CheckInWindow.start(old)).isEqualTo(DAY.atTime(10, 0));
    }
}
