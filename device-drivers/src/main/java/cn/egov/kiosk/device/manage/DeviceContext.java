package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import java.time.Clock;

/** What a driver provider gets besides the spec: where statistics go, the clock, the simulators. */
public record DeviceContext(StatisticsStore statistics, Clock clock, SimulatorRegistry simulators) {
    /** For tests and one-off tools: nothing persisted, the system clock. */
    public static DeviceContext ephemeral() {
        return new DeviceContext(StatisticsStore.NONE, Clock.systemDefaultZone(), new SimulatorRegistry());
    }
}
