package cn.egov.kiosk.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local queue service: numbers per business type and per day in the hall's time zone, with
 * the type's letter as prefix (A001, A002... B001). Persisted, so a restart continues the
 * sequence; a new day starts again at 001. With a {@link CentralQueue} (the platform), numbers come
 * from the hall's central queue, and from the kiosk's own range with its prefix ({@code Z1A001})
 * while the platform cannot be reached.
 */
public final class QueueService {
    private static final Logger log = LoggerFactory.getLogger(QueueService.class);

    private final TicketStore tickets;
    private final Clock clock;
    private final ZoneId zone;
    private final String kioskId;
    private final Set<String> businessTypes;
    private final Optional<CentralQueue> central;

    public QueueService(TicketStore tickets, Clock clock, ZoneId zone, String kioskId, Set<String> businessTypes) {
        this(tickets, clock, zone, kioskId, businessTypes, Optional.empty());
    }

    public QueueService(
            TicketStore tickets,
            Clock clock,
            ZoneId zone,
            String kioskId,
            Set<String> businessTypes,
            Optional<CentralQueue> central) {
        this.central = central;
        this.tickets = tickets;
        this.clock = clock;
        this.zone = zone;
        this.kioskId = kioskId;
        this.businessTypes = Set.copyOf(businessTypes);
    }

    /**
     * Numbers left allocated by a kiosk that stopped mid-print become {@link
     * TicketStatus#INTERRUPTED}: whether their ticket came out is unknown. Call once at start-up.
     */
    public void recoverAfterRestart() {
        int interrupted = tickets.markInterrupted(clock.instant());
        if (interrupted > 0) {
            log.warn(
                    "{} queue number(s) were being printed when the kiosk stopped; marked interrupted for staff",
                    interrupted);
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Takes the next number of a business type; the ticket is {@link TicketStatus#ALLOCATED}. */
    public Ticket allocate(String businessType) {
        requireKnown(businessType);
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        Ticket ticket;
        if (central.isPresent()) {
            String ticketId = UUID.randomUUID().toString();
            CentralQueue.Taken taken = central.get().take(ticketId, businessType);
            if (taken instanceof CentralQueue.Number n) {
                ticket = tickets.recordCentral(ticketId, day, businessType, n.number(), n.waitingAhead(), now);
            } else {
                if (taken instanceof CentralQueue.Unanswered) {
                    try {
                        tickets.abandonCentral(ticketId, day, businessType, now);
                        log.warn(
                                "The central queue's answer for ticket {} never came; reported voided so that the hall does not wait for it",
                                ticketId);
                    } catch (RuntimeException e) {
                        // the citizen still gets a number; only the report is lost (staff see the store's error)
                        log.error(
                                "The central number asked for under ticket {} could not be reported voided",
                                ticketId,
                                e);
                    }
                }
                ticket = tickets.allocate(
                        kioskId, day, businessType, central.get().offlinePrefix(), now);
            }
        } else {
            ticket = tickets.allocate(kioskId, day, businessType, now);
        }
        log.info("Queue number {} allocated ({})", ticket.number(), ticket.id());
        return ticket;
    }

    /**
     * Records a number the platform gave an appointment at its check-in (the hall's central queue),
     * as allocated: it is the citizen's whatever the printer does, since the platform holds the
     * check-in.
     */
    public Ticket recordCheckedIn(String businessType, String number) {
        Instant now = clock.instant();
        Ticket ticket = tickets.recordCentral(
                UUID.randomUUID().toString(),
                LocalDate.ofInstant(now, zone),
                businessType,
                number,
                OptionalInt.empty(),
                now);
        log.info("Queue number {} recorded for a checked-in appointment ({})", ticket.number(), ticket.id());
        return ticket;
    }

    /**
     * A checked-in appointment's ticket did not print: the number stands (the platform holds the
     * check-in and the citizen was told the number and where to go), so it is not voided but left
     * to staff, as a ticket whose printing was interrupted.
     */
    public Ticket notPrinted(Ticket ticket, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (!tickets.transition(
                ticket.id(), TicketStatus.ALLOCATED, TicketStatus.INTERRUPTED, reason, clock.instant())) {
            throw new IllegalStateException("ticket " + ticket.id() + " is not allocated");
        }
        log.warn("Queue number {} of a checked-in appointment did not print: {}", ticket.number(), reason);
        return ticket.withStatus(TicketStatus.INTERRUPTED);
    }

    /** The ticket is in the citizen's hand. A store that fails once is asked again. */
    public Ticket confirmPrinted(Ticket ticket) {
        boolean moved;
        try {
            moved = tickets.transition(
                    ticket.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, clock.instant());
        } catch (RuntimeException first) {
            log.warn("Recording ticket {} as printed failed once; trying again", ticket.number(), first);
            moved = tickets.transition(
                    ticket.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, clock.instant());
        }
        if (!moved) {
            throw new IllegalStateException("ticket " + ticket.id() + " is not allocated");
        }
        log.info("Queue number {} printed", ticket.number());
        return ticket.withStatus(TicketStatus.PRINTED);
    }

    /** The number was not handed out; it will never be called. */
    public Ticket voidTicket(Ticket ticket, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (!tickets.transition(ticket.id(), TicketStatus.ALLOCATED, TicketStatus.VOIDED, reason, clock.instant())) {
            throw new IllegalStateException("ticket " + ticket.id() + " is not allocated and cannot be voided");
        }
        log.warn("Queue number {} voided: {}", ticket.number(), reason);
        return ticket.withStatus(TicketStatus.VOIDED);
    }

    /**
     * People waiting for a business type now (printed tickets of the day, not yet called); empty
     * while the queue does not know who has been called, as before the hall's calls are fed in.
     */
    public OptionalInt waiting(String businessType) {
        requireKnown(businessType);
        return tickets.waiting(today(), businessType, Integer.MAX_VALUE);
    }

    /** The hall called a number (from the hall's calling system): it is no longer waiting. */
    public boolean markCalled(String ticketId) {
        boolean moved = tickets.transition(ticketId, TicketStatus.PRINTED, TicketStatus.CALLED, null, clock.instant());
        if (moved) {
            log.info("Queue ticket {} called", ticketId);
        }
        return moved;
    }

    /** Every number of a day, in the order taken: for staff counts and checks. */
    public List<Ticket> ticketsOfDay(LocalDate day) {
        return tickets.ofDay(day);
    }

    /** Whether the hall offers a business type here. */
    public boolean offers(String businessType) {
        return businessTypes.contains(businessType);
    }

    private void requireKnown(String businessType) {
        if (!offers(businessType)) {
            throw new IllegalArgumentException("business type " + businessType + " is not offered here");
        }
    }
}
