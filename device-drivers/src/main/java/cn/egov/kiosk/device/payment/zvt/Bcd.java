package cn.egov.kiosk.device.payment.zvt;

import java.util.Locale;

/**
 * Binary-coded decimal as ZVT writes numbers: two digits a byte, the first in the high nibble, the
 * number right-aligned and padded with zeros on the left ({@code 1234} in three bytes is {@code 00
 * 12 34}).
 */
final class Bcd {
    private Bcd() {}

    /** {@code value} in {@code bytes} bytes. */
    static byte[] encode(long value, int bytes) {
        if (value < 0) {
            throw new IllegalArgumentException("BCD holds no negative number: " + value);
        }
        String digits = Long.toString(value);
        if (digits.length() > bytes * 2) {
            throw new IllegalArgumentException(value + " does not fit in " + bytes + " BCD bytes");
        }
        return digits("0".repeat(bytes * 2 - digits.length()) + digits);
    }

    /** A string of an even number of decimal digits, two a byte. */
    static byte[] digits(String digits) {
        if (digits.length() % 2 != 0 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("an even number of decimal digits, not " + digits.length()
                    + " characters" + (digits.chars().allMatch(Character::isDigit) ? "" : " with a non-digit"));
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (((digits.charAt(2 * i) - '0') << 4) | (digits.charAt(2 * i + 1) - '0'));
        }
        return out;
    }

    /** The digits of {@code length} bytes from {@code offset}, leading zeros kept. */
    static String toDigits(byte[] data, int offset, int length) throws ZvtFormatException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new ZvtFormatException(
                    "a BCD field of " + length + " bytes at " + offset + " runs past the " + data.length + " bytes");
        }
        StringBuilder sb = new StringBuilder(length * 2);
        for (int i = offset; i < offset + length; i++) {
            int high = (data[i] >> 4) & 0x0F;
            int low = data[i] & 0x0F;
            if (high > 9 || low > 9) {
                throw new ZvtFormatException(String.format(
                        Locale.ROOT, "a nibble above 9 in a BCD field (byte %d of %d)", i - offset + 1, length));
            }
            sb.append((char) ('0' + high)).append((char) ('0' + low));
        }
        return sb.toString();
    }

    /** The number of {@code length} bytes from {@code offset} (at most 9 bytes: 18 digits). */
    static long toLong(byte[] data, int offset, int length) throws ZvtFormatException {
        if (length > 9) {
            throw new ZvtFormatException("a BCD number of " + length + " bytes is too long for a long");
        }
        String digits = toDigits(data, offset, length);
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
