package cn.egov.kiosk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption of personal data at rest: AES-256-GCM with the installation's key, which lives in a
 * file of its own outside the database, readable only by the kiosk's user (made at the first
 * start). A sealed value is {@code 0x01 | 12-byte nonce | ciphertext and tag}; the context (the
 * record's key) is authenticated with it, so a sealed body moved to another row does not open.
 */
public final class SealedBox {
    private static final Logger log = LoggerFactory.getLogger(SealedBox.class);
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final String HEADER = "egov-kiosk store key v1";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SealedBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The box of the key in {@code keyFile}, made (owner-only) if the file does not exist. */
    public static SealedBox open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                write(keyFile, k);
                log.info("Made the installation's store key {}", keyFile);
                return new SealedBox(k);
            }
            if (posix()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
                if (!OWNER_ONLY.containsAll(perms)) {
                    log.warn(
                            "The store key {} was readable by others ({}); made owner-only",
                            keyFile,
                            PosixFilePermissions.toString(perms));
                    Files.setPosixFilePermissions(keyFile, OWNER_ONLY);
                }
            }
            List<String> lines = Files.readAllLines(keyFile, StandardCharsets.US_ASCII);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER)) {
                throw new StoreException(
                        "the store key " + keyFile + " is not a key file (damaged or replaced?)", null);
            }
            byte[] k = Base64.getDecoder().decode(lines.get(1).strip());
            if (k.length != 32) {
                throw new StoreException("the store key " + keyFile + " does not hold a 256-bit key", null);
            }
            return new SealedBox(k);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("cannot use the store key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void write(Path file, byte[] k) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, HEADER + "\n" + Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain);
            byte[] out = new byte[1 + NONCE + ct.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(ct, 0, out, 1 + NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plain bytes; a value sealed with another key or context, or damaged, is a StoreException. */
    public byte[] unseal(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new StoreException("a sealed value is damaged (" + context + ")", null);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new StoreException("a sealed value does not open with this installation's key (" + context + ")", e);
        }
    }
}
