package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation's store key and AES-GCM sealing of personal data at rest. */
class SealedBoxTest {
    private static final byte[] PLAIN =
            "{\"idNumber\":\"11010519491231002X\",\"name\":\"王小明\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsMadeOwnerOnlyAndReopeningReadsTheSameKey() throws Exception {
        Path key = dir.resolve("keys/store.key");

        SealedBox box = SealedBox.open(key);
        byte[] sealed = box.seal(PLAIN, "k1");

        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(key, StandardCharsets.US_ASCII);
        assertThat(lines.get(0)).isEqualTo("egov-kiosk store key v1");
        assertThat(Base64.getDecoder().decode(lines.get(1))).hasSize(32);
        assertThat(dir.resolve("keys/store.key.new")).doesNotExist();

        SealedBox again = SealedBox.open(key);
        assertThat(again.unseal(sealed, "k1")).isEqualTo(PLAIN);
        assertThat(Files.readAllLines(key, StandardCharsets.US_ASCII))
                .as("not rewritten")
                .isEqualTo(lines);
    }

    @Test
    void eachInstallationHasItsOwnKey() {
        SealedBox one = SealedBox.open(dir.resolve("one.key"));
        SealedBox two = SealedBox.open(dir.resolve("two.key"));

        byte[] sealed = one.seal(PLAIN, "k1");

        assertThatThrownBy(() -> two.unseal(sealed, "k1"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentBytesWithoutThePlainText() {
        SealedBox box = SealedBox.open(dir.resolve("store.key"));

        byte[] a = box.seal(PLAIN, "k1");
        byte[] b = box.seal(PLAIN, "k1");

        assertThat(a).isNotEqualTo(b); // a fresh nonce each time
        assertThat(a).hasSize(1 + 12 + PLAIN.length + 16);
        assertThat(a[0]).isEqualTo((byte) 1);
        assertThat(OutboxRepositoryTest.contains(a, "11010519491231002X".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(box.unseal(a, "k1")).isEqualTo(PLAIN);
        assertThat(box.unseal(b, "k1")).isEqualTo(PLAIN);
        assertThat(box.unseal(box.seal(new byte[0], "k2"), "k2")).isEmpty();
    }

    @Test
    void aValueSealedUnderOneKeyDoesNotOpenUnderAnother() {
        SealedBox box = SealedBox.open(dir.resolve("store.key"));
        byte[] sealed = box.seal(PLAIN, "6f1c-application-1");

        assertThatThrownBy(() -> box.unseal(sealed, "9a0b-application-2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("9a0b-application-2");
    }

    @Test
    void aDamagedValueDoesNotOpen() {
        SealedBox box = SealedBox.open(dir.resolve("store.key"));
        byte[] sealed = box.seal(PLAIN, "k1");

        byte[] flipped = sealed.clone();
        flipped[20] ^= 1;
        assertThatThrownBy(() -> box.unseal(flipped, "k1")).isInstanceOf(StoreException.class);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> box.unseal(otherVersion, "k1"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> box.unseal(new byte[10], "k1"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> box.unseal(PLAIN, "k1"))
                .as("a body that was never sealed")
                .isInstanceOf(StoreException.class);
    }

    @Test
    void aDamagedKeyFileIsAStoreExceptionNamingTheFile() throws Exception {
        Path notAKey = dir.resolve("text.key");
        Files.writeString(notAKey, "hello\nworld\n");
        Path badBase64 = dir.resolve("b64.key");
        Files.writeString(badBase64, "egov-kiosk store key v1\n***not base64***\n");
        Path shortKey = dir.resolve("short.key");
        Files.writeString(
                shortKey, "egov-kiosk store key v1\n" + Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        Path truncated = dir.resolve("truncated.key");
        Files.writeString(truncated, "egov-kiosk store key v1\n");
        Path empty = dir.resolve("empty.key");
        Files.write(empty, new byte[0]);

        for (Path p : List.of(notAKey, badBase64, shortKey, truncated, empty)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            assertThatThrownBy(() -> SealedBox.open(p))
                    .as(p.toString())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(p.toString());
        }
        // a damaged key is never replaced by a new one: what it sealed would be lost for good
        assertThat(Files.readString(notAKey)).isEqualTo("hello\nworld\n");
    }

    @Test
    void aKeyFileOthersCanReadIsMadeOwnerOnly() throws Exception {
        Path key = dir.resolve("store.key");
        byte[] sealed = SealedBox.open(key).seal(PLAIN, "k1");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

        SealedBox box = SealedBox.open(key);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(box.unseal(sealed, "k1")).isEqualTo(PLAIN);

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));
        SealedBox.open(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }

    @Test
    void anOwnerReadOnlyKeyFileIsLeftAsItIs() throws Exception {
        Path key = dir.resolve("store.key");
        byte[] sealed = SealedBox.open(key).seal(PLAIN, "k1");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));

        assertThat(SealedBox.open(key).unseal(sealed, "k1")).isEqualTo(PLAIN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("r--------");
    }
}
