package cn.egov.kiosk.device.manage;

import java.time.Instant;
import java.util.Objects;

/**
 * One error a device reported, as the engineer's diagnostics list it: when, the code of the one
 * small set (or the condition that stopped service, such as {@code paper-out}), the device-specific
 * code, and the driver's text for the engineer (never personal data).
 *
 * @param code an {@code ErrorCode} name ({@code OFFLINE}) or a blocking condition's name ({@code paper-out})
 * @param extended the device-specific code ({@code PAPER_OUT}, {@code LINK_LOST}); empty when none
 */
public record DeviceError(Instant at, String code, String extended, String text) {
    public DeviceError {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(extended, "extended");
        Objects.requireNonNull(text, "text");
    }
}
