package cn.egov.kiosk.device.link;

import java.io.IOException;

/** A failure of a byte link, with the kind of failure a driver has to tell apart. */
public class LinkException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong on the link. */
    public enum Kind {
        /** The port, host or file does not exist or refuses the connection. */
        NOT_FOUND,
        /** Nothing (or not enough) arrived in time. */
        TIMEOUT,
        /** The link was open and is gone: cable pulled, peer closed, device vanished. */
        DISCONNECTED,
        /** Any other input/output failure. */
        IO
    }

    private final Kind kind;

    public LinkException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public LinkException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
