package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.device.idcard.Ethnicities;
import cn.egov.kiosk.device.idcard.Sex;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a social security card (社会保障卡) gave without a PSAM: the issuer's data (EF05) and, where
 * the card answers without authentication, the holder's basic data (EF06). Every field is optional;
 * {@link #unread()} says for each missing one why it could not be read, and {@link #needsPsam()}
 * which ones the card keeps for an authenticated terminal (third-generation cards).
 *
 * <p>Personal data: {@code toString()} is masked, an instance belongs to one citizen session.
 * Read by {@link SocialSecurityCards#read(SmartCardReader)}; see {@code docs/SMARTCARD.md}.
 */
public final class SocialSecurityCard {

    /** A data item of the basic application area, with the file and record it is read from. */
    public enum Field {
        CARD_IDENTIFICATION_CODE(5, 0x01),
        CARD_TYPE(5, 0x02),
        SPEC_VERSION(5, 0x03),
        ISSUE_DATE(5, 0x05),
        EXPIRY_DATE(5, 0x06),
        CARD_NUMBER(5, 0x07),
        SOCIAL_SECURITY_NUMBER(6, 0x08),
        NAME(6, 0x09),
        SEX(6, 0x0A),
        ETHNICITY(6, 0x0B),
        BIRTH_DATE(6, 0x0D);

        private final int sfi;
        private final int record;

        Field(int sfi, int record) {
            this.sfi = sfi;
            this.record = record;
        }

        /** The short file identifier: 5 for EF05 (issuer data), 6 for EF06 (holder data). */
        public int sfi() {
            return sfi;
        }

        /** The record number, which is also the tag of the record's TLV. */
        public int record() {
            return record;
        }

        /** {@code EF06/09}. */
        public String location() {
            return String.format("EF%02X/%02X", sfi, record);
        }
    }

    /**
     * Why a field is missing.
     *
     * @param status the card's status word ({@code 6982}), or {@code empty} or {@code bad value}
     * @param needsPsam whether the card keeps it for an authenticated (PSAM or HSM) terminal
     */
    public record Unread(String status, boolean needsPsam) {
        public Unread {
            Objects.requireNonNull(status, "status");
        }
    }

    private final Map<Field, Object> values;
    private final Map<Field, Unread> unread;

    SocialSecurityCard(Map<Field, Object> values, Map<Field, Unread> unread) {
        this.values =
                Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(values));
        this.unread =
                Collections.unmodifiableMap(unread.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(unread));
    }

    private <T> Optional<T> get(Field field, Class<T> type) {
        return Optional.ofNullable(values.get(field)).map(type::cast);
    }

    /** 卡识别码 (EF05/01): the text when the card stores characters, else upper-case hex. */
    public Optional<String> cardIdentificationCode() {
        return get(Field.CARD_IDENTIFICATION_CODE, String.class);
    }

    /** 卡的类别 (EF05/02), as the card stores it. */
    public Optional<String> cardType() {
        return get(Field.CARD_TYPE, String.class);
    }

    /** 规范版本 (EF05/03): {@code 1.00}, {@code 2.00}, {@code 3.00}. */
    public Optional<String> specVersion() {
        return get(Field.SPEC_VERSION, String.class);
    }

    /** The card's generation from its specification version (1, 2, 3), when the version was read. */
    public Optional<Integer> generation() {
        return specVersion()
                .filter(v -> !v.isEmpty() && Character.isDigit(v.charAt(0)))
                .map(v -> Character.digit(v.charAt(0), 10));
    }

    /** 发卡日期 (EF05/05). */
    public Optional<LocalDate> issueDate() {
        return get(Field.ISSUE_DATE, LocalDate.class);
    }

    /** 卡有效期 (EF05/06). */
    public Optional<LocalDate> expiryDate() {
        return get(Field.EXPIRY_DATE, LocalDate.class);
    }

    /** 社会保障卡卡号 (EF05/07), nine characters. */
    public Optional<String> cardNumber() {
        return get(Field.CARD_NUMBER, String.class);
    }

    /** 社会保障号码 (EF06/08): the citizen ID number. */
    public Optional<String> socialSecurityNumber() {
        return get(Field.SOCIAL_SECURITY_NUMBER, String.class);
    }

    /** 姓名 (EF06/09). */
    public Optional<String> name() {
        return get(Field.NAME, String.class);
    }

    /** 性别 (EF06/0A), GB/T 2261.1. */
    public Optional<Sex> sex() {
        return get(Field.SEX, Sex.class);
    }

    /** 民族 (EF06/0B): the two-digit GB 3304 code ({@code 01} 汉). */
    public Optional<String> ethnicityCode() {
        return get(Field.ETHNICITY, String.class);
    }

    /** 汉, 蒙古, 回... from the code. */
    public Optional<String> ethnicity() {
        return ethnicityCode().map(Ethnicities::name);
    }

    /** 出生日期 (EF06/0D). */
    public Optional<LocalDate> birthDate() {
        return get(Field.BIRTH_DATE, LocalDate.class);
    }

    /** The fields that could not be read, each with why. */
    public Map<Field, Unread> unread() {
        return unread;
    }

    /** The fields the card gives only to an authenticated (PSAM or HSM) terminal. */
    public Set<Field> needsPsam() {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        unread.forEach((field, why) -> {
            if (why.needsPsam()) {
                fields.add(field);
            }
        });
        return fields;
    }

    /** Whether the holder's name and social security number were read: enough to identify them. */
    public boolean identifiesHolder() {
        return name().isPresent() && socialSecurityNumber().isPresent();
    }

    public boolean expiredOn(LocalDate day) {
        return expiryDate().map(until -> until.isBefore(day)).orElse(false);
    }

    /** 张*三: for the screen and paper. */
    public Optional<String> maskedName() {
        return name().map(Masking::name);
    }

    /** 110105********1234: for the screen and paper. */
    public Optional<String> maskedSocialSecurityNumber() {
        return socialSecurityNumber().map(Masking::idNumber);
    }

    /** A*******8: the first and last characters of the card number. */
    public Optional<String> maskedCardNumber() {
        return cardNumber().map(SocialSecurityCard::maskCardNumber);
    }

    static String maskCardNumber(String number) {
        if (number.length() <= 2) {
            return "*".repeat(number.length());
        }
        return number.charAt(0) + "*".repeat(number.length() - 2) + number.charAt(number.length() - 1);
    }

    @Override
    public String toString() {
        return "SocialSecurityCard[version "
                + specVersion().orElse("?")
                + ", card "
                + maskedCardNumber().orElse("?")
                + ", "
                + maskedName().orElse("?")
                + " "
                + maskedSocialSecurityNumber().orElse("?")
                + (needsPsam().isEmpty() ? "" : ", needs PSAM for " + needsPsam())
                + "]";
    }
}
