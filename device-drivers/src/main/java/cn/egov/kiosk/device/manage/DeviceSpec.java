package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.DeviceClass;
import java.util.Map;
import java.util.Objects;

/**
 * A device as configuration describes it: its id, class, driver, connection and driver options.
 *
 * @param connection a link such as {@code serial:/dev/ttyUSB0?baud=115200}, {@code tcp:HOST:PORT},
 *     {@code file:/dev/usb/lp0}, or {@code sim:}
 */
public record DeviceSpec(
        String id, DeviceClass deviceClass, String driver, String connection, Map<String, String> options) {
    public DeviceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceClass, "deviceClass");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(connection, "connection");
        options = Map.copyOf(options);
    }
}
