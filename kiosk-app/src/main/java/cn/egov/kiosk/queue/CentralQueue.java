package cn.egov.kiosk.queue;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The hall's central queue on the platform. The queue asks it first; when it cannot answer (the
 * platform is offline, or slow), the kiosk issues a number from its own range with its prefix.
 */
public interface CentralQueue {
  /** A number the platform gave. */
  record Number(String number, OptionalInt waitingAhead) {}

  /**
   * A number for {@code ticketId} (the kiosk's id of the ticket, the request's idempotency key),
   * or empty when the platform cannot be asked now. Blocks for a few seconds at most.
   */
  Optional<Number> take(String ticketId, String businessType);

  /** The kiosk's own prefix for numbers issued while the platform is away ({@code Z1}). */
  String offlinePrefix();
}
