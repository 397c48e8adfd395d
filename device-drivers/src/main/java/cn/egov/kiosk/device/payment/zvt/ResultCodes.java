package cn.egov.kiosk.device.payment.zvt;

import java.util.Locale;

/**
 * The terminal's result codes (BMP 27, and the byte of an abort 06 1E) the driver tells apart.
 * Codes 01 to 63 come from the card's issuer or the acquirer's host (a decline, in ISO 8583's
 * numbering); the rest from the terminal itself.
 */
final class ResultCodes {
    static final int APPROVED = 0x00;
    /** A decline by the issuer ("do not honour"): what the simulator says for a declined card. */
    static final int DECLINED = 0x05;
    /** Stopped by a timeout or the abort key: nothing was charged. */
    static final int TIMEOUT_OR_ABORT = 0x6C;
    /** A currency the terminal does not take. */
    static final int WRONG_CURRENCY = 0x6F;
    /** The terminal is not ready (busy with something else). */
    static final int NOT_READY = 0xA0;

    static final int ALREADY_REVERSED = 0xB4;
    static final int REVERSAL_NOT_POSSIBLE = 0xB5;
    static final int SYSTEM_ERROR = 0xFF;

    private ResultCodes() {}

    /** Two hex digits, as results carry it. */
    static String hex(int code) {
        return String.format(Locale.ROOT, "%02X", code);
    }

    /** For the engineer: what a code means, as far as the driver knows. */
    static String describe(int code) {
        return switch (code) {
            case APPROVED -> "approved";
            case TIMEOUT_OR_ABORT -> "stopped: timeout or abort key";
            case WRONG_CURRENCY -> "wrong currency";
            case NOT_READY -> "terminal not ready";
            case ALREADY_REVERSED -> "already reversed";
            case REVERSAL_NOT_POSSIBLE -> "reversal not possible";
            case SYSTEM_ERROR -> "system error";
            default ->
                code >= 0x01 && code <= 0x63 ? "declined by the card's issuer or host" : "refused by the terminal";
        };
    }
}
