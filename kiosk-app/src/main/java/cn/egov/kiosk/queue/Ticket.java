package cn.egov.kiosk.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A queue number.
 *
 * @param id unique across kiosks and days: {@code K01-20261128-A001}
 * @param number what the citizen reads and the hall calls: {@code A001}
 * @param waitingAhead people with a printed ticket for the same business type ahead of this one,
 *     when known
 */
public record Ticket(
        String id,
        LocalDate serviceDay,
        String businessType,
        int seq,
        String number,
        TicketStatus status,
        OptionalInt waitingAhead,
        Instant issuedAt) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceDay, "serviceDay");
        Objects.requireNonNull(businessType, "businessType");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(waitingAhead, "waitingAhead");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public Ticket withStatus(TicketStatus next) {
        return new Ticket(id, serviceDay, businessType, seq, number, next, waitingAhead, issuedAt);
    }

    /** {@code A} and 1 → {@code A001}; past 999 the number grows a digit ({@code A1000}). */
    public static String formatNumber(String businessType, int seq) {
        return businessType + String.format("%03d", seq);
    }
}
