package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.HealthModel;
import java.util.Optional;

/** Works out each feature's availability from the device health model. */
public final class FeatureAvailability {
  /** The problem of a feature whose device is not configured at all. */
  public static final String NOT_FITTED = "not-fitted";

  private final HealthModel health;

  public FeatureAvailability(HealthModel health) {
    this.health = health;
  }

  public Availability of(Feature feature) {
    for (DeviceClass deviceClass : feature.requires()) {
      Optional<DeviceHealth> device = health.first(deviceClass);
      if (device.isEmpty()) {
        return new Availability(feature, Optional.of(deviceClass), Optional.of(NOT_FITTED));
      }
      if (!device.get().healthy()) {
        return new Availability(feature, Optional.of(deviceClass), device.get().problem());
      }
    }
    return Availability.ok(feature);
  }

  public HealthModel health() {
    return health;
  }
}
