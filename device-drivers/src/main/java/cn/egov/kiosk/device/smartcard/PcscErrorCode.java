package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.device.api.ExtendedCode;

/**
 * An error of PC/SC kept by its own name ({@code SCARD_E_NOT_TRANSACTED}), for one the reader's
 * driver gives no meaning of its own.
 *
 * @param name the PC/SC name
 */
public record PcscErrorCode(String name) implements ExtendedCode {
    @Override
    public String toString() {
        return name;
    }
}
