package cn.egov.kiosk.device.idcard;

import cn.egov.kiosk.device.api.ExtendedCode;

/**
 * The extended codes of the resident ID card reader; a status of the SAM module itself is a {@link
 * SamStatusCode}.
 */
public enum IdReaderCode implements ExtendedCode {
    /** A card lies on the reader but was read already: lift it and place it again. */
    LIFT_AND_PLACE_AGAIN,
    /** The card's data does not decode. */
    BAD_CARD_DATA,
    /** Reading the card failed after retries. */
    READ_FAILED,
    /** A frame from the reader came in part. */
    TRUNCATED_FRAME,
    /** The reader does not answer. */
    NO_ANSWER,
    /** A frame's checksum is wrong. */
    BAD_CHECKSUM,
    /** A frame's length field is wrong. */
    BAD_LENGTH
}
