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
  private final java.util.Map<Feature, java.util.Set<DeviceClass>> alsoRequired;
  private final PlatformState platform;

  public FeatureAvailability(HealthModel health) {
    this(health, java.util.Map.of());
  }

  public FeatureAvailability(HealthModel health, java.util.Map<Feature, java.util.Set<DeviceClass>> alsoRequired) {
    this(health, alsoRequired, PlatformState.NONE);
  }

  /**
   * @param alsoRequired devices a feature needs in this hall's configuration beyond its own (the ID
   *     card reader, when tickets carry the citizen's masked ID)
   */
  public FeatureAvailability(HealthModel health, java.util.Map<Feature, java.util.Set<DeviceClass>> alsoRequired, PlatformState platform) {
    this.health = health;
    this.alsoRequired = java.util.Map.copyOf(alsoRequired);
    this.platform = platform;
  }

  public PlatformState platform() {
    return platform;
  }

  /** The device classes a feature needs here. */
  public java.util.Set<DeviceClass> requires(Feature feature) {
    java.util.Set<DeviceClass> all = java.util.EnumSet.noneOf(DeviceClass.class);
    all.addAll(feature.requires());
    all.addAll(alsoRequired.getOrDefault(feature, java.util.Set.of()));
    return all;
  }

  /** Whether this kiosk has (is configured with) every device the feature needs: if not, it is not offered at all. */
  public boolean fitted(Feature feature) {
    return requires(feature).stream().allMatch(c -> health.first(c).isPresent());
  }

  public Availability of(Feature feature) {
    for (DeviceClass deviceClass : requires(feature)) {
      Optional<DeviceHealth> device = health.first(deviceClass);
      if (device.isEmpty()) {
        return new Availability(feature, Optional.of(deviceClass), Optional.of(NOT_FITTED));
      }
      if (!device.get().healthy()) {
        return new Availability(feature, Optional.of(deviceClass), device.get().problem());
      }
    }
    if (feature.needsPlatform()) {
      Optional<String> p = platform.problem();
      if (p.isPresent()) {
        return new Availability(feature, Optional.empty(), p);
      }
    }
    return Availability.ok(feature);
  }

  public HealthModel health() {
    return health;
  }
}
