package cn.egov.kiosk.device.idcard;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** 港澳台居民居住证: the residence permit for Hong Kong, Macao and Taiwan residents (type {@code J}). */
public final class ResidencePermit implements IdCard {
    private final String name;
    private final Sex sex;
    private final LocalDate birthDate;
    private final String address;
    private final String idNumber;
    private final String issuer;
    private final LocalDate validFrom;
    private final Optional<LocalDate> validUntil;
    private final String passNumber;
    private final int issueCount;
    private final CardBytes photo;

    /**
     * @param passNumber the number of the holder's travel permit to the mainland (通行证号码)
     * @param issueCount how many times the permit has been issued (签发次数)
     */
    public ResidencePermit(
            String name,
            Sex sex,
            LocalDate birthDate,
            String address,
            String idNumber,
            String issuer,
            LocalDate validFrom,
            Optional<LocalDate> validUntil,
            String passNumber,
            int issueCount,
            byte[] photo) {
        this.name = Objects.requireNonNull(name, "name");
        this.sex = Objects.requireNonNull(sex, "sex");
        this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
        this.address = Objects.requireNonNull(address, "address");
        this.idNumber = Objects.requireNonNull(idNumber, "idNumber");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.passNumber = Objects.requireNonNull(passNumber, "passNumber");
        this.issueCount = issueCount;
        this.photo = new CardBytes(photo);
    }

    @Override
    public IdCardType type() {
        return IdCardType.HK_MACAO_TAIWAN_RESIDENT;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String number() {
        return idNumber;
    }

    @Override
    public Sex sex() {
        return sex;
    }

    @Override
    public LocalDate birthDate() {
        return birthDate;
    }

    public String address() {
        return address;
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public LocalDate validFrom() {
        return validFrom;
    }

    @Override
    public Optional<LocalDate> validUntil() {
        return validUntil;
    }

    public String passNumber() {
        return passNumber;
    }

    public int issueCount() {
        return issueCount;
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
        return "ResidencePermit[" + maskedName() + " " + maskedNumber() + "]";
    }
}
