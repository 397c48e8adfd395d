package cn.egov.kiosk.device.printer.cups;

import java.io.IOException;

/** An IPP exchange that failed: the server could not be reached, or answered with something else. */
class IppException extends IOException {
    private static final long serialVersionUID = 1L;

    IppException(String message) {
        super(message);
    }

    IppException(String message, Throwable cause) {
        super(message, cause);
    }
}
