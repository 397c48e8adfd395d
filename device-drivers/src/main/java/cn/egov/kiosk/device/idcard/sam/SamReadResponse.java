package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.IdCard;
import java.util.Arrays;
import java.util.Objects;

/**
 * The data of a read response (after SW1..SW3), split into its blocks. {@code 30 01} (text and
 * photo): text length, photo length (two bytes each, high byte first), the text, the photo. {@code
 * 30 10} (with fingerprint): text, photo and fingerprint lengths, then the three blocks. The two
 * are told apart by the length of the data, which must match the declared lengths exactly.
 *
 * <p>Personal data: {@link #toString()} shows only lengths, {@link #wipe()} overwrites the bytes.
 */
public final class SamReadResponse {
    private static final int MAX_BLOCK = 0xFFFF;

    private final byte[] text;
    private final byte[] photo;
    private final byte[] fingerprint;
    private final boolean withFingerprint;

    private SamReadResponse(byte[] text, byte[] photo, byte[] fingerprint, boolean withFingerprint) {
        this.text = text;
        this.photo = photo;
        this.fingerprint = fingerprint;
        this.withFingerprint = withFingerprint;
    }

    /**
     * Splits the data of a {@code 30 01} or {@code 30 10} response.
     *
     * @throws IdCardTextException (field {@code lengths}, problem {@code bad lengths}) when the data
     *     is neither layout with lengths that add up
     */
    public static SamReadResponse parse(byte[] dataAfterSw) throws IdCardTextException {
        Objects.requireNonNull(dataAfterSw, "dataAfterSw");
        byte[] d = dataAfterSw;
        if (d.length >= 4) {
            int textLength = u16(d, 0);
            int photoLength = u16(d, 2);
            if (d.length == 4 + textLength + photoLength) {
                return new SamReadResponse(
                        Arrays.copyOfRange(d, 4, 4 + textLength),
                        Arrays.copyOfRange(d, 4 + textLength, d.length),
                        new byte[0],
                        false);
            }
            if (d.length >= 6) {
                int fingerprintLength = u16(d, 4);
                if (d.length == 6 + textLength + photoLength + fingerprintLength) {
                    int photoAt = 6 + textLength;
                    int fingerprintAt = photoAt + photoLength;
                    return new SamReadResponse(
                            Arrays.copyOfRange(d, 6, photoAt),
                            Arrays.copyOfRange(d, photoAt, fingerprintAt),
                            Arrays.copyOfRange(d, fingerprintAt, d.length),
                            true);
                }
            }
        }
        throw new IdCardTextException("lengths", "bad lengths");
    }

    /**
     * The data of a read response: the {@code 30 01} layout when {@code fingerprint} is null, the
     * {@code 30 10} layout otherwise (an empty fingerprint gives a zero length).
     *
     * @throws IllegalArgumentException for a block longer than 65535 bytes
     */
    public static byte[] build(byte[] text, byte[] photo, byte[] fingerprint) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(photo, "photo");
        check("text", text);
        check("photo", photo);
        if (fingerprint != null) {
            check("fingerprint", fingerprint);
        }
        int lengths = fingerprint == null ? 4 : 6;
        byte[] out = new byte[lengths + text.length + photo.length + (fingerprint == null ? 0 : fingerprint.length)];
        put16(out, 0, text.length);
        put16(out, 2, photo.length);
        if (fingerprint != null) {
            put16(out, 4, fingerprint.length);
        }
        System.arraycopy(text, 0, out, lengths, text.length);
        System.arraycopy(photo, 0, out, lengths + text.length, photo.length);
        if (fingerprint != null) {
            System.arraycopy(fingerprint, 0, out, lengths + text.length + photo.length, fingerprint.length);
        }
        return out;
    }

    /** The text block (256 bytes from a well-behaved reader). */
    public byte[] text() {
        return text.clone();
    }

    /** The photo, in the card's WLT format. */
    public byte[] photo() {
        return photo.clone();
    }

    /** The fingerprint data; empty for the {@code 30 01} layout. */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** Whether the response had the {@code 30 10} layout (a fingerprint length, maybe zero). */
    public boolean withFingerprint() {
        return withFingerprint;
    }

    /** The card these blocks describe. */
    public IdCard decode() throws IdCardTextException {
        return IdCardText.decode(text, photo, fingerprint);
    }

    /** Overwrites the bytes held. */
    public void wipe() {
        Arrays.fill(text, (byte) 0);
        Arrays.fill(photo, (byte) 0);
        Arrays.fill(fingerprint, (byte) 0);
    }

    @Override
    public String toString() {
        return "SamReadResponse[text "
                + text.length
                + ", photo "
                + photo.length
                + (withFingerprint ? ", fingerprint " + fingerprint.length : "")
                + " bytes]";
    }

    private static void check(String name, byte[] block) {
        if (block.length > MAX_BLOCK) {
            throw new IllegalArgumentException(name + ": " + block.length + " bytes, more than a length field holds");
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }
}
