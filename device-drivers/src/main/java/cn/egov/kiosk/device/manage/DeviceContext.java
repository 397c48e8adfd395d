package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import java.time.Clock;

/**
 * What a driver provider gets besides the spec: where statistics go, the clock, the simulators, and
 * the tap points its byte links go behind ({@link LinkConnections#create}).
 */
public record DeviceContext(StatisticsStore statistics, Clock clock, SimulatorRegistry simulators, WireTaps taps) {

    public DeviceContext(StatisticsStore statistics, Clock clock, SimulatorRegistry simulators) {
        this(statistics, clock, simulators, new WireTaps());
    }

    /** For tests and one-off tools: nothing persisted, the system clock. */
    public static DeviceContext ephemeral() {
        return new DeviceContext(StatisticsStore.NONE, Clock.systemDefaultZone(), new SimulatorRegistry());
    }
}
