package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One device's health as the kiosk sees it now: what the UI binds to and diagnostics print.
 *
 * @param problem why the device cannot serve, when it cannot: a blocking condition's event name
 *     ({@code paper-out}), {@code offline}, {@code starting}, or an error code in lower case
 * @param text a line for the engineer
 */
public record DeviceHealth(
    String id,
    DeviceClass deviceClass,
    String driver,
    String connection,
    DeviceState state,
    Set<Condition> conditions,
    Optional<String> problem,
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
  static Optional<String> problemOf(DeviceState state, Set<Condition> conditions) {
    if (state == DeviceState.CLOSED || state == DeviceState.OFFLINE) {
      return Optional.of("offline");
    }
    Optional<Condition> blocking = Condition.BLOCKING_IN_ORDER.stream().filter(conditions::contains).findFirst();
    if (blocking.isPresent()) {
      return Optional.of(blocking.get().raisedName());
    }
    if (state == DeviceState.ERROR) {
      return Optional.of(ErrorCode.HARDWARE_ERROR.name().toLowerCase(java.util.Locale.ROOT));
    }
    return Optional.empty();
  }
}
