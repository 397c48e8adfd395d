package cn.egov.kiosk.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where queue numbers are kept: the per-day, per-type counters and the tickets. The queue defines
 * it and the local store implements it ({@code cn.egov.kiosk.store.TicketRepository}), so that the
 * queue does not depend on the store. An implementation reports a store that cannot be read or
 * written with an unchecked exception of its own.
 */
public interface TicketStore {

    /**
     * Takes the next number of the day for a business type and records it as allocated, in one
     * durable transaction: a restart continues the sequence; a new day starts at 1.
     */
    default Ticket allocate(String kioskId, LocalDate day, String businessType, Instant now) {
        return allocate(kioskId, day, businessType, "", now);
    }

    /**
     * As {@link #allocate(String, LocalDate, String, Instant)}, from the kiosk's own range: the
     * number is {@code prefix} + type + sequence ({@code Z1A001}), the sequence its own.
     */
    Ticket allocate(String kioskId, LocalDate day, String businessType, String prefix, Instant now);

    /** Records a number the platform's central queue gave, as allocated. */
    Ticket recordCentral(
            String ticketId, LocalDate day, String businessType, String number, OptionalInt waitingAhead, Instant now);

    /**
     * Moves a ticket on; returns false when it was not in the expected status. A ticket that ends
     * (PRINTED, VOIDED) is reported to the platform (the outbox) in the same transaction, where there
     * is one.
     */
    boolean transition(String id, TicketStatus from, TicketStatus to, String reason, Instant now);

    /**
     * Marks every ticket left allocated as interrupted (the kiosk stopped mid-print), reported to the
     * platform where there is one; returns how many.
     */
    int markInterrupted(Instant now);

    /**
     * Reports as voided a central number asked for under {@code ticketId} whose answer never came:
     * the platform may have issued it, and nobody holds it.
     */
    void abandonCentral(String ticketId, LocalDate day, String businessType, Instant now);

    /**
     * People holding a printed ticket of the day and type, not yet called, with a number below
     * {@code beforeSeq}; empty while no number of the day and type has been called, because then
     * nobody knows who has been served.
     */
    OptionalInt waiting(LocalDate day, String businessType, int beforeSeq);

    /** The tickets of a day, in the order they were taken. */
    List<Ticket> ofDay(LocalDate day);
}
