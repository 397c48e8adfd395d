package cn.egov.kiosk.device.payment;

import cn.egov.kiosk.device.api.ExtendedCode;

/** The extended codes of the payment terminal. */
public enum PaymentCode implements ExtendedCode {
    /** The terminal acknowledged nothing, or did not answer, in time: it is off, or not on this line. */
    NO_ANSWER,
    /** The terminal is working on something else (another transaction, its own menu). */
    TERMINAL_BUSY,
    /** The terminal refused the command (not allowed now, not supported, wrong password). */
    COMMAND_REFUSED,
    /** What came from the terminal could not be read, even after it was asked again. */
    BAD_FRAME,
    /** The terminal did not take the kiosk's registration (password, currency). */
    REGISTRATION_REFUSED
}
