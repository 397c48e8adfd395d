package cn.egov.kiosk.device.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A device's statistics counters (UnifiedPOS statistics): standard names plus whatever a driver
 * adds. Counters persist across restarts through a {@link StatisticsStore}; time online is kept in
 * seconds and shown in hours.
 */
public final class DeviceStatistics {
    public static final String READS = "reads";
    public static final String PRINTS = "prints";
    public static final String CUTS = "cuts";
    public static final String FAILURES = "failures";
    public static final String BYTES_WRITTEN = "bytesWritten";
    public static final String RECONNECTS = "reconnects";
    public static final String SECONDS_ONLINE = "secondsOnline";

    private final String deviceId;
    private final StatisticsStore store;
    private final Clock clock;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private volatile Instant onlineSince;

    public DeviceStatistics(String deviceId, StatisticsStore store, Clock clock) {
        this.deviceId = deviceId;
        this.store = store;
        this.clock = clock;
        store.load(deviceId).forEach((name, value) -> counters.put(name, new AtomicLong(value)));
    }

    public void increment(String name) {
        add(name, 1);
    }

    public void add(String name, long amount) {
        counters.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(amount);
    }

    public long get(String name) {
        AtomicLong value = counters.get(name);
        long base = value == null ? 0 : value.get();
        if (SECONDS_ONLINE.equals(name)) {
            Instant since = onlineSince;
            if (since != null) {
                base += Duration.between(since, clock.instant()).toSeconds();
            }
        }
        return base;
    }

    /** Hours the device has been online, over its whole recorded life. */
    public double hoursOnline() {
        return get(SECONDS_ONLINE) / 3600.0;
    }

    /** Every counter, sorted by name, with time online brought up to now. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((name, value) -> copy.put(name, value.get()));
        copy.put(SECONDS_ONLINE, get(SECONDS_ONLINE));
        return copy;
    }

    /** Starts counting time online (called when the device comes online). */
    public synchronized void markOnline() {
        if (onlineSince == null) {
            onlineSince = clock.instant();
        }
    }

    /** Stops counting time online and adds the elapsed seconds. */
    public synchronized void markOffline() {
        Instant since = onlineSince;
        if (since != null) {
            add(SECONDS_ONLINE, Duration.between(since, clock.instant()).toSeconds());
            onlineSince = null;
        }
    }

    /** Writes the counters to the store. */
    public synchronized void save() {
        store.save(deviceId, snapshot());
    }

    /** Sets every counter to zero (an engineer's reset) and saves. */
    public synchronized void reset() {
        counters.clear();
        if (onlineSince != null) {
            onlineSince = clock.instant();
        }
        save();
    }
}
