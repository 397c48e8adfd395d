package cn.egov.kiosk.appointment;

import cn.egov.kiosk.platform.api.Appointments;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When an appointment can be checked in: on its day, between the times the hall's rule gives it
 * ({@code checkInFrom}, {@code checkInUntil}). Checked here by the hall's clock before the platform
 * is asked, so that a citizen who came too early hears at once when to come back; the platform
 * checks it again and its answer counts.
 */
public final class CheckInWindow {
    /** Where the hall's clock is against the window. */
    public enum Timing {
        EARLY,
        OPEN,
        LATE
    }

    private CheckInWindow() {}

    /**
     * Where {@code now} (the hall's local time) is against the appointment's window. An appointment
     * that does not say its window (an older platform's) is open on its day: the platform decides.
     */
    public static Timing at(Appointments.Appointment a, LocalDateTime now) {
        if (now.toLocalDate().isBefore(a.date())) {
            return Timing.EARLY;
        }
        if (now.toLocalDate().isAfter(a.date())) {
            return Timing.LATE;
        }
        Optional<LocalTime> from = time(a.checkInFrom());
        Optional<LocalTime> until = time(a.checkInUntil());
        LocalTime t = now.toLocalTime();
        if (from.isPresent() && t.isBefore(from.get())) {
            return Timing.EARLY;
        }
        if (until.isPresent() && t.isAfter(until.get().plusSeconds(59))) { // until 10:15 takes 10:15:59
            return Timing.LATE;
        }
        return Timing.OPEN;
    }

    /** The window's first minute, if the appointment says it. */
    public static Optional<LocalDateTime> opens(Appointments.Appointment a) {
        return time(a.checkInFrom()).map(a.date()::atTime);
    }

    /** The window's last minute, if the appointment says it. */
    public static Optional<LocalDateTime> closes(Appointments.Appointment a) {
        return time(a.checkInUntil()).map(a.date()::atTime);
    }

    /** The appointment's start (its day at its start time, or the day's start when it has none). */
    public static LocalDateTime start(Appointments.Appointment a) {
        return a.date().atTime(time(a.start()).orElse(LocalTime.MIDNIGHT));
    }

    /** The appointment's end, if it says it. */
    public static Optional<LocalDateTime> end(Appointments.Appointment a) {
        return time(a.end()).map(a.date()::atTime);
    }

    /** {@code HH:mm} as the platform writes it; nothing for what is not a time. */
    static Optional<LocalTime> time(String hhmm) {
        if (hhmm == null || hhmm.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(hhmm.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
