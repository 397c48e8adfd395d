package cn.egov.kiosk.device.scanner;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;
import java.time.Duration;
import java.util.Optional;

/**
 * A barcode/QR scanner. Every scanned code is published as a data event with the code as a {@code
 * String}; {@link #awaitScan} waits for the next one.
 */
public interface BarcodeScanner extends Device {

    /** The next code scanned within {@code timeout}, if any. */
    Optional<String> awaitScan(Duration timeout) throws DeviceException;
}
