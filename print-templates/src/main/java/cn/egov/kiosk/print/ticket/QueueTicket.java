package cn.egov.kiosk.print.ticket;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a queue ticket says.
 *
 * @param ticketId the ticket's id, carried by the QR code (the hall's caller scans it)
 * @param waitingAhead people waiting ahead, when the queue service knows it
 * @param idNumber the citizen's ID number, when the hall prints it: the template masks it
 * @param locale the citizen's language: the ticket's labels and instruction line are in it
 * @param appointment the appointment checked in for this number (预约签到), when it is one
 */
public record QueueTicket(
        String hallName,
        String businessType,
        String number,
        OptionalInt waitingAhead,
        LocalDateTime issuedAt,
        String ticketId,
        Optional<String> idNumber,
        String hotline,
        Locale locale,
        Optional<Appointment> appointment) {

    /**
     * The appointment a number was taken for at check-in: its service and time, and whether the
     * hall's rule calls it ahead of numbers taken without one ({@code priority}: 预约优先).
     */
    public record Appointment(boolean priority, LocalDateTime start, String service) {
        public Appointment {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(service, "service");
        }
    }

    /** A number taken without an appointment. */
    public QueueTicket(
            String hallName,
            String businessType,
            String number,
            OptionalInt waitingAhead,
            LocalDateTime issuedAt,
            String ticketId,
            Optional<String> idNumber,
            String hotline,
            Locale locale) {
        this(
                hallName,
                businessType,
                number,
                waitingAhead,
                issuedAt,
                ticketId,
                idNumber,
                hotline,
                locale,
                Optional.empty());
    }

    public QueueTicket {
        Objects.requireNonNull(hallName, "hallName");
        Objects.requireNonNull(businessType, "businessType");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(waitingAhead, "waitingAhead");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(appointment, "appointment");
    }

    @Override
    public String toString() {
        return "QueueTicket[" + number + ", " + ticketId + "]"; // the ID number is personal data
    }
}
