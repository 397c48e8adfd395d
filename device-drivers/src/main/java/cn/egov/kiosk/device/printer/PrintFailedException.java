package cn.egov.kiosk.device.printer;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.ExtendedCode;

/**
 * A print job that did not give the citizen their paper. {@link #started()} tells whether any of
 * the job reached the printer (paper out during the job) or none did (refused before it started).
 * Either way the paper cannot be trusted: the caller must treat it as not printed.
 */
public class PrintFailedException extends DeviceException {
    private static final long serialVersionUID = 1L;

    private final boolean started;

    public PrintFailedException(
            ErrorCode code, ExtendedCode extended, String message, boolean started, Throwable cause) {
        super(code, extended, message, cause);
        this.started = started;
    }

    public boolean started() {
        return started;
    }
}
