package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.idcard.Sex;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard.Field;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard.Unread;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a social security card (社会保障卡) gives a terminal without a PSAM.
 *
 * <ol>
 *   <li>SELECT by name of the social security system environment ({@code 00 A4 04 00 0F
 *       7378312E73682EC9E7BBE1B1A3D5CF}); anything but 9000 or 61xx means it is not such a card.
 *   <li>READ RECORD with short file identifiers, no explicit file selection: EF05 (SFI 5, {@code
 *       P2 = 2C}) records 01 card identification code, 02 card type, 03 specification version, 05
 *       issue date, 06 expiry date, 07 card number; EF06 (SFI 6, {@code P2 = 34}) records 08 social
 *       security number, 09 name, 0A sex, 0B ethnicity, 0D birth date. The initialising institution
 *       (04) and the birthplace (0C) are not read: the kiosk does not need them.
 *   <li>Each record comes back as tag (the record number), length and value. Text ({@code an}) is
 *       padded with {@code 00}, numbers ({@code cn}, BCD) with {@code F}; the name is GBK.
 * </ol>
 *
 * A record answered {@code 6982} (security status not satisfied) or {@code 6A82} (not found), or an
 * EF06 record that comes back empty, is one the card keeps for an authenticated terminal: third
 * generation cards (specification 3.00) answer so for the holder's data without a PSAM or HSM. Such
 * fields are missing from the result and listed in {@link SocialSecurityCard#needsPsam()}.
 *
 * <p>Nothing read is logged: only record numbers, lengths and status words.
 */
public final class SocialSecurityCards {
    private static final Logger log = LoggerFactory.getLogger(SocialSecurityCards.class);
    private static final Charset GBK = Charset.forName("GBK");

    private SocialSecurityCards() {}

    /**
     * Reads the card in the reader.
     *
     * @throws DeviceException {@code USER_ERROR/NOT_SOCIAL_SECURITY_CARD} when the card does not
     *     answer SELECT of the social security application; what {@link SmartCardReader#transmit}
     *     throws (no card, card removed, reader offline)
     */
    public static SocialSecurityCard read(SmartCardReader reader) throws DeviceException {
        byte[] select = reader.transmit(Apdus.selectByName(SmartCardType.SSSE_NAME));
        log.debug("Reader {}: SELECT SSSE answered {}", reader.id(), Apdus.statusText(select));
        if (!Apdus.succeeded(select)) {
            throw new DeviceException(
                    ErrorCode.USER_ERROR,
                    SmartCardCode.NOT_SOCIAL_SECURITY_CARD,
                    "the card does not answer SELECT of the social security application (SW "
                            + Apdus.statusText(select)
                            + ")");
        }
        Map<Field, Object> values = new EnumMap<>(Field.class);
        Map<Field, Unread> unread = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            byte[] response = reader.transmit(Apdus.readRecord(field.record(), field.sfi()));
            int sw = Apdus.statusWord(response);
            String status = Apdus.statusText(response);
            if (sw != 0x9000) {
                boolean needsPsam = sw == 0x6982 || sw == 0x6A82;
                log.debug("Reader {}: {} answered {}", reader.id(), field.location(), status);
                unread.put(field, new Unread(status, needsPsam));
                continue;
            }
            byte[] value = value(field, Apdus.data(response));
            Arrays.fill(response, (byte) 0);
            log.debug(
                    "Reader {}: {} answered 9000 with {} bytes of value", reader.id(), field.location(), value.length);
            try {
                Object decoded = decode(field, value);
                if (decoded == null) {
                    unread.put(field, new Unread("empty", field.sfi() == 6));
                } else {
                    values.put(field, decoded);
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                // the message may quote the value: not logged
                log.debug("Reader {}: {} holds a value that does not decode", reader.id(), field.location());
                unread.put(field, new Unread("bad value", false));
            } finally {
                Arrays.fill(value, (byte) 0);
            }
        }
        SocialSecurityCard card = new SocialSecurityCard(values, unread);
        log.debug(
                "Reader {}: social security card read, {} fields, {} need a PSAM",
                reader.id(),
                values.size(),
                card.needsPsam().size());
        return card;
    }

    /** The value of a record's TLV ({@code tag length value}); tolerates a missing or odd header. */
    static byte[] value(Field field, byte[] data) {
        if (data.length < 2) {
            return new byte[0];
        }
        int tag = data[0] & 0xFF;
        int length = data[1] & 0xFF;
        if (tag != field.record()) {
            log.debug("{}: tag {} where {} was expected", field.location(), tag, field.record());
        }
        int available = Math.min(length, data.length - 2);
        return Arrays.copyOfRange(data, 2, 2 + available);
    }

    /** The field's value, or null when it is empty (padding only). */
    static Object decode(Field field, byte[] value) {
        return switch (field) {
            case CARD_IDENTIFICATION_CODE, CARD_TYPE, SPEC_VERSION, CARD_NUMBER, SOCIAL_SECURITY_NUMBER -> text(value);
            case NAME -> gbk(value);
            case ISSUE_DATE, EXPIRY_DATE, BIRTH_DATE -> bcdDate(value);
            case SEX -> sex(value);
            case ETHNICITY -> ethnicity(value);
        };
    }

    /** Characters as stored, padding removed; upper-case hex when the bytes are not printable ASCII. */
    static String text(byte[] value) {
        byte[] v = strip(value);
        if (v.length == 0) {
            return null;
        }
        for (byte b : v) {
            if (b < 0x20 || b > 0x7E) {
                return HexFormat.of().withUpperCase().formatHex(v);
            }
        }
        return new String(v, StandardCharsets.US_ASCII).trim();
    }

    /** GBK text (the name), padding removed. */
    static String gbk(byte[] value) {
        byte[] v = strip(value);
        if (v.length == 0) {
            return null;
        }
        String s = new String(v, GBK).trim();
        return s.isEmpty() ? null : s;
    }

    /** YYYYMMDD in BCD; null for all zeros or all F (no date). */
    static LocalDate bcdDate(byte[] value) {
        String digits = HexFormat.of().withUpperCase().formatHex(value);
        if (digits.isEmpty()
                || digits.chars().allMatch(c -> c == '0')
                || digits.chars().allMatch(c -> c == 'F')) {
            return null;
        }
        if (digits.length() != 8 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a BCD date YYYYMMDD");
        }
        return LocalDate.of(
                Integer.parseInt(digits.substring(0, 4)),
                Integer.parseInt(digits.substring(4, 6)),
                Integer.parseInt(digits.substring(6, 8)));
    }

    /** One byte, the GB/T 2261.1 code as a character ('1') or as a number (1); null when 00. */
    static Sex sex(byte[] value) {
        if (value.length == 0 || value[0] == 0x00 || value[0] == (byte) 0xFF || value[0] == 0x20) {
            return null;
        }
        int b = value[0] & 0xFF;
        int digit = b >= '0' && b <= '9' ? b - '0' : b;
        return Sex.ofCode(String.valueOf(digit));
    }

    /** One byte, the two-digit GB 3304 code in BCD (0x01 = 01); binary when it is not BCD. */
    static String ethnicity(byte[] value) {
        if (value.length == 0 || value[0] == 0x00 || value[0] == (byte) 0xFF) {
            return null;
        }
        int b = value[0] & 0xFF;
        int high = b >> 4;
        int low = b & 0x0F;
        return high <= 9 && low <= 9 ? String.format("%d%d", high, low) : String.format("%02d", b);
    }

    /** Removes trailing padding: 00, FF, spaces. */
    private static byte[] strip(byte[] value) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == 0x00 || value[end - 1] == (byte) 0xFF || value[end - 1] == 0x20)) {
            end--;
        }
        return Arrays.copyOf(value, end);
    }
}
