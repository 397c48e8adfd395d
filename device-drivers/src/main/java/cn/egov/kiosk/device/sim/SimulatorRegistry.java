package cn.egov.kiosk.device.sim;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The simulators of the running kiosk, by device id. */
public final class SimulatorRegistry {
    private final Map<String, Simulator> byId = new ConcurrentSkipListMap<>();

    public void register(Simulator simulator) {
        byId.put(simulator.deviceId(), simulator);
    }

    public Optional<Simulator> find(String deviceId) {
        return Optional.ofNullable(byId.get(deviceId));
    }

    /** The simulator of a device, as its concrete type. */
    public <T extends Simulator> Optional<T> find(String deviceId, Class<T> type) {
        return find(deviceId).filter(type::isInstance).map(type::cast);
    }

    /** Closes every simulator (the devices themselves are closed by the device manager). */
    public void closeAll() {
        byId.values().forEach(Simulator::close);
    }

    public Collection<Simulator> all() {
        return byId.values();
    }
}
