package cn.egov.kiosk.platform.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the platform holds from the kiosks: every operation applied, in arrival order, by its kind
 * and its own id (the ticket's, application's, event's or order's id, not the idempotency key).
 * An id applied twice is counted twice: that is the duplicate a test looks for.
 */
public final class Ledger {
    /** One applied operation. */
    public record Entry(
            String kioskId, String kind, String id, String stream, long seq, Instant receivedAt, JsonNode body) {
        @Override
        public String toString() {
            return "Entry[" + kind + " " + id + " from " + kioskId + "]";
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> times = new ConcurrentHashMap<>();

    synchronized void add(Entry e) {
        entries.add(e);
        times.merge(e.kind() + ":" + e.id(), 1, Integer::sum);
    }

    /** Every operation applied, in the order applied. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> entries(String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** How many times the operation of this kind and id was applied (0, 1, or a duplicate). */
    public int times(String kind, String id) {
        return times.getOrDefault(kind + ":" + id, 0);
    }

    /** Operations per kind. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (Entry e : entries) {
            c.merge(e.kind(), 1, Integer::sum);
        }
        return c;
    }

    /** Ids applied more than once, per kind: empty when every operation was applied once. */
    public synchronized List<String> duplicates() {
        List<String> d = new ArrayList<>();
        times.forEach((k, n) -> {
            if (n > 1) {
                d.add(k + " x" + n);
            }
        });
        return d;
    }

    public synchronized int size() {
        return entries.size();
    }
}
