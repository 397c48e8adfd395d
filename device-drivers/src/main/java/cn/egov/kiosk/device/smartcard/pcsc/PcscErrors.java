package cn.egov.kiosk.device.smartcard.pcsc;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.ExtendedCode;
import cn.egov.kiosk.device.smartcard.PcscErrorCode;
import cn.egov.kiosk.device.smartcard.SmartCardCode;
import javax.smartcardio.CardException;

/**
 * What a failed PC/SC call means, as a {@link DeviceException}: the card missing, removed, reset,
 * not answering or held by another application, the reader or pcscd gone, or another PC/SC error
 * with its own name ({@code SCARD_...}) as the extended code. Only builds the errors: what the
 * device does about them is {@link PcscSmartCardReader}'s.
 */
final class PcscErrors {
    private PcscErrors() {}

    /**
     * The typed error for a failed PC/SC call; its code is {@link ErrorCode#OFFLINE} exactly when
     * the reader or pcscd is gone (see {@link #offline}).
     *
     * @param what the call, for the message ({@code transmit}, {@code connect})
     * @param readerName the reader in use, for the message
     */
    static DeviceException failed(CardException e, String what, String readerName) {
        String code = PcscContext.pcscCode(e);
        switch (code) {
            case "SCARD_E_NO_SMARTCARD":
                return new DeviceException(ErrorCode.USER_ERROR, CommonCode.NO_CARD, "no card in the reader", e);
            case "SCARD_W_REMOVED_CARD":
                return new DeviceException(
                        ErrorCode.USER_ERROR, SmartCardCode.CARD_REMOVED, "the card was removed during " + what, e);
            case "SCARD_W_RESET_CARD":
                return new DeviceException(
                        ErrorCode.USER_ERROR,
                        SmartCardCode.CARD_RESET,
                        "the card was reset during " + what + "; start again",
                        e);
            case "SCARD_W_UNRESPONSIVE_CARD",
                    "SCARD_W_UNPOWERED_CARD",
                    "SCARD_E_PROTO_MISMATCH",
                    "SCARD_W_UNSUPPORTED_CARD":
                return new DeviceException(
                        ErrorCode.USER_ERROR,
                        SmartCardCode.CARD_UNRESPONSIVE,
                        "the card does not answer (" + code + "): inserted the wrong way?",
                        e);
            case "SCARD_E_SHARING_VIOLATION":
                return new DeviceException(
                        ErrorCode.BUSY, SmartCardCode.SHARING_VIOLATION, "another application holds the card", e);
            case "SCARD_E_NO_SERVICE",
                    "SCARD_E_SERVICE_STOPPED",
                    "SCARD_E_INVALID_HANDLE",
                    "SCARD_E_UNKNOWN_READER",
                    "SCARD_E_READER_UNAVAILABLE",
                    "SCARD_E_NO_READERS_AVAILABLE":
                return offline(e, readerName);
            default:
                return new DeviceException(
                        ErrorCode.HARDWARE_ERROR,
                        codeOr(e, SmartCardCode.PCSC_ERROR),
                        what + " failed (" + codeOr(e, e.getMessage()) + ")",
                        e);
        }
    }

    /** The reader, or pcscd itself, stopped answering: the device is offline. */
    static DeviceException offline(Exception e, String readerName) {
        String code = PcscContext.pcscCode(e);
        boolean service = PcscContext.staleContext(code);
        return new DeviceException(
                ErrorCode.OFFLINE,
                service ? SmartCardCode.PCSC_SERVICE_LOST : SmartCardCode.READER_LOST,
                (service ? "pcscd stopped answering" : "reader \"" + readerName + "\" stopped answering") + " ("
                        + codeOr(e, e.getClass().getSimpleName()) + ")",
                e);
    }

    /** The PC/SC error's own name, or {@code otherwise} when it has none. */
    static String codeOr(Exception e, String otherwise) {
        String code = PcscContext.pcscCode(e);
        return code.isEmpty() ? String.valueOf(otherwise) : code;
    }

    /** The PC/SC error's own name as the extended code, or {@code otherwise} when it has none. */
    static ExtendedCode codeOr(Exception e, SmartCardCode otherwise) {
        String code = PcscContext.pcscCode(e);
        return code.isEmpty() ? otherwise : new PcscErrorCode(code);
    }
}
