package cn.egov.kiosk.appointment;

import cn.egov.kiosk.platform.api.Appointments;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Booking and cancelling through the platform, the local copy of the days told at once (a place
 * taken or freed here shows to the next citizen before the next sync). A booking carries the
 * kiosk's id for it, made once per confirmation: asked again after a lost answer, the platform
 * books it once. Blocks on the network: off the JavaFX thread.
 */
public final class Booking {
    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private final AppointmentPlatform platform;
    private final OpenDays days;
    private final Clock clock;
    private final ZoneId zone;

    public Booking(AppointmentPlatform platform, OpenDays days, Clock clock, ZoneId zone) {
        this.platform = platform;
        this.days = days;
        this.clock = clock;
        this.zone = zone;
    }

    /** The open days of an item, from the local copy (works offline). */
    public OpenDays.Days days(String itemId) {
        return days.of(itemId);
    }

    /**
     * The slots of an item's day, asked of the platform (online only); today's that have begun by the
     * hall's clock are left out: nobody can come to them any more.
     */
    public List<Appointments.Slot> slots(String itemId, LocalDate date) throws AppointmentException {
        Appointments.SlotDay day = platform.slots(itemId, date);
        List<Appointments.Slot> all = day.slots() == null ? List.of() : day.slots();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
        if (!date.equals(now.toLocalDate())) {
            return all;
        }
        return all.stream()
                .filter(s -> CheckInWindow.time(s.start())
                        .map(t -> t.isAfter(now.toLocalTime()))
                        .orElse(true))
                .toList();
    }

    /** Books the slot under {@code appointmentId} (the kiosk's, the same for every try of one confirmation). */
    public Appointments.Appointment book(
            String appointmentId, String itemId, Appointments.Slot slot, Appointments.Applicant applicant)
            throws AppointmentException {
        Appointments.Appointment booked =
                platform.book(new Appointments.Book(appointmentId, slot.slotId(), itemId, applicant));
        log.info("Appointment {} booked for item {} on {} {}", appointmentId, itemId, booked.date(), booked.start());
        told(booked, -1);
        return booked;
    }

    /**
     * The citizen's appointments still to come (booked, today or later), soonest first: what they
     * may cancel.
     */
    public List<Appointments.Appointment> upcoming(String idNumber) throws AppointmentException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return platform.ofCitizen(idNumber).stream()
                .filter(a ->
                        a.status() == Appointments.Status.BOOKED && !a.date().isBefore(today))
                .sorted(Comparator.comparing(CheckInWindow::start))
                .toList();
    }

    /** Cancels an appointment: its place is free again. */
    public Appointments.Appointment cancel(Appointments.Appointment a) throws AppointmentException {
        Appointments.Appointment cancelled = platform.cancel(a.appointmentId());
        log.info("Appointment {} cancelled", a.appointmentId());
        told(a, +1);
        return cancelled;
    }

    private void told(Appointments.Appointment a, int change) {
        try {
            days.taken(a, change);
        } catch (RuntimeException e) { // the next sync brings the platform's count anyway
            log.warn(
                    "The local copy of the days could not be told of appointment {}: {}",
                    a.appointmentId(),
                    e.toString());
        }
    }
}
