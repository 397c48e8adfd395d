package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One device's health as the kiosk sees it now: what the UI binds to and diagnostics print.
 *
 * @param problem why the device cannot serve, when it cannot
 * @param text a line for the engineer
 */
public record DeviceHealth(
        String id,
        DeviceClass deviceClass,
        String driver,
        String connection,
        DeviceState state,
        Set<Condition> conditions,
        Optional<HealthProblem> problem,
        String text,
        Map<String, Long> counters,
        Instant updatedAt) {

    public DeviceHealth {
        conditions = Set.copyOf(conditions);
        counters = Map.copyOf(counters);
    }

    public boolean healthy() {
        return problem.isEmpty();
    }

    /** The problem for a device whose state and conditions are known. */
    static Optional<HealthProblem> problemOf(DeviceState state, Set<Condition> conditions) {
        if (state == DeviceState.CLOSED || state == DeviceState.OFFLINE) {
            return Optional.of(HealthProblem.OFFLINE);
        }
        Optional<Condition> blocking = Condition.BLOCKING_IN_ORDER.stream()
                .filter(conditions::contains)
                .findFirst();
        if (blocking.isPresent()) {
            return Optional.of(HealthProblem.of(blocking.get()));
        }
        if (state == DeviceState.ERROR) {
            return Optional.of(HealthProblem.HARDWARE_ERROR);
        }
        return Optional.empty();
    }
}
