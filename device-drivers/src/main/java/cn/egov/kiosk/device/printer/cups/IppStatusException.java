package cn.egov.kiosk.device.printer.cups;

/** An IPP request the server answered with an error status, such as {@code client-error-not-found}. */
final class IppStatusException extends IppException {
    private static final long serialVersionUID = 1L;

    /** {@code client-error-not-found}: no such printer or job. */
    static final int NOT_FOUND = 0x0406;
    /** {@code client-error-not-possible}: for example cancelling a job that has ended. */
    static final int NOT_POSSIBLE = 0x0404;

    private final int status;

    IppStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
