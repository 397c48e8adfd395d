package cn.egov.kiosk.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature: HMAC-SHA256 with the kiosk's secret over
 * {@code METHOD\nTARGET\nTIMESTAMP\nNONCE\nBODY-SHA256-HEX}, where TARGET is the path and query as
 * sent on the wire.
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

  /** The string that is signed. */
  public static String canonical(String method, String target, long timestampMillis, String nonce, String bodySha256Hex) {
    return method.toUpperCase(java.util.Locale.ROOT) + "\n" + target + "\n" + timestampMillis + "\n" + nonce + "\n" + bodySha256Hex;
  }

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
