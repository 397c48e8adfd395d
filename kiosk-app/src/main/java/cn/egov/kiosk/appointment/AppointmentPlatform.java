package cn.egov.kiosk.appointment;

import cn.egov.kiosk.platform.api.Appointments;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What appointments need of the platform, which alone knows the slots and holds the bookings. The
 * kiosk's side is {@code sync.PlatformAppointments}. Every call blocks on the network: off the
 * JavaFX thread. An offline kiosk does not make the citizen wait for a timeout: it fails at once
 * with {@link AppointmentProblem#OFFLINE}.
 */
public interface AppointmentPlatform {

    /** The slots of an item on a day, with the places left in each. */
    Appointments.SlotDay slots(String itemId, LocalDate date) throws AppointmentException;

    /** Books a slot; {@code book.appointmentId()} is the kiosk's, so that asking again books once. */
    Appointments.Appointment book(Appointments.Book book) throws AppointmentException;

    /** A citizen's appointments, by their ID number (sent in the request's body, never in a URL). */
    List<Appointments.Appointment> ofCitizen(String idNumber) throws AppointmentException;

    /** The appointment a confirmation's check-in code names, if the platform knows it. */
    Optional<Appointments.Appointment> byCheckInCode(String checkInCode) throws AppointmentException;

    /** Checks an appointment in: the platform gives its queue number (again, when it was checked in before). */
    Appointments.Appointment checkIn(String appointmentId) throws AppointmentException;

    /** Cancels an appointment: its place is free again. */
    Appointments.Appointment cancel(String appointmentId) throws AppointmentException;
}
