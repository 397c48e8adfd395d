package cn.egov.kiosk.admin;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PINs as salted slow hashes: PBKDF2 with HMAC-SHA256 (the JDK's {@code PBKDF2WithHmacSHA256}), a
 * fresh 16-byte random salt per PIN, a 32-byte result, written as one text that carries its own
 * iteration count, {@code pbkdf2-sha256$600000$SALT$HASH} (salt and hash in Base64 without padding).
 * A stored hash is checked with the iterations it was made with, so the count can be raised later
 * ({@link #outdated}) and old hashes still work. The comparison takes the same time wherever the
 * bytes differ. The PIN itself is never kept: the caller's array is read, and the copy PBKDF2 makes
 * is cleared.
 *
 * <p>{@link #DEFAULT_ITERATIONS}: 600,000, about 140 ms a check on this project's 2-core build
 * machine (AMD EPYC, JDK 17, measured warm; the first check of a JVM about 250 ms). A check is
 * blocking work: never on the JavaFX thread.
 */
public final class PinHasher {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Below this a hash is refused as made by something else (or tampered with). */
    public static final int MIN_ITERATIONS = 1_000;

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    /** A stored hash taken apart. */
    record Parsed(int iterations, byte[] salt, byte[] hash) {}

    private final int iterations;
    private final SecureRandom random;

    /** The kiosk's hasher: {@link #DEFAULT_ITERATIONS}. */
    public PinHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A hasher making hashes of {@code iterations} (tests use fewer, to be quick). */
    public PinHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    PinHasher(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations");
        }
        this.iterations = iterations;
        this.random = random;
    }

    public int iterations() {
        return iterations;
    }

    /** The stored form of {@code pin}, with a fresh salt. Leaves {@code pin} as it is (the caller clears it). */
    public String hash(char[] pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(pin, salt, iterations);
        try {
            return SCHEME + "$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
    }

    /**
     * Whether {@code pin} is the one {@code stored} was made from. A stored text that is not a hash of
     * this scheme (another scheme, a bad salt or hash length, too few iterations, not Base64) never
     * matches. Takes as long as one hash, whatever the answer.
     */
    public boolean matches(char[] pin, String stored) {
        Optional<Parsed> parsed = parse(stored);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] candidate = derive(pin, p.salt(), p.iterations());
        try {
            return MessageDigest.isEqual(candidate, p.hash());
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    /** Whether {@code stored} was made with fewer iterations than this hasher makes (make it again at the next right PIN). */
    public boolean outdated(String stored) {
        return parse(stored).map(p -> p.iterations() < iterations).orElse(true);
    }

    /** The iteration count a stored hash was made with, if it is one of this scheme. */
    public static Optional<Integer> iterationsOf(String stored) {
        return parse(stored).map(Parsed::iterations);
    }

    static Optional<Parsed> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return Optional.empty();
        }
        try {
            if (!parts[1].matches("[0-9]{1,10}")) {
                return Optional.empty();
            }
            long n = Long.parseLong(parts[1]);
            byte[] salt = B64_IN.decode(parts[2]);
            byte[] hash = B64_IN.decode(parts[3]);
            if (n < MIN_ITERATIONS || n > Integer.MAX_VALUE || salt.length != SALT_BYTES || hash.length != HASH_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Parsed((int) n, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword(); // PBEKeySpec keeps a copy of the PIN
        }
    }
}
