package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/heartbeats}: the kiosk's health, every {@code heartbeatSeconds}, and at once
 * (an urgent heartbeat) when a device runs out of paper, goes offline or faults.
 *
 * @param hallName the hall's name (Chinese), for the platform's console
 * @param heartbeatSeconds how often the kiosk beats: the platform calls it silent after three missed
 * @param urgent the urgent device events since the last heartbeat the platform answered (oldest
 *     first, at most {@link #MAX_URGENT}); non-empty on a heartbeat sent at once for one
 */
public record Heartbeat(
        OffsetDateTime at,
        long uptimeSeconds,
        String appVersion,
        List<Device> devices,
        long outboxBacklog,
        long deadLetters,
        long clockOffsetMs,
        long catalogueVersion,
        String hallName,
        long heartbeatSeconds,
        List<UrgentEvent> urgent) {

    /** At most this many urgent events in one heartbeat (the oldest are dropped first). */
    public static final int MAX_URGENT = 50;

    public Heartbeat {
        devices = devices == null ? List.of() : List.copyOf(devices);
        urgent = urgent == null ? List.of() : List.copyOf(urgent);
    }

    /** A heartbeat of the first contract version (without hall, interval and urgent events). */
    public Heartbeat(
            OffsetDateTime at,
            long uptimeSeconds,
            String appVersion,
            List<Device> devices,
            long outboxBacklog,
            long deadLetters,
            long clockOffsetMs,
            long catalogueVersion) {
        this(
                at,
                uptimeSeconds,
                appVersion,
                devices,
                outboxBacklog,
                deadLetters,
                clockOffsetMs,
                catalogueVersion,
                null,
                0,
                List.of());
    }

    /**
     * One device.
     *
     * @param kind the device class ({@code RECEIPT_PRINTER})
     * @param health how it serves now: level and code; absent from kiosks of the first version
     */
    public record Device(
            String id, String kind, String state, List<String> conditions, Map<String, Long> counters, Health health) {
        public Device(String id, String kind, String state, List<String> conditions, Map<String, Long> counters) {
            this(id, kind, state, conditions, counters, null);
        }
    }

    /** How a device serves: {@code OK}; {@code WARNING} (serves, but see to it: paper low); {@code FAULT} (cannot serve). */
    public enum Level {
        OK,
        WARNING,
        FAULT
    }

    /**
     * A device's health.
     *
     * @param code why, when not OK: {@code paper-out}, {@code offline}, {@code paper-low}, {@code starting}...
     * @param text the engineer's line ({@code idle; paper-out}), never personal data
     */
    public record Health(Level level, String code, String text) {}

    /**
     * A device's health changed in a way the hall must hear of at once.
     *
     * @param level the level it changed to ({@code OK}: the trouble is over)
     * @param code the code it changed to ({@code paper-out}), or the one that ended
     */
    public record UrgentEvent(OffsetDateTime at, String deviceId, Level level, String code) {}

    public record Command(String name, Map<String, String> args) {}

    public record Reply(OffsetDateTime serverTime, List<Command> commands) {}
}
