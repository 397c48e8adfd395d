package cn.egov.kiosk.device.api;

import cn.egov.kiosk.device.link.LinkException;

/** The extended codes every device class may give. */
public enum CommonCode implements ExtendedCode {
    /** Another user holds the device. */
    CLAIMED,
    /** The wait was interrupted (the kiosk is stopping). */
    INTERRUPTED,
    /** No card was presented in the time given: nobody came, not a failure of the device. */
    NO_CARD,
    /** The connection was open and is gone: cable pulled, peer closed. */
    LINK_LOST,
    /** The device is not plugged in (a simulator told so). */
    UNPLUGGED,
    /** The port, host or file of the connection does not exist or refuses it. */
    LINK_NOT_FOUND,
    /** Nothing came over the connection in time while opening it. */
    LINK_TIMEOUT,
    /** The connection went away while opening it. */
    LINK_DISCONNECTED,
    /** Another input/output failure while opening the connection. */
    LINK_IO;

    /** The code of a connection that could not be opened. */
    public static CommonCode linkOpenFailure(LinkException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> LINK_NOT_FOUND;
            case TIMEOUT -> LINK_TIMEOUT;
            case DISCONNECTED -> LINK_DISCONNECTED;
            case IO -> LINK_IO;
        };
    }
}
