package cn.egov.kiosk.device.printer;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceException;

/**
 * A thermal receipt and ticket printer. Status is checked before and after every job: a job is
 * reported done only when the printer says, after the job, that nothing stopped it.
 */
public interface ReceiptPrinter extends Device {

    /** Characters per line at normal size: 48 on 80 mm paper, 32 on 58 mm. */
    int columns();

    /** Asks the printer for its status now. */
    PrinterStatus queryStatus() throws DeviceException;

    /**
     * Prints a document and waits until the printer's status after it is known.
     *
     * @throws PrintFailedException when the printer refused the job or failed during it
     * @throws DeviceException when the printer cannot be reached
     */
    PrintOutcome print(ReceiptDocument document) throws DeviceException;
}
