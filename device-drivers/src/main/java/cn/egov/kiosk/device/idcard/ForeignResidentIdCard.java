package cn.egov.kiosk.device.idcard;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * 外国人永久居留身份证: the foreign permanent resident ID card, in its 2017 version (type {@code I}: a
 * 15-character permit number, a three-letter nationality) or its 2023 version (type {@code Y}: an
 * 18-digit number starting with 9, a numeric country code).
 */
public final class ForeignResidentIdCard implements IdCard {
    private final IdCardType type;
    private final String englishName;
    private final String chineseName;
    private final Sex sex;
    private final LocalDate birthDate;
    private final String number;
    private final String nationality;
    private final LocalDate validFrom;
    private final Optional<LocalDate> validUntil;
    private final String cardVersion;
    private final String authorityCode;
    private final CardBytes photo;

    /**
     * @param type {@link IdCardType#FOREIGN_PERMANENT_RESIDENT} or {@link
     *     IdCardType#FOREIGN_PERMANENT_RESIDENT_2023}
     * @param chineseName may be empty: not every holder has one
     * @param nationality GB/T 2659 code: three letters (2017), digits (2023)
     */
    public ForeignResidentIdCard(
            IdCardType type,
            String englishName,
            String chineseName,
            Sex sex,
            LocalDate birthDate,
            String number,
            String nationality,
            LocalDate validFrom,
            Optional<LocalDate> validUntil,
            String cardVersion,
            String authorityCode,
            byte[] photo) {
        if (type != IdCardType.FOREIGN_PERMANENT_RESIDENT && type != IdCardType.FOREIGN_PERMANENT_RESIDENT_2023) {
            throw new IllegalArgumentException("a foreign permanent resident card type, not " + type);
        }
        this.type = type;
        this.englishName = Objects.requireNonNull(englishName, "englishName");
        this.chineseName = Objects.requireNonNull(chineseName, "chineseName");
        this.sex = Objects.requireNonNull(sex, "sex");
        this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
        this.number = Objects.requireNonNull(number, "number");
        this.nationality = Objects.requireNonNull(nationality, "nationality");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.cardVersion = Objects.requireNonNull(cardVersion, "cardVersion");
        this.authorityCode = Objects.requireNonNull(authorityCode, "authorityCode");
        this.photo = new CardBytes(photo);
    }

    @Override
    public IdCardType type() {
        return type;
    }

    @Override
    public String name() {
        return chineseName.isBlank() ? englishName : chineseName;
    }

    public String englishName() {
        return englishName;
    }

    public String chineseName() {
        return chineseName;
    }

    @Override
    public String number() {
        return number;
    }

    @Override
    public Sex sex() {
        return sex;
    }

    @Override
    public LocalDate birthDate() {
        return birthDate;
    }

    public String nationality() {
        return nationality;
    }

    @Override
    public LocalDate validFrom() {
        return validFrom;
    }

    @Override
    public Optional<LocalDate> validUntil() {
        return validUntil;
    }

    public String cardVersion() {
        return cardVersion;
    }

    public String authorityCode() {
        return authorityCode;
    }

    @Override
    public byte[] photo() {
        return photo.copy();
    }

    @Override
    public void wipe() {
        photo.wipe();
    }

    @Override
    public String toString() {
        return "ForeignResidentIdCard[" + type + " " + maskedName() + " " + maskedNumber() + "]";
    }
}
