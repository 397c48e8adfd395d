package cn.egov.kiosk.device.printer;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;

/**
 * A licence/certificate printer (A4/A3 laser) behind the operating system's print queue: the CUPS
 * driver ({@code printer.cups}), or the simulator in demo mode.
 */
public interface DocumentPrinter extends Device {

    /** The printer's state as the queue reports it. */
    PrinterStatus queryStatus() throws DeviceException;

    /**
     * Prints a PDF and follows the job until it is completed, cancelled or failed.
     *
     * @throws PrintFailedException when the job did not complete
     */
    PrintOutcome print(DocumentJob job) throws DeviceException;
}
