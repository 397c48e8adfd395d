package cn.egov.kiosk.device.api;

/** Receives a device's events, on the device's event thread. Must not block for long. */
@FunctionalInterface
public interface DeviceListener {
    void onEvent(DeviceEvent event);
}
