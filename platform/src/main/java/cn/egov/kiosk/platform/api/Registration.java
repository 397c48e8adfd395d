package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;

/** Registering a kiosk with a one-time code, and rotating its key. */
public final class Registration {
    private Registration() {}

    /** {@code POST /v1/kiosks/registrations} (unsigned). */
    public record Request(
            String registrationCode, String serialNumber, String hallId, String model, String appVersion) {}

    /** The kiosk's credentials; {@code secret} is the base64 of the HMAC key. */
    public record Issued(
            String kioskId,
            String keyId,
            String secret,
            String queuePrefix,
            String hallId,
            String hallName,
            OffsetDateTime issuedAt) {
        @Override
        public String toString() { // the secret never reaches a log
            return "Issued[kioskId=" + kioskId + ", keyId=" + keyId + ", queuePrefix=" + queuePrefix + ", hallId="
                    + hallId + "]";
        }
    }

    /** {@code POST /v1/kiosks/credentials/rotate}. */
    public record Rotated(String keyId, String secret, OffsetDateTime issuedAt, OffsetDateTime previousKeyValidUntil) {
        @Override
        public String toString() {
            return "Rotated[keyId=" + keyId + ", previousKeyValidUntil=" + previousKeyValidUntil + "]";
        }
    }
}
