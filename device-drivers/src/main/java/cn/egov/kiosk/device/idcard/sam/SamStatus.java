package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.api.ErrorCode;

/**
 * The SAM's status byte (SW3) and what each means: for the engineer (the message), for the driver
 * (the error code) and for the citizen ({@link Advice}). Values after GA/T 467 as the public
 * reader libraries list them.
 */
public enum SamStatus {
    SUCCESS(0x90, null, "success", Advice.NONE),
    NO_CONTENT(0x91, null, "the card has no such item", Advice.NONE),
    CARD_FOUND(0x9F, null, "card found", Advice.NONE),
    HOST_CHECKSUM(0x10, ErrorCode.HARDWARE_ERROR, "the SAM received a frame with a bad checksum", Advice.TRY_AGAIN),
    HOST_LENGTH(0x11, ErrorCode.HARDWARE_ERROR, "the SAM received a frame with a bad length", Advice.TRY_AGAIN),
    HOST_COMMAND(
            0x21,
            ErrorCode.HARDWARE_ERROR,
            "the SAM refused the command (bad values or combination)",
            Advice.READER_OUT_OF_SERVICE),
    NOT_PERMITTED(0x23, ErrorCode.HARDWARE_ERROR, "operation not permitted", Advice.READER_OUT_OF_SERVICE),
    UNRECOGNISED(0x24, ErrorCode.HARDWARE_ERROR, "unrecognised error", Advice.TRY_AGAIN),
    CARD_AUTHENTICATES_SAM(
            0x31, ErrorCode.HARDWARE_ERROR, "the card failed to authenticate the SAM", Advice.CARD_UNREADABLE),
    SAM_AUTHENTICATES_CARD(
            0x32, ErrorCode.USER_ERROR, "the SAM failed to authenticate the card", Advice.CARD_UNREADABLE),
    VERIFICATION(0x33, ErrorCode.USER_ERROR, "information verification failed", Advice.CARD_UNREADABLE),
    FINGERPRINT(0x37, ErrorCode.USER_ERROR, "fingerprint verification failed", Advice.CARD_UNREADABLE),
    INFORMATION_LENGTH(0x3F, ErrorCode.HARDWARE_ERROR, "information length error", Advice.CARD_UNREADABLE),
    UNKNOWN_CARD_TYPE(0x40, ErrorCode.USER_ERROR, "unrecognised card type", Advice.CARD_NOT_SUPPORTED),
    READ_FAILED(0x41, ErrorCode.HARDWARE_ERROR, "reading the card failed", Advice.PLACE_AGAIN),
    RANDOM_FAILED(0x47, ErrorCode.HARDWARE_ERROR, "getting a random number failed", Advice.PLACE_AGAIN),
    SAM_SELF_CHECK(
            0x60,
            ErrorCode.HARDWARE_ERROR,
            "SAM self-check failed: it accepts no commands",
            Advice.READER_OUT_OF_SERVICE),
    SAM_NOT_AUTHORISED(
            0x66, ErrorCode.HARDWARE_ERROR, "SAM not authorised, cannot be used", Advice.READER_OUT_OF_SERVICE),
    NO_CARD(0x80, ErrorCode.TIMEOUT, "no card found", Advice.PLACE_CARD),
    SELECT_FAILED(0x81, ErrorCode.USER_ERROR, "selecting the card failed", Advice.PLACE_AGAIN),
    /** A value the protocol does not define; its byte is in the extended code of the error. */
    UNKNOWN(-1, ErrorCode.HARDWARE_ERROR, "an unknown status", Advice.TRY_AGAIN);

    /** What the citizen is told to do about a status. */
    public enum Advice {
        NONE,
        /** Put the card on the reader. */
        PLACE_CARD,
        /** Lift the card and place it again, flat and still. */
        PLACE_AGAIN,
        /** This card cannot be read: a damaged card; ask staff. */
        CARD_UNREADABLE,
        /** Not a card this reader reads. */
        CARD_NOT_SUPPORTED,
        /** Try once more. */
        TRY_AGAIN,
        /** The reader is out of service: use staff service. */
        READER_OUT_OF_SERVICE
    }

    private final int sw3;
    private final ErrorCode error;
    private final String message;
    private final Advice advice;

    SamStatus(int sw3, ErrorCode error, String message, Advice advice) {
        this.sw3 = sw3;
        this.error = error;
        this.message = message;
        this.advice = advice;
    }

    public int sw3() {
        return sw3;
    }

    /** The error code when this status is a failure; null for success, card found, no content. */
    public ErrorCode error() {
        return error;
    }

    public String message() {
        return message;
    }

    public Advice advice() {
        return advice;
    }

    /** The status for a byte; {@link #UNKNOWN} for a value the protocol does not define. */
    public static SamStatus of(int sw3) {
        for (SamStatus s : values()) {
            if (s.sw3 == (sw3 & 0xFF)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
