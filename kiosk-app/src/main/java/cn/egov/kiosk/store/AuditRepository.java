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
        return record(UUID.randomUUID().toString(), at, kind, actor, detail);
    }

    /** Records an event with its id given (a UUID); durable when this returns. */
    public String record(String id, Instant at, String kind, String actor, Map<String, Object> detail) {
        outbox.database().transaction(c -> {
            AuditEvents.append(c, outbox, id, at, kind, actor, detail);
            return null;
        });
        return id;
    }
}
