package cn.egov.kiosk.device.smartcard.vpcd;

import cn.egov.kiosk.device.smartcard.SmartCardType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A social security card (社会保障卡) as a {@link VirtualVpcdCard} answers for it, with made-up
 * holder data: SELECT by name of the social security system environment (SSSE), READ RECORD of
 * EF05 (SFI 5) and EF06 (SFI 6) with {@code P2 = SFI << 3 | 4}, and GET RESPONSE. Records come back
 * as tag (the record number), length and value, text padded with {@code 00}, dates in BCD, the name
 * in GBK. See {@code docs/SMARTCARD.md} for what the real cards are known to do.
 *
 * <p>It behaves as a T=0 card does: SELECT answers {@code 61 xx} and the FCI comes with GET
 * RESPONSE; READ RECORD with a wrong {@code Le} (also {@code 00}) answers {@code 6C xx} with the
 * right one. How it treats the holder's data (EF06) without a PSAM is {@link HolderAccess}: third
 * generation cards keep it for authenticated terminals.
 */
public final class VirtualSocialSecurityCard implements ApduResponder {
    private static final Charset GBK = Charset.forName("GBK");
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter BCD_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** The ATR: direct convention, T=0, historical bytes "VIRTUAL-SSC". */
    public static final byte[] ATR = buildAtr();

    /** How the card answers READ RECORD of EF06 (the holder's data) for a terminal without a PSAM. */
    public enum HolderAccess {
        /** Answers with the data (first and second generation cards). */
        OPEN,
        /** Answers every EF06 record with 9000 and a blank value (third generation, as reported). */
        EMPTY,
        /** Answers {@code 6982}, security status not satisfied. */
        SECURITY_STATUS_NOT_SATISFIED,
        /** Answers {@code 6A82}, file not found. */
        FILE_NOT_FOUND
    }

    /**
     * The data on the card.
     *
     * @param cardIdentificationCode 16 characters
     * @param institution 24 hex digits (12 bytes)
     * @param sexCode GB/T 2261.1: 1 male, 2 female
     * @param ethnicityCode GB 3304, two digits
     * @param birthPlace six digits (administrative division)
     */
    public record Profile(
            String cardIdentificationCode,
            String cardType,
            String specVersion,
            String institution,
            LocalDate issueDate,
            LocalDate expiryDate,
            String cardNumber,
            String socialSecurityNumber,
            String name,
            String sexCode,
            String ethnicityCode,
            String birthPlace,
            LocalDate birthDate) {

        public Profile {
            Objects.requireNonNull(cardIdentificationCode, "cardIdentificationCode");
            Objects.requireNonNull(cardType, "cardType");
            Objects.requireNonNull(specVersion, "specVersion");
            Objects.requireNonNull(institution, "institution");
            Objects.requireNonNull(issueDate, "issueDate");
            Objects.requireNonNull(expiryDate, "expiryDate");
            Objects.requireNonNull(cardNumber, "cardNumber");
            Objects.requireNonNull(socialSecurityNumber, "socialSecurityNumber");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sexCode, "sexCode");
            Objects.requireNonNull(ethnicityCode, "ethnicityCode");
            Objects.requireNonNull(birthPlace, "birthPlace");
            Objects.requireNonNull(birthDate, "birthDate");
        }

        /** A made-up holder on a second-generation card (specification 2.00). */
        public static Profile secondGeneration() {
            return new Profile(
                    "110100D156000005",
                    "1",
                    "2.00",
                    "110100000000000000000001",
                    LocalDate.of(2016, 5, 20),
                    LocalDate.of(2026, 5, 20),
                    "A12345678",
                    "11010519491231002X",
                    "李小红",
                    "2",
                    "01",
                    "110105",
                    LocalDate.of(1949, 12, 31));
        }

