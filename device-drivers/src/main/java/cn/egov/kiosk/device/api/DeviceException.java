package cn.egov.kiosk.device.api;

import java.util.Objects;

/**
 * A failed device operation. Carries a code from the one small set ({@link ErrorCode}), a
 * device-specific extended code (for example {@code PAPER_OUT}, {@code SW3_0x41}) and the cause.
 *
 * <p>The message is for the engineer and the log; it never contains personal data. What the citizen
 * reads is chosen by the UI from the codes.
 */
public class DeviceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String extendedCode;

  public DeviceException(ErrorCode code, String extendedCode, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.extendedCode = extendedCode == null ? "" : extendedCode;
  }

  public DeviceException(ErrorCode code, String extendedCode, String message) {
    this(code, extendedCode, message, null);
  }

  public DeviceException(ErrorCode code, String message) {
    this(code, "", message, null);
  }

  public ErrorCode code() {
    return code;
  }

  /** The device-specific detail; empty when there is none. */
  public String extendedCode() {
    return extendedCode;
  }

  /** {@code OFFLINE/LINK_LOST: the serial port vanished}: code, extended code, message. */
  public String summary() {
    return code + (extendedCode.isEmpty() ? "" : "/" + extendedCode) + ": " + getMessage();
  }
}
