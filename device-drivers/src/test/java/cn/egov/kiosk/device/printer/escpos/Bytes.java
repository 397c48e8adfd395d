package cn.egov.kiosk.device.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Builds expected byte sequences from numbers, byte arrays and GB18030 text. */
final class Bytes {
    private Bytes() {}

    /**
     * Each part: an {@code Integer} (one byte), a {@code Character} (an ASCII command letter such as
     * {@code '@'}), a {@code byte[]}, or a {@code String} in GB18030.
     */
    static byte[] of(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer i) {
                if (i < 0 || i > 255) {
                    throw new IllegalArgumentException("a byte value, not " + i);
                }
                out.write(i);
            } else if (part instanceof Character c) {
                if (c > 0x7F) {
                    throw new IllegalArgumentException("an ASCII command letter, not " + c);
                }
                out.write(c);
            } else if (part instanceof byte[] b) {
                out.writeBytes(b);
            } else if (part instanceof String s) {
                out.writeBytes(s.getBytes(EscPos.CHARSET));
            } else {
                throw new IllegalArgumentException("an Integer, Character, byte[] or String, not " + part);
            }
        }
        return out.toByteArray();
    }

    /** {@code 1B 40 1C 26}: for readable failure messages. */
    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
