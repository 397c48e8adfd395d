package cn.egov.kiosk.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** Audit events (审计日志): what happened at the kiosk, never with personal data. */
public final class Audit {
    private Audit() {}

    public enum Actor {
        CITIZEN,
        STAFF,
        ENGINEER,
        SYSTEM
    }

    public record Event(String eventId, OffsetDateTime at, String kind, Actor actor, JsonNode detail) {}

    /** {@code POST /v1/audit-events}. */
    public record Events(List<Event> events) {}
}