        /** The same holder on a third-generation card (specification 3.00). */
        public static Profile thirdGeneration() {
            Profile p = secondGeneration();
            return new Profile(
                    "110100D156000005",
                    "3",
                    "3.00",
                    p.institution(),
                    LocalDate.of(2022, 8, 1),
                    LocalDate.of(2032, 8, 1),
                    "B87654321",
                    p.socialSecurityNumber(),
                    p.name(),
                    p.sexCode(),
                    p.ethnicityCode(),
                    p.birthPlace(),
                    p.birthDate());
        }
    }

    private final Profile profile;
    private final HolderAccess holderAccess;
    private boolean selected;
    private byte[] pending;

    public VirtualSocialSecurityCard(Profile profile, HolderAccess holderAccess) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.holderAccess = Objects.requireNonNull(holderAccess, "holderAccess");
    }

    /** A second-generation card that gives the holder's data to any terminal. */
    public static VirtualSocialSecurityCard secondGeneration() {
        return new VirtualSocialSecurityCard(Profile.secondGeneration(), HolderAccess.OPEN);
    }

    /** A third-generation card whose holder data needs a PSAM ({@code access}: how it says so). */
    public static VirtualSocialSecurityCard thirdGeneration(HolderAccess access) {
        return new VirtualSocialSecurityCard(Profile.thirdGeneration(), access);
    }

    public Profile profile() {
        return profile;
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public void reset() {
        selected = false;
        pending = null;
    }

    @Override
    public byte[] respond(byte[] c) {
        if (c.length < 4) {
            return sw(0x6700);
        }
        if (c[0] != 0x00) {
            return sw(0x6E00);
        }
        int ins = c[1] & 0xFF;
        if (ins != 0xC0) {
            pending = null; // GET RESPONSE must follow at once
        }
        return switch (ins) {
            case 0xA4 -> select(c);
            case 0xC0 -> getResponse(c);
            case 0xB2 -> readRecord(c);
            default -> sw(0x6D00);
        };
    }

    private byte[] select(byte[] c) {
        if ((c[2] & 0xFF) != 0x04 || c.length < 5) {
            return sw(0x6A82); // only selection by name is modelled
        }
        int lc = c[4] & 0xFF;
        if (c.length < 5 + lc) {
            return sw(0x6700);
        }
        byte[] name = Arrays.copyOfRange(c, 5, 5 + lc);
        if (!Arrays.equals(name, SmartCardType.SSSE_NAME)) {
            selected = false;
            return sw(0x6A82);
        }
        selected = true;
        // FCI: 6F { 84 DF name }
        ByteArrayOutputStream fci = new ByteArrayOutputStream();
        fci.write(0x6F);
        fci.write(name.length + 2);
        fci.write(0x84);
        fci.write(name.length);
        fci.writeBytes(name);
        pending = fci.toByteArray();
        return sw(0x6100 | pending.length);
    }

    private byte[] getResponse(byte[] c) {
        byte[] data = pending;
        if (data == null) {
            return sw(0x6985);
        }
        int le = c.length >= 5 ? (c[4] & 0xFF) : 0;
        if (le != data.length) {
            return sw(0x6C00 | data.length);
        }
        pending = null;
        return withSw(data, 0x9000);
    }

    private byte[] readRecord(byte[] c) {
        if (!selected) {
            return sw(0x6A82);
        }
        int record = c[2] & 0xFF;
        int p2 = c[3] & 0xFF;
        if ((p2 & 0x07) != 0x04) {
            return sw(0x6A86);
        }
        int sfi = p2 >> 3;
        byte[] value = value(sfi, record);
        if (value == null) {
            return sw(sfi == 5 || sfi == 6 ? 0x6A83 : 0x6A82);
        }
        if (sfi == 6) {
            switch (holderAccess) {
                case SECURITY_STATUS_NOT_SATISFIED:
                    return sw(0x6982);
                case FILE_NOT_FOUND:
                    return sw(0x6A82);
                case EMPTY:
                    value = new byte[value.length];
                    break;
                case OPEN:
                default:
                    break;
            }
        }
        byte[] tlv = new byte[value.length + 2];
        tlv[0] = (byte) record;
        tlv[1] = (byte) value.length;
        System.arraycopy(value, 0, tlv, 2, value.length);
        int le = c.length == 5 ? (c[4] & 0xFF) : -1;
        if (le >= 0 && le != tlv.length) {
            return sw(0x6C00 | tlv.length);
        }
        return withSw(tlv, 0x9000);
    }

    private byte[] value(int sfi, int record) {
        Profile p = profile;
        if (sfi == 5) {
            return switch (record) {
                case 0x01 -> an(p.cardIdentificationCode(), 16);
                case 0x02 -> an(p.cardType(), 1);
                case 0x03 -> an(p.specVersion(), 4);
                case 0x04 -> HEX.parseHex(p.institution());
                case 0x05 -> bcd(p.issueDate());
                case 0x06 -> bcd(p.expiryDate());
                case 0x07 -> an(p.cardNumber(), 9);
                default -> null;
            };
        }
        if (sfi == 6) {
            return switch (record) {
                case 0x08 -> an(p.socialSecurityNumber(), 18);
                case 0x09 -> padded(p.name().getBytes(GBK), 30);
                case 0x0A -> an(p.sexCode(), 1);
                case 0x0B -> HEX.parseHex(p.ethnicityCode());
                case 0x0C -> HEX.parseHex(p.birthPlace());
                case 0x0D -> bcd(p.birthDate());
                default -> null;
            };
        }
        return null;
    }

    private static byte[] an(String text, int length) {
        return padded(text.getBytes(StandardCharsets.US_ASCII), length);
    }

    private static byte[] padded(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    private static byte[] bcd(LocalDate date) {
        return HEX.parseHex(BCD_DATE.format(date));
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    private static byte[] withSw(byte[] data, int sw) {
        byte[] r = Arrays.copyOf(data, data.length + 2);
        r[data.length] = (byte) (sw >> 8);
        r[data.length + 1] = (byte) sw;
        return r;
    }

    private static byte[] buildAtr() {
        byte[] historical = "VIRTUAL-SSC".getBytes(StandardCharsets.US_ASCII);
        byte[] atr = new byte[4 + historical.length];
        atr[0] = 0x3B; // direct convention
        atr[1] = (byte) (0x60 | historical.length); // TB1 and TC1 follow, then the historical bytes
        atr[2] = 0x00; // TB1: no programming voltage
        atr[3] = 0x00; // TC1: no extra guard time
        System.arraycopy(historical, 0, atr, 4, historical.length);
        return atr;
    }
}
