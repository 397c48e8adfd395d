package cn.egov.kiosk.session;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One citizen's visit. Holds what the visit collected (identity, form data...) under typed keys;
 * everything is wiped when the session ends. The session id carries no personal data.
 */
public final class Session {
    /** A typed key for data held by a session. */
    public record Key<T>(String name, Class<T> type) {}

    /** Data that holds personal information in a form that must be overwritten, not just dropped. */
    public interface Wipeable {
        void wipe();
    }

    private final String id;
    private final Instant startedAt;
    private final Locale locale;
    private final Map<Key<?>, Object> data = new ConcurrentHashMap<>();
    private volatile boolean ended;

    /** @param id a random UUID, from the manager's generator */
    Session(String id, Instant startedAt, Locale locale) {
        this.id = id;
        this.startedAt = startedAt;
        this.locale = locale;
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The language the session started in. */
    public Locale locale() {
        return locale;
    }

    public boolean ended() {
        return ended;
    }

    public <T> void put(Key<T> key, T value) {
        if (ended) {
            throw new IllegalStateException("session " + id + " has ended");
        }
        data.put(key, key.type().cast(value));
    }

    public <T> Optional<T> get(Key<T> key) {
        return Optional.ofNullable(data.get(key)).map(key.type()::cast);
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }

    /** Overwrites what can be overwritten and drops everything. */
    void wipe() {
        ended = true;
        for (Object value : data.values()) {
            if (value instanceof Wipeable w) {
                w.wipe();
            }
        }
        data.clear();
    }

    @Override
    public String toString() {
        return "Session[" + id + "]";
    }
}
