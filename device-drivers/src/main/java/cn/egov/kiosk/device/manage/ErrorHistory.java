package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last errors of each device, for the engineer: fed by the devices' events (an error event, a
 * condition that stops service raised), bounded per device (the oldest goes), kept in memory only.
 * Safe from any thread: events arrive on each device's event thread, readers are elsewhere.
 */
public final class ErrorHistory {
    /** How many errors a device keeps. */
    public static final int DEFAULT_CAPACITY = 20;

    private final int capacity;
    private final Map<String, Deque<DeviceError>> byDevice = new ConcurrentHashMap<>();

    public ErrorHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps what an event says of an error; other events are ignored. */
    public void accept(DeviceEvent event) {
        if (event instanceof DeviceEvent.ErrorEvent e) {
            DeviceException error = e.error();
            add(
                    e.deviceId(),
                    new DeviceError(
                            e.timestamp(),
                            error.code().name(),
                            error.extendedCode(),
                            String.valueOf(error.getMessage())));
        } else if (event instanceof DeviceEvent.StatusEvent s
                && s.raised()
                && s.condition().blocking()) {
            // offline comes with the error event that says why; the condition alone adds nothing
            if (s.condition() != Condition.OFFLINE) {
                add(s.deviceId(), new DeviceError(s.timestamp(), s.name(), "", s.name()));
            }
        }
    }

    /** Adds an error to a device's history. */
    public void add(String deviceId, DeviceError error) {
        Deque<DeviceError> errors = byDevice.computeIfAbsent(deviceId, k -> new ArrayDeque<>());
        synchronized (errors) {
            errors.addFirst(error);
            while (errors.size() > capacity) {
                errors.removeLast();
            }
        }
    }

    /** A device's errors, newest first. */
    public List<DeviceError> recent(String deviceId) {
        Deque<DeviceError> errors = byDevice.get(deviceId);
        if (errors == null) {
            return List.of();
        }
        synchronized (errors) {
            return List.copyOf(new ArrayList<>(errors));
        }
    }
}
