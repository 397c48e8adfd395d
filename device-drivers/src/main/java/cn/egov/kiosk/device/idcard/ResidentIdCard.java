package cn.egov.kiosk.device.idcard;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** 居民身份证: the second-generation resident ID card. */
public final class ResidentIdCard implements IdCard {
    private final String name;
    private final Sex sex;
    private final String ethnicityCode;
    private final LocalDate birthDate;
    private final String address;
    private final String idNumber;
    private final String issuer;
    private final LocalDate validFrom;
    private final Optional<LocalDate> validUntil;
    private final Optional<String> appendedAddress;
    private final CardBytes photo;
    private final CardBytes fingerprint;

    /**
     * @param ethnicityCode the two-digit GB 3304 code ({@code 01} 汉)
     * @param appendedAddress the later address the police wrote to the card, when read
     */
    public ResidentIdCard(
            String name,
            Sex sex,
            String ethnicityCode,
            LocalDate birthDate,
            String address,
            String idNumber,
            String issuer,
            LocalDate validFrom,
            Optional<LocalDate> validUntil,
            Optional<String> appendedAddress,
            byte[] photo,
            byte[] fingerprint) {
        this.name = Objects.requireNonNull(name, "name");
        this.sex = Objects.requireNonNull(sex, "sex");
        this.ethnicityCode = Objects.requireNonNull(ethnicityCode, "ethnicityCode");
        this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
        this.address = Objects.requireNonNull(address, "address");
        this.idNumber = Objects.requireNonNull(idNumber, "idNumber");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.appendedAddress = Objects.requireNonNull(appendedAddress, "appendedAddress");
        this.photo = new CardBytes(photo);
        this.fingerprint = new CardBytes(fingerprint);
    }

    @Override
    public IdCardType type() {
        return IdCardType.RESIDENT;
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

    /** The two-digit GB 3304 code. */
    public String ethnicityCode() {
        return ethnicityCode;
    }

    /** 汉, 蒙古, 回... from the code. */
    public String ethnicity() {
        return Ethnicities.name(ethnicityCode);
    }

    @Override
    public LocalDate birthDate() {
        return birthDate;
    }

    public String address() {
        return address;
    }

    /** The address a form should use: the appended (later) one where the card has it. */
    public String currentAddress() {
        return appendedAddress.orElse(address);
    }

    public Optional<String> appendedAddress() {
        return appendedAddress;
    }

    public String idNumber() {
        return idNumber;
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

    @Override
    public byte[] photo() {
        return photo.copy();
    }

    /** The fingerprint data, where the reader read it; empty otherwise. */
    public byte[] fingerprint() {
        return fingerprint.copy();
    }

    /** This card with its appended address (read with a separate command). */
    public ResidentIdCard withAppendedAddress(Optional<String> later) {
        return new ResidentIdCard(
                name,
                sex,
                ethnicityCode,
                birthDate,
                address,
                idNumber,
                issuer,
                validFrom,
                validUntil,
                later,
                photo.copy(),
                fingerprint.copy());
    }

    @Override
    public void wipe() {
        photo.wipe();
        fingerprint.wipe();
    }

    @Override
    public String toString() {
        return "ResidentIdCard[" + maskedName() + " " + maskedNumber() + "]";
    }
}
