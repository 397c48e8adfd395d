package cn.egov.kiosk.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin side's audit events, kept in memory, for tests. */
public final class AuditLog implements AdminAudit {
    /** One event. */
    public record Event(Instant at, String kind, String actor, Map<String, Object> detail) {
        @Override
        public String toString() {
            return kind + " " + actor + " " + detail;
        }
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void record(Instant at, String kind, String actor, Map<String, Object> detail) {
        events.add(new Event(at, kind, actor, Collections.unmodifiableMap(new LinkedHashMap<>(detail))));
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The events as {@code kind actor detail}, in order. */
    public synchronized List<String> lines() {
        return events.stream().map(Event::toString).toList();
    }

    public synchronized List<Event> ofKind(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
