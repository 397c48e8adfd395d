package cn.egov.kiosk.device.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A failed device operation. Carries a code from the one small set ({@link ErrorCode}), a
 * device-specific {@link ExtendedCode} (for example {@code PrinterCode.PAPER_OUT}, a SAM status
 * {@code SW3_41}) and the cause.
 *
 * <p>The message is for the engineer and the log; it never contains personal data. What the citizen
 * reads is chosen by the UI from the codes.
 */
public class DeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient ExtendedCode extended;

    /** @param extended the device-specific detail, null for none */
    public DeviceException(ErrorCode code, ExtendedCode extended, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.extended = extended;
    }

    public DeviceException(ErrorCode code, ExtendedCode extended, String message) {
        this(code, extended, message, null);
    }

    public DeviceException(ErrorCode code, String message) {
        this(code, null, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The device-specific detail, when there is one. */
    public Optional<ExtendedCode> extended() {
        return Optional.ofNullable(extended);
    }

    /** Whether the detail is {@code c}. */
    public boolean is(ExtendedCode c) {
        return c.equals(extended);
    }

    /** The device-specific detail as written in logs and audit records; empty when there is none. */
    public String extendedCode() {
        return extended == null ? "" : extended.name();
    }

    /** {@code OFFLINE/LINK_LOST: the serial port vanished}: code, extended code, message. */
    public String summary() {
        return code + (extended == null ? "" : "/" + extended.name()) + ": " + getMessage();
    }
}
