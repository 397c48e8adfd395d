package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.device.api.ExtendedCode;

/**
 * The extended codes of the smart-card reader; an error of PC/SC that has no meaning of its own
 * here keeps its name in a {@link PcscErrorCode}.
 */
public enum SmartCardCode implements ExtendedCode {
    /** The card in the reader is not a social security card. */
    NOT_SOCIAL_SECURITY_CARD,
    BAD_APDU,
    BAD_RESPONSE,
    TRANSMIT_FAILED,
    CARD_REMOVED,
    CARD_RESET,
    /** The card does not answer (inserted the wrong way?). */
    CARD_UNRESPONSIVE,
    /** Another application holds the card. */
    SHARING_VIOLATION,
    /** pcscd lists no reader that matches the connection. */
    NO_READER,
    READER_ERROR,
    /** pcscd no longer lists the reader. */
    READER_LOST,
    /** pcscd is not running. */
    PCSC_NO_SERVICE,
    /** The JDK's PC/SC context outlived a restart of pcscd. */
    PCSC_CONTEXT_STALE,
    /** pcscd went away while in use. */
    PCSC_SERVICE_LOST,
    PCSC_ERROR
}
