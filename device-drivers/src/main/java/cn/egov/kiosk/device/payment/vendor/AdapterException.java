package cn.egov.kiosk.device.payment.vendor;

/**
 * A vendor adapter's failure, with the one thing the kiosk must know of it: whether money may have
 * moved. Only {@link Kind#FAILED} leaves a sale in doubt; the others say that nothing was done.
 */
public final class AdapterException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the kiosk must tell it apart. */
    public enum Kind {
        /** The terminal, or the acquirer's library, cannot be reached: nothing was sent. */
        OFFLINE,
        /** The terminal is busy with something else: nothing was done. */
        BUSY,
        /** The terminal or the library refused the request before doing anything. */
        REFUSED,
        /** Anything else: after a sale, reversal or refund began, its outcome is unknown. */
        FAILED
    }

    private final Kind kind;

    public AdapterException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public AdapterException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
