package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.api.DeviceClass;
import java.util.Optional;

/**
 * Whether a feature can be used now; when not, the device class at fault and the problem ({@code
 * paper-out}, {@code offline}, {@code starting}, {@code not-fitted}...).
 */
public record Availability(Feature feature, Optional<DeviceClass> device, Optional<String> problem) {
  public boolean available() {
    return problem.isEmpty();
  }

  public static Availability ok(Feature feature) {
    return new Availability(feature, Optional.empty(), Optional.empty());
  }
}
