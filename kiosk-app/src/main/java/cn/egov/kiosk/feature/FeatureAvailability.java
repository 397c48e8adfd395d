package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.HealthModel;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out each feature's availability from the hall's opening hours, the device health model and
 * the platform's state, in that order: outside the opening hours a feature that is not offered then
 * says so, whatever its devices.
 */
public final class FeatureAvailability {
    private final HealthModel health;
    private final Map<Feature, Set<DeviceClass>> alsoRequired;
    private final PlatformState platform;
    private final OpeningHours hours;

    public FeatureAvailability(HealthModel health) {
        this(health, Map.of());
    }

    public FeatureAvailability(HealthModel health, Map<Feature, Set<DeviceClass>> alsoRequired) {
        this(health, alsoRequired, PlatformState.NONE);
    }

    /**
     * @param alsoRequired devices a feature needs in this hall's configuration beyond its own (the ID
     *     card reader, when tickets carry the citizen's masked ID)
     */
    public FeatureAvailability(
            HealthModel health, Map<Feature, Set<DeviceClass>> alsoRequired, PlatformState platform) {
        this(health, alsoRequired, platform, OpeningHours.always());
    }

    /** @param hours the hall's opening hours: outside them only the after-hours features are offered */
    public FeatureAvailability(
            HealthModel health,
            Map<Feature, Set<DeviceClass>> alsoRequired,
            PlatformState platform,
            OpeningHours hours) {
        this.health = health;
        this.alsoRequired = Map.copyOf(alsoRequired);
        this.platform = platform;
        this.hours = hours;
    }

    public OpeningHours hours() {
        return hours;
    }

    public PlatformState platform() {
        return platform;
    }

    /** The device classes a feature needs here. */
    public Set<DeviceClass> requires(Feature feature) {
        Set<DeviceClass> all = EnumSet.noneOf(DeviceClass.class);
        all.addAll(feature.requires());
        all.addAll(alsoRequired.getOrDefault(feature, Set.of()));
        return all;
    }

    /**
     * Whether this kiosk has (is configured with) every device the feature needs, and a platform for
     * the features that work on nothing else (its catalogue, its register): if not, it is not offered
     * at all.
     */
    public boolean fitted(Feature feature) {
        return requires(feature).stream().allMatch(c -> health.first(c).isPresent())
                && (!feature.platformOnly() || platform != PlatformState.NONE);
    }

    public Availability of(Feature feature) {
        Optional<Unavailable> closed = hours.problem(feature);
        if (closed.isPresent()) {
            return new Availability(feature, Optional.empty(), closed);
        }
        for (DeviceClass deviceClass : requires(feature)) {
            Optional<DeviceHealth> device = health.first(deviceClass);
            if (device.isEmpty()) {
                return new Availability(feature, Optional.of(deviceClass), Optional.of(Unavailable.NOT_FITTED));
            }
            if (!device.get().healthy()) {
                return new Availability(
                        feature,
                        Optional.of(deviceClass),
                        device.get().problem().map(Unavailable::of));
            }
        }
        if (feature.needsPlatform()) {
            Optional<Unavailable> p = platform.problem();
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
