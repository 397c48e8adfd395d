package cn.egov.kiosk.store;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Audit events as outbox records ({@code audit.event}, stream {@code audit}). Never personal data. */
final class AuditEvents {
    private AuditEvents() {}

    static void append(
            Connection c,
            OutboxRepository outbox,
            String eventId,
            Instant at,
            String kind,
            String actor,
            Map<String, Object> detail)
            throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("at", at.atOffset(ZoneOffset.UTC).toString());
        body.put("kind", kind);
        body.put("actor", actor);
        body.put("detail", detail);
        outbox.append(c, new OutboxRepository.New(Batch.AUDIT_EVENT, "audit", eventId, at, Json.bytes(body), false));
    }
}
