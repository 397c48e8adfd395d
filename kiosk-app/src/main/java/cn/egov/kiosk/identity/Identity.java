package cn.egov.kiosk.identity;

import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.Sex;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard;
import cn.egov.kiosk.session.Session;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The citizen's identity, as read from their card: held by the session only ({@link #SESSION_KEY}),
 * shown masked, used to prefill later steps, wiped when the session ends. {@code toString()} is
 * masked; the full values are for forms and the platform, never for logs.
 *
 * <p>The card object is not kept: its photo is copied here (and the card's bytes wiped), so that
 * {@link #wipe()} clears the one copy there is.
 */
public final class Identity implements Session.Wipeable {
    /** Where the session keeps it. */
    public static final Session.Key<Identity> SESSION_KEY = new Session.Key<>("identity", Identity.class);

    /** The document the citizen identified with. */
    public enum Document {
        RESIDENT_ID_CARD,
        FOREIGN_PERMANENT_RESIDENT_CARD,
        RESIDENCE_PERMIT,
        SOCIAL_SECURITY_CARD
    }

    private final Document document;
    private final String name;
    private final String number;
    private final Optional<LocalDate> birthDate;
    private final Optional<Sex> sex;
    private final Optional<String> address;
    private final byte[] photo;
    private final Login login;
    private final Optional<String> phone;

    private Identity(
            Document document,
            String name,
            String number,
            Optional<LocalDate> birthDate,
            Optional<Sex> sex,
            Optional<String> address,
            byte[] photo) {
        this(document, name, number, birthDate, sex, address, photo, Login.CARD, Optional.empty());
    }

    private Identity(
            Document document,
            String name,
            String number,
            Optional<LocalDate> birthDate,
            Optional<Sex> sex,
            Optional<String> address,
            byte[] photo,
            Login login,
            Optional<String> phone) {
        this.login = login;
        this.phone = phone;
        this.document = Objects.requireNonNull(document, "document");
        this.name = Objects.requireNonNull(name, "name");
        this.number = Objects.requireNonNull(number, "number");
        this.birthDate = birthDate;
        this.sex = sex;
        this.address = address;
        this.photo = photo;
    }

    /** From an ID card (of any of the three kinds); the card's own photo bytes are wiped. */
    public static Identity of(IdCard card) {
        Document document = switch (card.type()) {
            case RESIDENT -> Document.RESIDENT_ID_CARD;
            case FOREIGN_PERMANENT_RESIDENT, FOREIGN_PERMANENT_RESIDENT_2023 ->
                Document.FOREIGN_PERMANENT_RESIDENT_CARD;
            case HK_MACAO_TAIWAN_RESIDENT -> Document.RESIDENCE_PERMIT;
        };
        Optional<String> address = card instanceof ResidentIdCard r
                ? Optional.of(r.currentAddress())
                : card instanceof ResidencePermit p ? Optional.of(p.address()) : Optional.empty();
        Identity identity = new Identity(
                document,
                card.name(),
                card.number(),
                Optional.of(card.birthDate()),
                Optional.of(card.sex()),
                address,
                card.photo());
        card.wipe(); // photo() gave a copy, which this identity now owns and wipes
        return identity;
    }

    /**
     * From a social security card that gave its holder's name and social security number (the
     * citizen ID number); empty when it did not (third-generation cards keep them for a PSAM).
     */
    public static Optional<Identity> of(SocialSecurityCard card) {
        if (!card.identifiesHolder()) {
            return Optional.empty();
        }
        return Optional.of(new Identity(
                Document.SOCIAL_SECURITY_CARD,
                card.name().orElseThrow(),
                card.socialSecurityNumber().orElseThrow(),
                card.birthDate(),
                card.sex(),
                Optional.empty(),
                new byte[0]));
    }

    /** How the citizen identified: with a card, or with the province app's code. */
    public enum Login {
        /** An ID card or, where allowed, a social security card, read by the kiosk. */
        CARD,
        /** 扫码登录: the province's service app's code, resolved by the platform. */
        PROVINCE_APP
    }

    /**
     * From the platform's answer to a province app's login code: the same as a card would give but
     * the photo, with the mobile number the app has verified when there is one.
     */
    public static Identity ofProvinceApp(
            Document document,
            String name,
            String number,
            Optional<LocalDate> birthDate,
            Optional<Sex> sex,
            Optional<String> address,
            Optional<String> phone) {
        if (document == Document.SOCIAL_SECURITY_CARD) {
            throw new IllegalArgumentException("the app identifies by an identity document");
        }
        return new Identity(document, name, number, birthDate, sex, address, new byte[0], Login.PROVINCE_APP, phone);
    }

    public Login login() {
        return login;
    }

    /** The mobile number the province app verified, to prefill a form; empty after a card. */
    public Optional<String> phone() {
        return phone;
    }

    public Document document() {
        return document;
    }

    /** 张*三. */
    public String maskedName() {
        return Masking.name(name);
    }

    /** 110105********1234. */
    public String maskedNumber() {
        return Masking.idNumber(number);
    }

    /** The full name, to prefill a form. */
    public String name() {
        return name;
    }

    /** The full number, to prefill a form. */
    public String number() {
        return number;
    }

    public Optional<LocalDate> birthDate() {
        return birthDate;
    }

    /** The sex on the card, to prefill a form; empty when the card did not give it. */
    public Optional<Sex> sex() {
        return sex;
    }

    /** The address on the card (the appended one where there is one), to prefill a form. */
    public Optional<String> address() {
        return address;
    }

    /** The card's photo bytes (WLT, as read), empty for a card without one; the session's only copy. */
    public byte[] photo() {
        return photo;
    }

    /** Overwrites the photo; the strings go with the object when the session drops it. */
    @Override
    public void wipe() {
        Arrays.fill(photo, (byte) 0);
    }

    @Override
    public String toString() {
        return "Identity[" + document + (login == Login.PROVINCE_APP ? " by app " : " ") + maskedName() + " "
                + maskedNumber() + "]";
    }
}
