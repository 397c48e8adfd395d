package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.Ethnicities;
import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.Sex;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The card's 256-byte text block: UCS-2 little-endian, every field at a fixed place and padded with
 * spaces (U+0020). Four layouts, told apart by the type character at bytes 248..250:
 *
 * <pre>
 * 居民身份证 (type ' ')       name 0..30, sex 30..32, ethnicity 32..36, birth 36..52, address 52..122,
 *                             ID number 122..158, issuer 158..188, valid from 188..204,
 *                             valid to 204..220 (date or 长期), reserved 220..256
 * 港澳台居民居住证 (type 'J')  as the resident card, without ethnicity (32..36 reserved); then
 *                             pass number 220..238, issue count 238..242, reserved 242..248
 * 外国人永久居留身份证 2017 ('I') English name 0..120, sex 120..122, permit number 122..152,
 *                             nationality 152..158 (3 letters), Chinese name 158..188,
 *                             valid from 188..204, valid to 204..220, birth 220..236,
 *                             card version 236..240, authority code 240..248
 * 外国人永久居留身份证 2023 ('Y') Chinese name 0..30, sex 30..32, renewal count 32..36, birth 36..52,
 *                             English name 52..122 continued at 220..242, ID number 122..158,
 *                             authority 158..188, valid from 188..204, valid to 204..220,
 *                             country code 242..248 (3 digits), previous-card link 250..256
 * </pre>
 *
 * <p>{@link ForeignResidentIdCard} has no fields of its own for the 2023 card's renewal count and
 * authority: they are carried in {@code cardVersion} and {@code authorityCode}; the previous-card
 * link is not kept (encoded as spaces).
 *
 * <p>Decoding checks what the card's data means (codes, dates, check characters) and throws {@link
 * IdCardTextException} naming the field, never its value; each field is read and written by its
 * {@link IdCardTextField}. Encoding (for the reader simulator) checks only that every value fits
 * its field, so that a simulator can also write a card that fails to decode; for every card that
 * decodes, {@code decode(encode(card))} gives the same card.
 */
public final class IdCardText {
    private IdCardText() {}

    /** The length of the text block. */
    public static final int LENGTH = 256;
    /** The length of one appended address. */
    public static final int ADDRESS_LENGTH = 70;
    /** How many appended addresses a reply holds at most. */
    public static final int MAX_ADDRESSES = 4;
    /** Where the card type character sits. */
    public static final int TYPE_OFFSET = 248;
    /** The valid-to value of a card valid without limit. */
    public static final String LONG_TERM = "长期";

    private static final IdCardTextField TYPE = new IdCardTextField("type", TYPE_OFFSET, 2);

    // 居民身份证; the J permit shares these places
    private static final IdCardTextField NAME = new IdCardTextField("name", 0, 30);
    private static final IdCardTextField SEX = new IdCardTextField("sex", 30, 2);
    private static final IdCardTextField ETHNICITY = new IdCardTextField("ethnicity", 32, 4);
    private static final IdCardTextField BIRTH = new IdCardTextField("birthDate", 36, 16);
    private static final IdCardTextField ADDRESS = new IdCardTextField("address", 52, 70);
    private static final IdCardTextField ID_NUMBER = new IdCardTextField("idNumber", 122, 36);
    private static final IdCardTextField ISSUER = new IdCardTextField("issuer", 158, 30);
    private static final IdCardTextField VALID_FROM = new IdCardTextField("validFrom", 188, 16);
    private static final IdCardTextField VALID_UNTIL = new IdCardTextField("validUntil", 204, 16);

    // 港澳台居民居住证 (J)
    private static final IdCardTextField PASS_NUMBER = new IdCardTextField("passNumber", 220, 18);
    private static final IdCardTextField ISSUE_COUNT = new IdCardTextField("issueCount", 238, 4);

