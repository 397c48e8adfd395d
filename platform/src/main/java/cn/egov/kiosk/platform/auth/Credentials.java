package cn.egov.kiosk.platform.auth;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A kiosk's credentials from its registration: the key id and the HMAC secret. {@link #toString}
 * never shows the secret.
 */
public final class Credentials {
    private final String kioskId;
    private final String keyId;
    private final byte[] secret;

    public Credentials(String kioskId, String keyId, byte[] secret) {
        this.kioskId = Objects.requireNonNull(kioskId, "kioskId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (secret.length < 16) {
            throw new IllegalArgumentException("a signing secret has at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    public static Credentials fromBase64(String kioskId, String keyId, String secretBase64) {
        return new Credentials(kioskId, keyId, Base64.getDecoder().decode(secretBase64));
    }

    public String kioskId() {
        return kioskId;
    }

    public String keyId() {
        return keyId;
    }

    /** A copy of the secret. */
    public byte[] secret() {
        return secret.clone();
    }

    String secretBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c
                && c.kioskId.equals(kioskId)
                && c.keyId.equals(keyId)
                && Arrays.equals(c.secret, secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kioskId, keyId);
    }

    @Override
    public String toString() {
        return "Credentials[kioskId=" + kioskId + ", keyId=" + keyId + "]";
    }
}
