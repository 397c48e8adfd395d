package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.DeviceClass;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The health of every configured device, kept up to date by the device manager. Listeners are
 * called on a device or supervisor thread: a UI must hand the update to its own thread.
 */
public final class HealthModel {
    /** In configuration order: "the first printer" means the same device here as in the manager. */
    private final Map<String, DeviceHealth> byId = Collections.synchronizedMap(new LinkedHashMap<>());

    private final List<Consumer<DeviceHealth>> listeners = new CopyOnWriteArrayList<>();

    void update(DeviceHealth health) {
        DeviceHealth previous = byId.put(health.id(), health);
        if (previous != null
                && previous.state() == health.state()
                && previous.conditions().equals(health.conditions())
                && previous.problem().equals(health.problem())
                && previous.text().equals(health.text())) {
            return;
        }
        for (Consumer<DeviceHealth> l : listeners) {
            l.accept(health);
        }
    }

    /** A device no longer configured: forgotten, and the listeners told with its last health. */
    void remove(String id) {
        DeviceHealth last = byId.remove(id);
        if (last != null) {
            for (Consumer<DeviceHealth> l : listeners) {
                l.accept(last);
            }
        }
    }

    public Optional<DeviceHealth> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The first configured device of a class (kiosks have one of each), if any. */
    public Optional<DeviceHealth> first(DeviceClass deviceClass) {
        return all().stream().filter(h -> h.deviceClass() == deviceClass).findFirst();
    }

    public Collection<DeviceHealth> all() {
        synchronized (byId) {
            return List.copyOf(byId.values());
        }
    }

    public boolean allHealthy() {
        return all().stream().allMatch(DeviceHealth::healthy);
    }

    public void addListener(Consumer<DeviceHealth> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DeviceHealth> listener) {
        listeners.remove(listener);
    }
}
