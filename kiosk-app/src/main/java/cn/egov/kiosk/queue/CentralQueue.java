package cn.egov.kiosk.queue;

import java.util.OptionalInt;

/**
 * The hall's central queue on the platform. The queue asks it first; when it cannot answer (the
 * platform is offline, or slow), the kiosk issues a number from its own range with its prefix.
 */
public interface CentralQueue {
    /** What asking gave. */
    sealed interface Taken permits Number, NotAsked, Unanswered {}

    /** A number the platform gave. */
    record Number(String number, OptionalInt waitingAhead) implements Taken {}

    /** The platform was not asked (known to be away) or refused: no number is held for the ticket. */
    record NotAsked() implements Taken {}

    /**
     * The platform was asked and the answer never came (lost, late, a server error): it may hold a
     * number for the ticket that nobody will take.
     */
    record Unanswered() implements Taken {}

    /**
     * A number for {@code ticketId} (the kiosk's id of the ticket, the request's idempotency key).
     * Blocks for a few seconds at most.
     */
    Taken take(String ticketId, String businessType);

    /** The kiosk's own prefix for numbers issued while the platform is away ({@code Z1}). */
    String offlinePrefix();
}
