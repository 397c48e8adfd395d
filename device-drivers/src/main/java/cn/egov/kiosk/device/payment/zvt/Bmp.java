package cn.egov.kiosk.device.payment.zvt;

import java.util.Locale;

/**
 * The ZVT bitmaps (BMP): a one-byte tag before each field of a message, and how long each field
 * is, which is what lets a reader step over a field it does not use. A field of unknown length ends
 * the reading of a message ({@link BmpFields#unread()}).
 */
final class Bmp {
    static final int TIMEOUT = 0x01;
    static final int AMOUNT = 0x04;
    static final int TLV = 0x06;
    static final int TRACE = 0x0B;
    static final int TIME = 0x0C;
    static final int DATE = 0x0D;
    static final int PAYMENT_TYPE = 0x19;
    static final int PAN = 0x22;
    static final int RESULT_CODE = 0x27;
    static final int TERMINAL_ID = 0x29;
    static final int ORIGINAL_TRACE = 0x37;
    static final int ADDITIONAL_TEXT = 0x3C;
    static final int PASSWORD = 0x3D;
    static final int CURRENCY = 0x49;
    static final int TOTALS = 0x60;
    static final int RECEIPT = 0x87;
    static final int CARD_TYPE = 0x8A;
    static final int CARD_NAME = 0x8B;
    static final int DATE_YEAR = 0xAA;

    /** Length of a field whose size is given by two F-digits before it (LLVAR). */
    static final int LLVAR = -2;
    /** Length of a field whose size is given by three F-digits before it (LLLVAR). */
    static final int LLLVAR = -3;
    /** Length of a BER-TLV container (BMP 06). */
    static final int BER_TLV = -4;
    /** The length is not known here. */
    static final int UNKNOWN = 0;

    private Bmp() {}

    /** The field's length in bytes, or {@link #LLVAR}, {@link #LLLVAR}, {@link #BER_TLV}, {@link #UNKNOWN}. */
    static int size(int bmp) {
        return switch (bmp) {
            case 0x01,
                    0x02,
                    0x03,
                    0x05,
                    0x19,
                    0x27,
                    0x8A,
                    0x8C,
                    0xA0,
                    0xD0,
                    0xD2,
                    0xD3,
                    0xE0,
                    0xE9,
                    0xEA,
                    0xF0,
                    0xF9,
                    0xFA,
                    0xFB,
                    0xFC -> 1;
            case 0x0D, 0x0E, 0x17, 0x3A, 0x49, 0x87 -> 2;
            case 0x0B, 0x0C, 0x37, 0x3D, 0x88, 0xAA -> 3;
            case 0x29 -> 4;
            case 0xBA -> 5;
            case 0x04 -> 6;
            case 0x3B, 0xEB -> 8;
            case 0x2A -> 15;
            case 0x22,
                    0x23,
                    0x2D,
                    0x8B,
                    0xA7,
                    0xD1,
                    0xE1,
                    0xE2,
                    0xE3,
                    0xE4,
                    0xE5,
                    0xE6,
                    0xE7,
                    0xE8,
                    0xF1,
                    0xF2,
                    0xF3,
                    0xF4,
                    0xF5,
                    0xF6,
                    0xF7,
                    0xF8 -> LLVAR;
            case 0x24, 0x2E, 0x3C, 0x60, 0x92, 0x9A, 0xAF -> LLLVAR;
            case 0x06 -> BER_TLV;
            default -> UNKNOWN;
        };
    }

    /** The F-digit length prefix of an L..VAR field: {@code 15} in two digits is {@code F1 F5}. */
    static byte[] varLength(int length, int digits) {
        int max = digits == 2 ? 99 : 999;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException(
                    "an L" + "L".repeat(digits - 1) + "VAR field holds 0 to " + max + " bytes, not " + length);
        }
        byte[] out = new byte[digits];
        for (int i = digits - 1, n = length; i >= 0; i--, n /= 10) {
            out[i] = (byte) (0xF0 | n % 10);
        }
        return out;
    }

    /** The length an F-digit prefix says. */
    static int readVarLength(byte[] data, int offset, int digits) throws ZvtFormatException {
        if (offset + digits > data.length) {
            throw new ZvtFormatException("a length prefix cut short at byte " + offset);
        }
        int n = 0;
        for (int i = offset; i < offset + digits; i++) {
            int b = data[i] & 0xFF;
            if ((b & 0xF0) != 0xF0 || (b & 0x0F) > 9) {
                throw new ZvtFormatException(
                        String.format(Locale.ROOT, "a length prefix byte %02X at byte %d is not F0 to F9", b, i));
            }
            n = n * 10 + (b & 0x0F);
        }
        return n;
    }

    /** A BER-TLV length at {@code offset}: {value, bytes it took}. */
    static int[] berLength(byte[] data, int offset) throws ZvtFormatException {
        if (offset >= data.length) {
            throw new ZvtFormatException("a TLV length missing at byte " + offset);
        }
        int first = data[offset] & 0xFF;
        if (first < 0x80) {
            return new int[] {first, 1};
        }
        int bytes = first & 0x7F;
        if (bytes < 1 || bytes > 2 || offset + bytes >= data.length) {
            throw new ZvtFormatException("a TLV length of " + bytes + " bytes at byte " + offset);
        }
        int n = 0;
        for (int i = 1; i <= bytes; i++) {
            n = n << 8 | (data[offset + i] & 0xFF);
        }
        return new int[] {n, 1 + bytes};
    }

    /** A BER-TLV length written. */
    static byte[] berLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
}
