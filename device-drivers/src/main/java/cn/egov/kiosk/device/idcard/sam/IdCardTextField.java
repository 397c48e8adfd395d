package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.IdNumbers;
import cn.egov.kiosk.device.idcard.Sex;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of the card's text block (see {@link IdCardText} for the layouts): its name, its place
 * and length in bytes, and how a value is read from it and written to it. A value is UCS-2
 * little-endian, padded with spaces (a NUL counts as padding too), with no control characters.
 * Reading checks what the value means (a sex code, a date {@code YYYYMMDD} or {@link
 * IdCardText#LONG_TERM}, an ID number's check character) and throws {@link IdCardTextException}
 * naming the field, never its value; writing checks only that the value fits and would read back
 * the same.
 *
 * @param name the field's name, as errors give it
 * @param at its first byte in the block
 * @param length its length in bytes
 */
record IdCardTextField(String name, int at, int length) {

    // ---- reading -------------------------------------------------------------------------------

    String readText(byte[] b) throws IdCardTextException {
        return decodeText(b, at, length, name);
    }

    /** The text of a field, without the padding at either end; strict UCS-2, no control characters. */
    static String decodeText(byte[] b, int at, int length, String field) throws IdCardTextException {
        String s;
        try {
            s = StandardCharsets.UTF_16LE
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, at, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IdCardTextException(field, "not UCS-2 text");
        }
        s = strip(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                throw new IdCardTextException(field, "holds a control character");
            }
        }
        return s;
    }

    String readRequired(byte[] b) throws IdCardTextException {
        String s = readText(b);
        if (s.isEmpty()) {
            throw new IdCardTextException(name, "empty");
        }
        return s;
    }

    Sex readSex(byte[] b) throws IdCardTextException {
        String code = readText(b);
        for (Sex s : Sex.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IdCardTextException(name, "not a sex code (0, 1, 2 or 9)");
    }

    LocalDate readDate(byte[] b) throws IdCardTextException {
        return date(readText(b), name);
    }

    private static LocalDate date(String s, String field) throws IdCardTextException {
        if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IdCardTextException(field, "not a date YYYYMMDD");
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(s.substring(0, 4)),
                    Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new IdCardTextException(field, "not a date YYYYMMDD");
        }
    }

    Optional<LocalDate> readUntil(byte[] b) throws IdCardTextException {
        String s = readText(b);
        return IdCardText.LONG_TERM.equals(s) ? Optional.empty() : Optional.of(date(s, name));
    }

    String readIdNumber(byte[] b) throws IdCardTextException {
        String s = readText(b);
        if (!IdNumbers.valid(s)) {
            throw new IdCardTextException(name, "not an 18-character number with a right check character");
        }
        return s;
    }

    private static boolean padding(char c) {
        return c == ' ' || c == '\0';
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && padding(s.charAt(from))) {
            from++;
        }
        while (to > from && padding(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    // ---- writing -------------------------------------------------------------------------------

    void write(byte[] out, String value) {
        byte[] bytes = encodeText(name, length, value);
        System.arraycopy(bytes, 0, out, at, length);
    }

    void writeDate(byte[] out, LocalDate date) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException(name + ": not a four-digit year");
        }
        write(out, String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
    }

    void writeUntil(byte[] out, Optional<LocalDate> until) {
        if (until.isPresent()) {
            writeDate(out, until.get());
        } else {
            write(out, IdCardText.LONG_TERM);
        }
    }

    /** A value in UCS-2LE padded with spaces to {@code length} bytes. */
    static byte[] encodeText(String name, int length, String value) {
        Objects.requireNonNull(value, name);
        if (!strip(value).equals(value)) {
            throw new IllegalArgumentException(name + ": spaces or NULs at an end would be lost as padding");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                throw new IllegalArgumentException(name + ": holds a control character");
            }
        }
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_16LE
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + ": not UCS-2 text (a lone surrogate)");
        }
        if (encoded.remaining() > length) {
            throw new IllegalArgumentException(
                    name + ": " + encoded.remaining() + " bytes do not fit its " + length + "-byte field");
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += 2) {
            out[i] = ' ';
        }
        encoded.get(out, 0, encoded.remaining());
        return out;
    }
}
