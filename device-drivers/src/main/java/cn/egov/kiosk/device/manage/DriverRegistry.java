package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The driver providers on the class path, by name. */
public final class DriverRegistry {
    private final Map<String, DeviceDriverProvider> providers = new TreeMap<>();

    public DriverRegistry(Iterable<DeviceDriverProvider> found) {
        for (DeviceDriverProvider p : found) {
            DeviceDriverProvider clash = providers.putIfAbsent(p.name(), p);
            if (clash != null && clash.getClass() != p.getClass()) {
                throw new IllegalStateException("two device drivers are called \"" + p.name() + "\": "
                        + clash.getClass().getName() + " and " + p.getClass().getName());
            }
        }
    }

    /**
     * Every provider that {@link ServiceLoader} finds on the class path, and those each {@link
     * DriverSource} it finds offers (the payment terminal's vendor adapters).
     */
    public static DriverRegistry load() {
        List<DeviceDriverProvider> found = new ArrayList<>();
        ServiceLoader.load(DeviceDriverProvider.class).forEach(found::add);
        ServiceLoader.load(DriverSource.class).forEach(source -> found.addAll(source.drivers()));
        return new DriverRegistry(found);
    }

    public Optional<DeviceDriverProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /** Every provider, by name, in the order of the names. */
    public Map<String, DeviceDriverProvider> all() {
        return Collections.unmodifiableMap(new TreeMap<>(providers));
    }

    /** The options a driver reads for a device of that class; none for an unknown driver. */
    public List<OptionDeclaration> options(String driver, DeviceClass deviceClass) {
        return find(driver).map(p -> p.options(deviceClass)).orElse(List.of());
    }

    /** Problems with a spec: an unknown driver, a class the driver does not drive, bad options. */
    public List<SpecProblem> validate(DeviceSpec spec) {
        Optional<DeviceDriverProvider> provider = find(spec.driver());
        if (provider.isEmpty()) {
            return List.of(new SpecProblem("driver", "one of " + providers.keySet(), spec.driver()));
        }
        if (!provider.get().deviceClasses().contains(spec.deviceClass())) {
            List<SpecProblem> list = new ArrayList<>();
            list.add(new SpecProblem(
                    "driver",
                    "a driver for a " + spec.deviceClass() + " (\"" + spec.driver() + "\" drives "
                            + provider.get().deviceClasses() + ")",
                    spec.driver()));
            return list;
        }
        return provider.get().validate(spec);
    }

    /** Builds a device from a valid spec. */
    public Device create(DeviceSpec spec, DeviceContext context) {
        List<SpecProblem> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "device " + spec.id() + ": " + problems.get(0).describe());
        }
        return providers.get(spec.driver()).create(spec, context);
    }
}
