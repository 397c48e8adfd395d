package cn.egov.kiosk.store;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail that goes to the platform: each event an outbox record, durable when {@link
 * #record} returns. The detail names what happened, never who (no personal data).
 */
public final class AuditRepository {
  private final OutboxRepository outbox;

  public AuditRepository(OutboxRepository outbox) {
    this.outbox = outbox;
  }

  /** Records an event; returns its id. */
  public String record(Instant at, String kind, String actor, Map<String, Object> detail) {
    String id = UUID.randomUUID().toString();
    outbox.database().transaction(c -> {
      AuditEvents.append(c, outbox, id, at, kind, actor, detail);
      return null;
    });
    return id;
  }
}
