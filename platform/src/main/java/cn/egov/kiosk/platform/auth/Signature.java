package cn.egov.kiosk.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature: HMAC-SHA256 with the kiosk's secret over the eight lines of {@link
 * Signed#canonical()}: method, host, target, timestamp, nonce, kiosk id, idempotency key and body
 * digest. Whatever a gateway or an attacker could change and the platform acts on is signed: the
 * host (a request for one platform is not valid at another), the kiosk it claims to come from, and
 * the idempotency key (a signed create cannot be replayed under a fresh key to make a second one).
 */
public final class Signature {
    public static final String KIOSK_ID = "X-Kiosk-Id";
    public static final String TIMESTAMP = "X-Kiosk-Timestamp";
    public static final String NONCE = "X-Kiosk-Nonce";
    public static final String CONTENT_SHA256 = "X-Content-SHA256";
    public static final String AUTHORIZATION = "Authorization";
    public static final String SCHEME = "KIOSK-HMAC-SHA256";

    /** How far a request's timestamp may be from the server's clock, and how long nonces are kept. */
    public static final long WINDOW_MILLIS = 300_000;

    private static final Pattern HEADER =
            Pattern.compile(SCHEME + " keyId=\"([^\"]{1,64})\", signature=\"([A-Za-z0-9+/=]{1,128})\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Signature() {}

    /**
     * What a signature covers.
     *
     * @param method the HTTP method
     * @param host the {@code Host} header as sent: host name (IPv6 in brackets) and {@code :port}
     *     unless it is the scheme's default
     * @param target the path and query as sent on the wire (percent-encoded, no {@code ?} without a
     *     query)
     * @param timestampMillis {@link #TIMESTAMP}
     * @param nonce {@link #NONCE}
     * @param kioskId {@link #KIOSK_ID}
     * @param idempotencyKey the {@code Idempotency-Key} header, or null when the request has none
     * @param bodySha256Hex {@link #CONTENT_SHA256}
     */
    public record Signed(
            String method,
            String host,
            String target,
            long timestampMillis,
            String nonce,
            String kioskId,
            String idempotencyKey,
            String bodySha256Hex) {

        /**
         * The string that is signed: the eight fields on lines of their own, the method in upper
         * case, the host in lower case, an absent idempotency key as an empty line.
         */
        public String canonical() {
            return String.join(
                    "\n",
                    method.toUpperCase(Locale.ROOT),
                    host.toLowerCase(Locale.ROOT),
                    target,
                    Long.toString(timestampMillis),
                    nonce,
                    kioskId,
                    idempotencyKey == null ? "" : idempotencyKey,
                    bodySha256Hex);
        }
    }

    /** The name of the idempotency key header, which the signature covers. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Base64 of HMAC-SHA256(secret, canonical). */
    public static String sign(byte[] secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares a presented signature with the expected one in constant time. */
    public static boolean matches(byte[] secret, String canonical, String presented) {
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** 16 random bytes as 32 lowercase hex digits. */
    public static String newNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    public static String authorization(String keyId, String signature) {
        return SCHEME + " keyId=\"" + keyId + "\", signature=\"" + signature + "\"";
    }

    /** The key id and signature of an Authorization header, if it is one of ours. */
    public record Presented(String keyId, String signature) {}

    public static Optional<Presented> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(authorization.strip());
        return m.matches() ? Optional.of(new Presented(m.group(1), m.group(2))) : Optional.empty();
    }

    public static boolean isNonce(String nonce) {
        return nonce != null && nonce.matches("[0-9a-f]{32}");
    }
}