    // 外国人永久居留身份证 2017 (I)
    private static final IdCardTextField I_ENGLISH_NAME = new IdCardTextField("englishName", 0, 120);
    private static final IdCardTextField I_SEX = new IdCardTextField("sex", 120, 2);
    private static final IdCardTextField I_NUMBER = new IdCardTextField("number", 122, 30);
    private static final IdCardTextField I_NATIONALITY = new IdCardTextField("nationality", 152, 6);
    private static final IdCardTextField I_CHINESE_NAME = new IdCardTextField("chineseName", 158, 30);
    private static final IdCardTextField I_BIRTH = new IdCardTextField("birthDate", 220, 16);
    private static final IdCardTextField I_VERSION = new IdCardTextField("cardVersion", 236, 4);
    private static final IdCardTextField I_AUTHORITY = new IdCardTextField("authorityCode", 240, 8);

    // 外国人永久居留身份证 2023 (Y)
    private static final IdCardTextField Y_CHINESE_NAME = new IdCardTextField("chineseName", 0, 30);
    private static final IdCardTextField Y_RENEWALS = new IdCardTextField("renewalCount", 32, 4);
    private static final IdCardTextField Y_ENGLISH_NAME = new IdCardTextField("englishName", 52, 70);
    private static final IdCardTextField Y_ENGLISH_NAME_MORE = new IdCardTextField("englishName", 220, 22);
    private static final IdCardTextField Y_NUMBER = new IdCardTextField("idNumber", 122, 36);
    private static final IdCardTextField Y_AUTHORITY = new IdCardTextField("authority", 158, 30);
    private static final IdCardTextField Y_COUNTRY = new IdCardTextField("nationality", 242, 6);

    // ---- decoding ------------------------------------------------------------------------------

    /**
     * The card a text block describes, with the photo and fingerprint read with it (either may be
     * null or empty; only the resident card keeps a fingerprint).
     *
     * @throws IdCardTextException when the block is not 256 bytes, its type is unknown, or a field
     *     is not what the layout says
     */
    public static IdCard decode(byte[] text256, byte[] photo, byte[] fingerprint) throws IdCardTextException {
        if (text256 == null || text256.length != LENGTH) {
            throw new IdCardTextException("text", "not a " + LENGTH + "-byte block");
        }
        char type = (char) ((text256[TYPE_OFFSET] & 0xFF) | (text256[TYPE_OFFSET + 1] & 0xFF) << 8);
        switch (type) {
            case ' ':
                return resident(text256, photo, fingerprint);
            case 'I':
                return foreign2017(text256, photo);
            case 'Y':
                return foreign2023(text256, photo);
            case 'J':
                return permit(text256, photo);
            default:
                // the type character is no personal data: the engineer may see it
                throw new IdCardTextException(TYPE.name(), String.format("unknown card type U+%04X", (int) type));
        }
    }

    private static ResidentIdCard resident(byte[] b, byte[] photo, byte[] fingerprint) throws IdCardTextException {
        String name = NAME.readRequired(b);
        Sex sex = SEX.readSex(b);
        String ethnicity = ETHNICITY.readText(b);
        if (!Ethnicities.known(ethnicity)) {
            throw new IdCardTextException(ETHNICITY.name(), "not a GB 3304 code");
        }
        LocalDate birth = BIRTH.readDate(b);
        String address = ADDRESS.readText(b);
        String number = ID_NUMBER.readIdNumber(b);
        String issuer = ISSUER.readText(b);
        LocalDate from = VALID_FROM.readDate(b);
        Optional<LocalDate> until = VALID_UNTIL.readUntil(b);
        return new ResidentIdCard(
                name,
                sex,
                ethnicity,
                birth,
                address,
                number,
                issuer,
                from,
                until,
                Optional.empty(),
                photo,
                fingerprint);
    }

    private static ResidencePermit permit(byte[] b, byte[] photo) throws IdCardTextException {
        String name = NAME.readRequired(b);
        Sex sex = SEX.readSex(b);
        LocalDate birth = BIRTH.readDate(b);
        String address = ADDRESS.readText(b);
        String number = ID_NUMBER.readIdNumber(b);
        String issuer = ISSUER.readText(b);
        LocalDate from = VALID_FROM.readDate(b);
        Optional<LocalDate> until = VALID_UNTIL.readUntil(b);
        String pass = PASS_NUMBER.readText(b);
        String count = ISSUE_COUNT.readText(b);
        if (!count.matches("[0-9]{1,2}")) {
            throw new IdCardTextException(ISSUE_COUNT.name(), "not a number");
        }
        return new ResidencePermit(
                name, sex, birth, address, number, issuer, from, until, pass, Integer.parseInt(count), photo);
    }

