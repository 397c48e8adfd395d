package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.Ethnicities;
import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.idcard.IdNumbers;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
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
 * IdCardTextException} naming the field, never its value. Encoding (for the reader simulator) checks
 * only that every value fits its field, so that a simulator can also write a card that fails to
 * decode; for every card that decodes, {@code decode(encode(card))} gives the same card.
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

  private record Field(String name, int at, int length) {}

  private static final Field TYPE = new Field("type", TYPE_OFFSET, 2);

  // 居民身份证; the J permit shares these places
  private static final Field NAME = new Field("name", 0, 30);
  private static final Field SEX = new Field("sex", 30, 2);
  private static final Field ETHNICITY = new Field("ethnicity", 32, 4);
  private static final Field BIRTH = new Field("birthDate", 36, 16);
  private static final Field ADDRESS = new Field("address", 52, 70);
  private static final Field ID_NUMBER = new Field("idNumber", 122, 36);
  private static final Field ISSUER = new Field("issuer", 158, 30);
  private static final Field VALID_FROM = new Field("validFrom", 188, 16);
  private static final Field VALID_UNTIL = new Field("validUntil", 204, 16);

  // 港澳台居民居住证 (J)
  private static final Field PASS_NUMBER = new Field("passNumber", 220, 18);
  private static final Field ISSUE_COUNT = new Field("issueCount", 238, 4);

  // 外国人永久居留身份证 2017 (I)
  private static final Field I_ENGLISH_NAME = new Field("englishName", 0, 120);
  private static final Field I_SEX = new Field("sex", 120, 2);
  private static final Field I_NUMBER = new Field("number", 122, 30);
  private static final Field I_NATIONALITY = new Field("nationality", 152, 6);
  private static final Field I_CHINESE_NAME = new Field("chineseName", 158, 30);
  private static final Field I_BIRTH = new Field("birthDate", 220, 16);
  private static final Field I_VERSION = new Field("cardVersion", 236, 4);
  private static final Field I_AUTHORITY = new Field("authorityCode", 240, 8);

  // 外国人永久居留身份证 2023 (Y)
  private static final Field Y_CHINESE_NAME = new Field("chineseName", 0, 30);
  private static final Field Y_RENEWALS = new Field("renewalCount", 32, 4);
  private static final Field Y_ENGLISH_NAME = new Field("englishName", 52, 70);
  private static final Field Y_ENGLISH_NAME_MORE = new Field("englishName", 220, 22);
  private static final Field Y_NUMBER = new Field("idNumber", 122, 36);
  private static final Field Y_AUTHORITY = new Field("authority", 158, 30);
  private static final Field Y_COUNTRY = new Field("nationality", 242, 6);

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
    String name = required(b, NAME);
    Sex sex = sex(b, SEX);
    String ethnicity = string(b, ETHNICITY);
    if (!Ethnicities.known(ethnicity)) {
      throw new IdCardTextException(ETHNICITY.name(), "not a GB 3304 code");
    }
    LocalDate birth = date(b, BIRTH);
    String address = string(b, ADDRESS);
    String number = idNumber(b, ID_NUMBER);
    String issuer = string(b, ISSUER);
    LocalDate from = date(b, VALID_FROM);
    Optional<LocalDate> until = until(b, VALID_UNTIL);
    return new ResidentIdCard(
        name, sex, ethnicity, birth, address, number, issuer, from, until, Optional.empty(), photo, fingerprint);
  }

  private static ResidencePermit permit(byte[] b, byte[] photo) throws IdCardTextException {
    String name = required(b, NAME);
    Sex sex = sex(b, SEX);
    LocalDate birth = date(b, BIRTH);
    String address = string(b, ADDRESS);
    String number = idNumber(b, ID_NUMBER);
    String issuer = string(b, ISSUER);
    LocalDate from = date(b, VALID_FROM);
    Optional<LocalDate> until = until(b, VALID_UNTIL);
    String pass = string(b, PASS_NUMBER);
    String count = string(b, ISSUE_COUNT);
    if (!count.matches("[0-9]{1,2}")) {
      throw new IdCardTextException(ISSUE_COUNT.name(), "not a number");
    }
    return new ResidencePermit(name, sex, birth, address, number, issuer, from, until, pass, Integer.parseInt(count), photo);
  }

  private static ForeignResidentIdCard foreign2017(byte[] b, byte[] photo) throws IdCardTextException {
    String english = string(b, I_ENGLISH_NAME);
    Sex sex = sex(b, I_SEX);
    String number = required(b, I_NUMBER);
    String nationality = string(b, I_NATIONALITY);
    String chinese = string(b, I_CHINESE_NAME);
    if (english.isEmpty() && chinese.isEmpty()) {
      throw new IdCardTextException("name", "empty");
    }
    LocalDate from = date(b, VALID_FROM);
    Optional<LocalDate> until = until(b, VALID_UNTIL);
    LocalDate birth = date(b, I_BIRTH);
    String version = string(b, I_VERSION);
    String authority = string(b, I_AUTHORITY);
    return new ForeignResidentIdCard(
        IdCardType.FOREIGN_PERMANENT_RESIDENT, english, chinese, sex, birth, number, nationality, from, until, version, authority, photo);
  }

  private static ForeignResidentIdCard foreign2023(byte[] b, byte[] photo) throws IdCardTextException {
    String chinese = string(b, Y_CHINESE_NAME);
    Sex sex = sex(b, SEX);
    String renewals = string(b, Y_RENEWALS);
    LocalDate birth = date(b, BIRTH);
    byte[] englishBytes = new byte[Y_ENGLISH_NAME.length() + Y_ENGLISH_NAME_MORE.length()];
    System.arraycopy(b, Y_ENGLISH_NAME.at(), englishBytes, 0, Y_ENGLISH_NAME.length());
    System.arraycopy(b, Y_ENGLISH_NAME_MORE.at(), englishBytes, Y_ENGLISH_NAME.length(), Y_ENGLISH_NAME_MORE.length());
    String english = string(englishBytes, 0, englishBytes.length, Y_ENGLISH_NAME.name());
    if (english.isEmpty() && chinese.isEmpty()) {
      throw new IdCardTextException("name", "empty");
    }
    String number = idNumber(b, Y_NUMBER);
    if (number.charAt(0) != '9') {
      throw new IdCardTextException(Y_NUMBER.name(), "not a 2023 permanent residence number (starts with 9)");
    }
    String authority = string(b, Y_AUTHORITY);
    LocalDate from = date(b, VALID_FROM);
    Optional<LocalDate> until = until(b, VALID_UNTIL);
    String country = string(b, Y_COUNTRY);
    return new ForeignResidentIdCard(
        IdCardType.FOREIGN_PERMANENT_RESIDENT_2023, english, chinese, sex, birth, number, country, from, until, renewals, authority, photo);
  }

  private static String string(byte[] b, Field f) throws IdCardTextException {
    return string(b, f.at(), f.length(), f.name());
  }

  /** The text of a field, without the padding at either end; strict UCS-2, no control characters. */
  private static String string(byte[] b, int at, int length, String field) throws IdCardTextException {
    String s;
    try {
      s =
          StandardCharsets.UTF_16LE
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

  private static String required(byte[] b, Field f) throws IdCardTextException {
    String s = string(b, f);
    if (s.isEmpty()) {
      throw new IdCardTextException(f.name(), "empty");
    }
    return s;
  }

  private static Sex sex(byte[] b, Field f) throws IdCardTextException {
    String code = string(b, f);
    for (Sex s : Sex.values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IdCardTextException(f.name(), "not a sex code (0, 1, 2 or 9)");
  }

  private static LocalDate date(byte[] b, Field f) throws IdCardTextException {
    return date(string(b, f), f.name());
  }

  private static LocalDate date(String s, String field) throws IdCardTextException {
    if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IdCardTextException(field, "not a date YYYYMMDD");
    }
    try {
      return LocalDate.of(
          Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)));
    } catch (DateTimeException e) {
      throw new IdCardTextException(field, "not a date YYYYMMDD");
    }
  }

  private static Optional<LocalDate> until(byte[] b, Field f) throws IdCardTextException {
    String s = string(b, f);
    return LONG_TERM.equals(s) ? Optional.empty() : Optional.of(date(s, f.name()));
  }

  private static String idNumber(byte[] b, Field f) throws IdCardTextException {
    String s = string(b, f);
    if (!IdNumbers.valid(s)) {
      throw new IdCardTextException(f.name(), "not an 18-character number with a right check character");
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
      put(out, NAME, r.name());
      put(out, SEX, r.sex().code());
      put(out, ETHNICITY, r.ethnicityCode());
      putDate(out, BIRTH, r.birthDate());
      put(out, ADDRESS, r.address());
      put(out, ID_NUMBER, r.idNumber());
      put(out, ISSUER, r.issuer());
      putDate(out, VALID_FROM, r.validFrom());
      putUntil(out, VALID_UNTIL, r.validUntil());
      // the type character stays a space
    } else if (card instanceof ResidencePermit p) {
      put(out, NAME, p.name());
      put(out, SEX, p.sex().code());
      putDate(out, BIRTH, p.birthDate());
      put(out, ADDRESS, p.address());
      put(out, ID_NUMBER, p.number());
      put(out, ISSUER, p.issuer());
      putDate(out, VALID_FROM, p.validFrom());
      putUntil(out, VALID_UNTIL, p.validUntil());
      put(out, PASS_NUMBER, p.passNumber());
      if (p.issueCount() < 0 || p.issueCount() > 99) {
        throw new IllegalArgumentException(ISSUE_COUNT.name() + ": not 0..99");
      }
      put(out, ISSUE_COUNT, String.format("%02d", p.issueCount()));
      put(out, TYPE, "J");
    } else if (card instanceof ForeignResidentIdCard f && f.type() == IdCardType.FOREIGN_PERMANENT_RESIDENT) {
      put(out, I_ENGLISH_NAME, f.englishName());
      put(out, I_SEX, f.sex().code());
      put(out, I_NUMBER, f.number());
      put(out, I_NATIONALITY, f.nationality());
      put(out, I_CHINESE_NAME, f.chineseName());
      putDate(out, VALID_FROM, f.validFrom());
      putUntil(out, VALID_UNTIL, f.validUntil());
      putDate(out, I_BIRTH, f.birthDate());
      put(out, I_VERSION, f.cardVersion());
      put(out, I_AUTHORITY, f.authorityCode());
      put(out, TYPE, "I");
    } else if (card instanceof ForeignResidentIdCard f) {
      put(out, Y_CHINESE_NAME, f.chineseName());
      put(out, SEX, f.sex().code());
      put(out, Y_RENEWALS, f.cardVersion());
      putDate(out, BIRTH, f.birthDate());
      byte[] english =
          field(Y_ENGLISH_NAME.name(), Y_ENGLISH_NAME.length() + Y_ENGLISH_NAME_MORE.length(), f.englishName());
      System.arraycopy(english, 0, out, Y_ENGLISH_NAME.at(), Y_ENGLISH_NAME.length());
      System.arraycopy(english, Y_ENGLISH_NAME.length(), out, Y_ENGLISH_NAME_MORE.at(), Y_ENGLISH_NAME_MORE.length());
      put(out, Y_NUMBER, f.number());
      put(out, Y_AUTHORITY, f.authorityCode());
      putDate(out, VALID_FROM, f.validFrom());
      putUntil(out, VALID_UNTIL, f.validUntil());
      put(out, Y_COUNTRY, f.nationality());
      put(out, TYPE, "Y");
    } else {
      throw new IllegalArgumentException("an unknown kind of card");
    }
    return out;
  }

  private static void put(byte[] out, Field f, String value) {
    byte[] bytes = field(f.name(), f.length(), value);
    System.arraycopy(bytes, 0, out, f.at(), f.length());
  }

  private static void putDate(byte[] out, Field f, LocalDate date) {
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw new IllegalArgumentException(f.name() + ": not a four-digit year");
    }
    put(out, f, String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
  }

  private static void putUntil(byte[] out, Field f, Optional<LocalDate> until) {
    if (until.isPresent()) {
      putDate(out, f, until.get());
    } else {
      put(out, f, LONG_TERM);
    }
  }

  /** A value in UCS-2LE padded with spaces to {@code length} bytes. */
  private static byte[] field(String name, int length, String value) {
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
      encoded =
          StandardCharsets.UTF_16LE
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

  // ---- the appended address ------------------------------------------------------------------

  /**
   * The current appended address from the reply to "read the appended address": up to four
   * 70-byte UCS-2LE addresses, the last non-blank one being current. Empty when there is none.
   *
   * @throws IdCardTextException when the reply is not whole addresses or an address not text
   */
  public static String decodeAddress(byte[] data) throws IdCardTextException {
    if (data == null || data.length % ADDRESS_LENGTH != 0 || data.length > MAX_ADDRESSES * ADDRESS_LENGTH) {
      throw new IdCardTextException("appendedAddress", "not up to " + MAX_ADDRESSES + " whole " + ADDRESS_LENGTH + "-byte addresses");
    }
    String last = "";
    for (int at = 0; at < data.length; at += ADDRESS_LENGTH) {
      String s = string(data, at, ADDRESS_LENGTH, "appendedAddress");
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
      System.arraycopy(field("appendedAddress", ADDRESS_LENGTH, addresses[i]), 0, out, i * ADDRESS_LENGTH, ADDRESS_LENGTH);
    }
    return out;
  }
}
