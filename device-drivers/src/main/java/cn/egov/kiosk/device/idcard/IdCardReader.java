package cn.egov.kiosk.device.idcard;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;
import java.time.Duration;

/**
 * A resident ID card reader. While enabled it watches for a card: {@code card-present} and {@code
 * card-removed} status events tell when a card is placed and lifted, and a data event with a
 * {@link CardRead} payload when a card has been read.
 */
public interface IdCardReader extends Device {

    /**
     * Waits up to {@code timeout} for a card and reads it once.
     *
     * @throws DeviceException {@code TIMEOUT} when no card came, {@code HARDWARE_ERROR} when the
     *     card could not be read
     */
    IdCard read(Duration timeout) throws DeviceException;
}
