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
        Locale locale) {
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
    }

    @Override
    public String toString() {
        return "QueueTicket[" + number + ", " + ticketId + "]"; // the ID number is personal data
    }
}
