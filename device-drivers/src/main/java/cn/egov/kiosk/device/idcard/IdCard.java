package cn.egov.kiosk.device.idcard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reader read from an identity card. Personal data: {@link #toString()} is masked, the
 * object belongs to one citizen session, and {@link #wipe()} clears the photo bytes when the
 * session ends.
 *
 * @param validUntil empty for a card valid without limit (长期)
 */
public final class IdCard {
  private final IdCardType type;
  private final String name;
  private final String sex;
  private final String nation;
  private final LocalDate birthDate;
  private final String address;
  private final String idNumber;
  private final String issuer;
  private final LocalDate validFrom;
  private final Optional<LocalDate> validUntil;
  private final byte[] photo;

  public IdCard(
      IdCardType type,
      String name,
      String sex,
      String nation,
      LocalDate birthDate,
      String address,
      String idNumber,
      String issuer,
      LocalDate validFrom,
      Optional<LocalDate> validUntil,
      byte[] photo) {
    this.type = Objects.requireNonNull(type);
    this.name = Objects.requireNonNull(name);
    this.sex = sex;
    this.nation = nation;
    this.birthDate = birthDate;
    this.address = address;
    this.idNumber = Objects.requireNonNull(idNumber);
    this.issuer = issuer;
    this.validFrom = validFrom;
    this.validUntil = validUntil;
    this.photo = photo == null ? new byte[0] : photo.clone();
  }

  public IdCardType type() {
    return type;
  }

  public String name() {
    return name;
  }

  public String sex() {
    return sex;
  }

  public String nation() {
    return nation;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public String address() {
    return address;
  }

  public String idNumber() {
    return idNumber;
  }

  public String issuer() {
    return issuer;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public Optional<LocalDate> validUntil() {
    return validUntil;
  }

  /** The card's photo in the card's own (WLT) format; empty after {@link #wipe()}. */
  public byte[] photo() {
    return photo.clone();
  }

  public boolean expiredOn(LocalDate day) {
    return validUntil.map(until -> until.isBefore(day)).orElse(false);
  }

  /** Overwrites the photo bytes held by this object. */
  public void wipe() {
    Arrays.fill(photo, (byte) 0);
  }

  /** Masked: {@code IdCard[RESIDENT 张*三 110105********1234]}. Never the full data. */
  @Override
  public String toString() {
    return "IdCard[" + type + " " + Masking.name(name) + " " + Masking.idNumber(idNumber) + "]";
  }
}
