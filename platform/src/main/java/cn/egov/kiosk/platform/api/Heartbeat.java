package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/heartbeats}: the kiosk's health, every few minutes. */
public record Heartbeat(
        OffsetDateTime at,
        long uptimeSeconds,
        String appVersion,
        List<Device> devices,
        long outboxBacklog,
        long deadLetters,
        long clockOffsetMs,
        long catalogueVersion) {

    public record Device(String id, String kind, String state, List<String> conditions, Map<String, Long> counters) {}

    public record Command(String name, Map<String, String> args) {}

    public record Reply(OffsetDateTime serverTime, List<Command> commands) {}
}
