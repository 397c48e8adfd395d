package cn.egov.kiosk.device.idcard;

import cn.egov.kiosk.device.api.ExtendedCode;

/**
 * A status the ID card reader's SAM module answered with (its third status byte, SW3), written
 * {@code SW3_41}.
 *
 * @param sw3 the status byte, 0 to 255
 */
public record SamStatusCode(int sw3) implements ExtendedCode {
    public SamStatusCode {
        sw3 &= 0xFF;
    }

    @Override
    public String name() {
        return String.format("SW3_%02X", sw3);
    }

    @Override
    public String toString() {
        return name();
    }
}
