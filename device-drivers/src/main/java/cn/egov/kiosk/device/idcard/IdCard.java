package cn.egov.kiosk.device.idcard;

import cn.egov.kiosk.common.privacy.Masking;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a resident ID card reader read from a card: one of the three kinds of card such readers
 * read. Personal data: {@code toString()} is masked in every implementation, an instance belongs to
 * one citizen session, and {@link #wipe()} overwrites the photo and fingerprint bytes when the
 * session ends (the text fields are immutable strings, dropped with the object).
 */
public sealed interface IdCard permits ResidentIdCard, ForeignResidentIdCard, ResidencePermit {

    IdCardType type();

    /** The name to address the citizen by: the Chinese name, or the English one when there is none. */
    String name();

    /** The card's number: the citizen ID number, or the permit's own number. */
    String number();

    Sex sex();

    LocalDate birthDate();

    LocalDate validFrom();

    /** Empty for a card valid without limit (长期). */
    Optional<LocalDate> validUntil();

    /** The photo in the card's own compressed (WLT) format; zeros after {@link #wipe()}. */
    byte[] photo();

    /** Overwrites the photo and fingerprint bytes this object holds. */
    void wipe();

    default boolean expiredOn(LocalDate day) {
        return validUntil().map(until -> until.isBefore(day)).orElse(false);
    }

    /** 张*三: for the screen and paper. */
    default String maskedName() {
        return Masking.name(name());
    }

    /** 110105********1234: for the screen and paper. */
    default String maskedNumber() {
        return Masking.idNumber(number());
    }
}
