package cn.egov.kiosk.device.payment.zvt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;

/** Writes the fields of a ZVT message, each behind its bitmap, in the order they are added. */
final class BmpWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    /** An amount in the smallest unit (fen), six BCD bytes. */
    BmpWriter amount(long fen) {
        return fixed(Bmp.AMOUNT, Bcd.encode(fen, 6));
    }

    /** An ISO 4217 currency number (CNY: 156), two BCD bytes. */
    BmpWriter currency(int code) {
        return fixed(Bmp.CURRENCY, Bcd.encode(code, 2));
    }

    /** A receipt number of up to four digits, two BCD bytes. */
    BmpWriter receipt(String digits) {
        return fixed(Bmp.RECEIPT, Bcd.encode(Long.parseLong(digits), 2));
    }

    /** A trace number of up to six digits, three BCD bytes. */
    BmpWriter trace(String digits) {
        return fixed(Bmp.TRACE, Bcd.encode(Long.parseLong(digits), 3));
    }

    BmpWriter resultCode(int code) {
        return fixed(Bmp.RESULT_CODE, new byte[] {(byte) code});
    }

    /** How long the terminal waits for a card, in seconds (1 to 255). */
    BmpWriter timeout(int seconds) {
        return fixed(Bmp.TIMEOUT, new byte[] {(byte) seconds});
    }

    /** A terminal id of up to eight digits, four BCD bytes. */
    BmpWriter terminalId(String digits) {
        return fixed(Bmp.TERMINAL_ID, Bcd.encode(Long.parseLong(digits), 4));
    }

    BmpWriter time(LocalTime time) {
        return fixed(
                Bmp.TIME,
                Bcd.digits(String.format(
                        Locale.ROOT, "%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond())));
    }

    BmpWriter date(MonthDay day) {
        return fixed(
                Bmp.DATE, Bcd.digits(String.format(Locale.ROOT, "%02d%02d", day.getMonthValue(), day.getDayOfMonth())));
    }

    /**
     * A card number as a terminal sends it: digits, 'E' for each hidden digit ({@code *} here), 'F'
     * to fill the last byte, behind an LLVAR length.
     */
    BmpWriter cardNumber(String masked) {
        StringBuilder nibbles = new StringBuilder();
        for (char c : masked.toCharArray()) {
            if (c >= '0' && c <= '9') {
                nibbles.append(c);
            } else if (c == '*') {
                nibbles.append('E');
            }
        }
        if (nibbles.length() % 2 != 0) {
            nibbles.append('F');
        }
        byte[] pan = new byte[nibbles.length() / 2];
        for (int i = 0; i < pan.length; i++) {
            pan[i] = (byte)
                    (Character.digit(nibbles.charAt(2 * i), 16) << 4 | Character.digit(nibbles.charAt(2 * i + 1), 16));
        }
        return var(Bmp.PAN, pan, 2);
    }

    /** An end of day's totals: first and last receipt, then one count and amount (one card type). */
    BmpWriter totals(int firstReceipt, int lastReceipt, int count, long amountFen) {
        ByteArrayOutputStream t = new ByteArrayOutputStream(11);
        t.writeBytes(Bcd.encode(firstReceipt, 2));
        t.writeBytes(Bcd.encode(lastReceipt, 2));
        t.write(Math.min(count, 255));
        t.writeBytes(Bcd.encode(amountFen, 6));
        return var(Bmp.TOTALS, t.toByteArray(), 3);
    }

    /** A TLV container (BMP 06) of text lines under print texts (tag 25). */
    BmpWriter textLines(List<String> lines, Charset charset) {
        ByteArrayOutputStream texts = new ByteArrayOutputStream();
        for (String line : lines) {
            texts.writeBytes(Tlv.of(Tlv.TEXT_LINE, line.getBytes(charset)));
        }
        byte[] container = Tlv.of(Tlv.PRINT_TEXTS, texts.toByteArray());
        out.write(Bmp.TLV);
        out.writeBytes(Bmp.berLength(container.length));
        out.writeBytes(container);
        return this;
    }

    /** Any field of fixed length. */
    BmpWriter fixed(int bmp, byte[] value) {
        if (Bmp.size(bmp) != value.length) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "BMP %02X is %d bytes, not %d", bmp, Bmp.size(bmp), value.length));
        }
        out.write(bmp);
        out.writeBytes(value);
        return this;
    }

    private BmpWriter var(int bmp, byte[] value, int digits) {
        out.write(bmp);
        out.writeBytes(Bmp.varLength(value.length, digits));
        out.writeBytes(value);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
