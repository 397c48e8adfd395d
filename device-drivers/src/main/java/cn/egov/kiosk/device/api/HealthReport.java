package cn.egov.kiosk.device.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of a health check: whether the device can serve citizens and a text for the engineer
 * (for example {@code "online; paper near end"}). The text never contains personal data.
 */
public record HealthReport(HealthLevel level, boolean healthy, String text, Instant checkedAt) {
  public HealthReport {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(checkedAt, "checkedAt");
  }
}
