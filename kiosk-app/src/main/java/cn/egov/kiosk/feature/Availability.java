package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.api.DeviceClass;
import java.util.Optional;

/**
 * Whether a feature can be used now; when not, the device class at fault (none when it is the
 * platform) and why.
 */
public record Availability(Feature feature, Optional<DeviceClass> device, Optional<Unavailable> problem) {
    public boolean available() {
        return problem.isEmpty();
    }

    public static Availability ok(Feature feature) {
        return new Availability(feature, Optional.empty(), Optional.empty());
    }
}
