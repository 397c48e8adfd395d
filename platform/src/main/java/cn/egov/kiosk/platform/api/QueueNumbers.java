package cn.egov.kiosk.platform.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Queue numbers (排队号) from the hall's central queue, and ranges for offline issuing. */
public final class QueueNumbers {
    private QueueNumbers() {}

    /** {@code POST /v1/queue-numbers}; {@code ticketId} is the kiosk's and the idempotency key. */
    public record Request(String ticketId, String businessType, String appointmentId) {}

    public record Issued(
            String ticketId, String number, String businessType, int waitingAhead, OffsetDateTime issuedAt) {}

    /** {@code POST /v1/queue-numbers/offline-ranges}. */
    public record RangeRequest(String businessType, int size) {}

    public record Range(String prefix, int from, int to, LocalDate serviceDay) {}

    public enum TicketStatus {
        PRINTED,
        VOIDED,
        INTERRUPTED
    }

    /**
     * The body of a {@code ticket.issued} batch record: how a ticket ended (printed, voided,
     * interrupted), with its number; {@code number} is null only for a central number whose answer
     * the kiosk never got, reported voided.
     */
    public record TicketIssued(
            String ticketId,
            String number,
            String businessType,
            LocalDate serviceDay,
            OffsetDateTime issuedAt,
            TicketStatus status) {}
}
