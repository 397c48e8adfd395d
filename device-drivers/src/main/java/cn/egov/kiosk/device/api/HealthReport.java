package cn.egov.kiosk.device.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The result of a health check: whether the device can serve citizens and a text for the engineer
 * (for example {@code "online; paper near end"}). The text never contains personal data.
 */
public record HealthReport(HealthLevel level, boolean healthy, String text, Instant checkedAt) {

    /** The engineer's line for a state and its conditions: {@code idle; paper-low}. */
    public static String describe(DeviceState state, Set<Condition> conditions) {
        StringBuilder text = new StringBuilder(state.name().toLowerCase(Locale.ROOT));
        conditions.stream().sorted().forEach(c -> text.append("; ").append(c.raisedName()));
        return text.toString();
    }

    public HealthReport {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