    private static ForeignResidentIdCard foreign2017(byte[] b, byte[] photo) throws IdCardTextException {
        String english = I_ENGLISH_NAME.readText(b);
        Sex sex = I_SEX.readSex(b);
        String number = I_NUMBER.readRequired(b);
        String nationality = I_NATIONALITY.readText(b);
        String chinese = I_CHINESE_NAME.readText(b);
        if (english.isEmpty() && chinese.isEmpty()) {
            throw new IdCardTextException("name", "empty");
        }
        LocalDate from = VALID_FROM.readDate(b);
        Optional<LocalDate> until = VALID_UNTIL.readUntil(b);
        LocalDate birth = I_BIRTH.readDate(b);
        String version = I_VERSION.readText(b);
        String authority = I_AUTHORITY.readText(b);
        return new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT,
                english,
                chinese,
                sex,
                birth,
                number,
                nationality,
                from,
                until,
                version,
                authority,
                photo);
    }

    private static ForeignResidentIdCard foreign2023(byte[] b, byte[] photo) throws IdCardTextException {
        String chinese = Y_CHINESE_NAME.readText(b);
        Sex sex = SEX.readSex(b);
        String renewals = Y_RENEWALS.readText(b);
        LocalDate birth = BIRTH.readDate(b);
        byte[] englishBytes = new byte[Y_ENGLISH_NAME.length() + Y_ENGLISH_NAME_MORE.length()];
        System.arraycopy(b, Y_ENGLISH_NAME.at(), englishBytes, 0, Y_ENGLISH_NAME.length());
        System.arraycopy(
                b, Y_ENGLISH_NAME_MORE.at(), englishBytes, Y_ENGLISH_NAME.length(), Y_ENGLISH_NAME_MORE.length());
        String english = IdCardTextField.decodeText(englishBytes, 0, englishBytes.length, Y_ENGLISH_NAME.name());
        if (english.isEmpty() && chinese.isEmpty()) {
            throw new IdCardTextException("name", "empty");
        }
        String number = Y_NUMBER.readIdNumber(b);
        if (number.charAt(0) != '9') {
            throw new IdCardTextException(Y_NUMBER.name(), "not a 2023 permanent residence number (starts with 9)");
        }
        String authority = Y_AUTHORITY.readText(b);
        LocalDate from = VALID_FROM.readDate(b);
        Optional<LocalDate> until = VALID_UNTIL.readUntil(b);
        String country = Y_COUNTRY.readText(b);
        return new ForeignResidentIdCard(
                IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                english,
                chinese,
                sex,
                birth,
                number,
                country,
                from,
                until,
                renewals,
                authority,
                photo);
    }

    // ---- encoding ------------------------------------------------------------------------------

    /**
     * The text block of a card: the exact inverse of {@link #decode} (for the reader simulator).
     *
     * @throws IllegalArgumentException when a value does not fit its field, or would not come back
     *     the same from decoding (padding at an end, control characters); the message names the
     *     field, not the value
     */
    public static byte[] encode(IdCard card) {
        Objects.requireNonNull(card, "card");
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i += 2) {
            out[i] = ' ';
        }
        if (card instanceof ResidentIdCard r) {
            NAME.write(out, r.name());
            SEX.write(out, r.sex().code());
            ETHNICITY.write(out, r.ethnicityCode());
            BIRTH.writeDate(out, r.birthDate());
            ADDRESS.write(out, r.address());
            ID_NUMBER.write(out, r.idNumber());
            ISSUER.write(out, r.issuer());
            VALID_FROM.writeDate(out, r.validFrom());
            VALID_UNTIL.writeUntil(out, r.validUntil());
            // the type character stays a space
        } else if (card instanceof ResidencePermit p) {
            NAME.write(out, p.name());
            SEX.write(out, p.sex().code());
            BIRTH.writeDate(out, p.birthDate());
            ADDRESS.write(out, p.address());
            ID_NUMBER.write(out, p.number());
            ISSUER.write(out, p.issuer());
            VALID_FROM.writeDate(out, p.validFrom());
            VALID_UNTIL.writeUntil(out, p.validUntil());
            PASS_NUMBER.write(out, p.passNumber());
            if (p.issueCount() < 0 || p.issueCount() > 99) {
                throw new IllegalArgumentException(ISSUE_COUNT.name() + ": not 0..99");
            }
            ISSUE_COUNT.write(out, String.format("%02d", p.issueCount()));
            TYPE.write(out, "J");
        } else if (card instanceof ForeignResidentIdCard f && f.type() == IdCardType.FOREIGN_PERMANENT_RESIDENT) {
            I_ENGLISH_NAME.write(out, f.englishName());
            I_SEX.write(out, f.sex().code());
            I_NUMBER.write(out, f.number());
            I_NATIONALITY.write(out, f.nationality());
            I_CHINESE_NAME.write(out, f.chineseName());
            VALID_FROM.writeDate(out, f.validFrom());
            VALID_UNTIL.writeUntil(out, f.validUntil());
            I_BIRTH.writeDate(out, f.birthDate());
            I_VERSION.write(out, f.cardVersion());
            I_AUTHORITY.write(out, f.authorityCode());
            TYPE.write(out, "I");
        } else if (card instanceof ForeignResidentIdCard f) {
            Y_CHINESE_NAME.write(out, f.chineseName());
            SEX.write(out, f.sex().code());
            Y_RENEWALS.write(out, f.cardVersion());
            BIRTH.writeDate(out, f.birthDate());
            byte[] english = IdCardTextField.encodeText(
                    Y_ENGLISH_NAME.name(), Y_ENGLISH_NAME.length() + Y_ENGLISH_NAME_MORE.length(), f.englishName());
            System.arraycopy(english, 0, out, Y_ENGLISH_NAME.at(), Y_ENGLISH_NAME.length());
            System.arraycopy(
                    english, Y_ENGLISH_NAME.length(), out, Y_ENGLISH_NAME_MORE.at(), Y_ENGLISH_NAME_MORE.length());
            Y_NUMBER.write(out, f.number());
            Y_AUTHORITY.write(out, f.authorityCode());
            VALID_FROM.writeDate(out, f.validFrom());
            VALID_UNTIL.writeUntil(out, f.validUntil());
            Y_COUNTRY.write(out, f.nationality());
            TYPE.write(out, "Y");
        } else {
            throw new IllegalArgumentException("an unknown kind of card");
        }
        return out;
    }

    // ---- the appended address ------------------------------------------------------------------

    /**
     * The current appended address from the reply to "read the appended address": up to four
     * 70-byte UCS-2LE addresses, the last non-blank one being current. Empty when there is none.
     *
     * @throws IdCardTextException when the reply is not whole addresses or an address not text
     */
    public static String decodeAddress(byte[] data) throws IdCardTextException {
        if (data == null || data.length % ADDRESS_LENGTH != 0 || data.length > MAX_ADDRESSES * ADDRESS_LENGTH) {
            throw new IdCardTextException(
                    "appendedAddress", "not up to " + MAX_ADDRESSES + " whole " + ADDRESS_LENGTH + "-byte addresses");
        }
        String last = "";
        for (int at = 0; at < data.length; at += ADDRESS_LENGTH) {
            String s = IdCardTextField.decodeText(data, at, ADDRESS_LENGTH, "appendedAddress");
            if (!s.isEmpty()) {
                last = s;
            }
        }
        return last;
    }

    /**
     * The reply holding these appended addresses, oldest first (the inverse of {@link
     * #decodeAddress}; an empty string gives a blank address).
     *
     * @throws IllegalArgumentException for more than four addresses or one that does not fit
     */
    public static byte[] encodeAddress(String... addresses) {
        if (addresses.length > MAX_ADDRESSES) {
            throw new IllegalArgumentException("appendedAddress: at most " + MAX_ADDRESSES + " addresses");
        }
        byte[] out = new byte[addresses.length * ADDRESS_LENGTH];
        for (int i = 0; i < addresses.length; i++) {
            System.arraycopy(
                    IdCardTextField.encodeText("appendedAddress", ADDRESS_LENGTH, addresses[i]),
                    0,
                    out,
                    i * ADDRESS_LENGTH,
                    ADDRESS_LENGTH);
        }
        return out;
    }
}
