package cn.egov.kiosk.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's credentials on disk: owner-only, atomic, and a damaged file said to be one. */
class CredentialsFileTest {
    private static final String SECRET_B64 = "3q2+796tvu/erb7v3q2+796tvu/erb7v3q2+796tvu8=";
    private static final Credentials CREDENTIALS = Credentials.fromBase64("DEMO-01", "k-3f9a", SECRET_B64);

    @TempDir
    Path dir;

    @Test
    void savedCredentialsLoadBackTheSame() throws IOException {
        CredentialsFile file = new CredentialsFile(dir.resolve("platform/credentials.json"));

        assertThat(file.load()).isEmpty();
        file.save(CREDENTIALS);

        assertThat(file.load()).contains(CREDENTIALS);
        Credentials loaded = file.load().orElseThrow();
        assertThat(loaded.kioskId()).isEqualTo("DEMO-01");
        assertThat(loaded.keyId()).isEqualTo("k-3f9a");
        assertThat(loaded.secret()).isEqualTo(Base64.getDecoder().decode(SECRET_B64));
    }

    @Test
    void theKeysAgeAndARotationBegunRoundTripAndAreDroppedWithTheRotationsEnd() throws IOException {
        CredentialsFile file = new CredentialsFile(dir.resolve("credentials.json"));
        Instant issued = Instant.parse("2026-11-06T08:00:00Z");
        CredentialsFile.Entry pending = new CredentialsFile.Entry(
                CREDENTIALS, Optional.of(issued), Optional.of("8d6f2c1e-5b7a-4c3d-9e2f-1a0b9c8d7e6f"));

        file.write(pending);
        assertThat(file.read()).contains(pending);

        file.write(pending.withPendingRotation(Optional.empty()));
        assertThat(file.read().orElseThrow().pendingRotation()).isEmpty();
        assertThat(Files.readString(dir.resolve("credentials.json"))).doesNotContain("pendingRotation");
        file.save(CREDENTIALS); // a file of before: no age kept
        assertThat(file.read().orElseThrow().issuedAt()).isEmpty();
    }

    @Test
    void anIssueTimeThatIsNoTimeIsADamagedFile() throws IOException {
        Path path = dir.resolve("credentials.json");
        Files.writeString(
                path,
                "{\"kioskId\": \"DEMO-01\", \"keyId\": \"k-3f9a\", \"secret\": \"" + SECRET_B64
                        + "\", \"issuedAt\": \"yesterday\"}");

        assertThatThrownBy(() -> new CredentialsFile(path).read())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("issuedAt")
                .hasMessageNotContaining(SECRET_B64);
    }

    @Test
    void theFileIsReadableAndWritableByItsOwnerOnlyAlsoAfterARotation() throws IOException {
        Path path = dir.resolve("credentials.json");
        Files.writeString(path, "{}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        CredentialsFile file = new CredentialsFile(path);

        file.save(CREDENTIALS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");

        Credentials rotated =
                Credentials.fromBase64("DEMO-01", "k-77e1", Base64.getEncoder().encodeToString(new byte[32]));
        file.save(rotated);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
        assertThat(file.load()).contains(rotated);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("credentials.json"); // no .new left behind
        }
    }

    @Test
    void aFileThatIsNotJsonIsAnIoExceptionNamingTheFileWithoutItsContent() throws IOException {
        Path path = dir.resolve("credentials.json");
        // half a file, as a disk filling up might leave it: the secret unquoted, so a parser would quote it back
        Files.writeString(
                path,
                "{\"kioskId\": \"DEMO-01\", \"keyId\": \"k-3f9a\", \"secret\": " + SECRET_B64.substring(0, 20),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CredentialsFile(path).load())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(path.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_B64.substring(0, 8)));
    }

    @Test
    void aFileWithoutItsFieldsOrWithABadSecretIsAnIoExceptionNamingTheFile() throws IOException {
        Path path = dir.resolve("credentials.json");
        CredentialsFile file = new CredentialsFile(path);
        for (String content : new String[] {
            "",
            "[]",
            "{}",
            "{\"kioskId\": \"DEMO-01\", \"keyId\": \"k-3f9a\"}",
            "{\"kioskId\": \"DEMO-01\", \"secret\": \"" + SECRET_B64 + "\"}",
            "{\"kioskId\": \"DEMO-01\", \"keyId\": \"k-3f9a\", \"secret\": \"not base64!\"}",
            "{\"kioskId\": \"DEMO-01\", \"keyId\": \"k-3f9a\", \"secret\": \"c2hvcnQ=\"}" // 5 bytes: too short to sign
            // with
        }) {
            Files.writeString(path, content);
            assertThatThrownBy(file::load)
                    .as(content)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(path.toString());
        }
    }

    @Test
    void neitherTheCredentialsNorTheFileShowTheSecret() throws IOException {
        Path path = dir.resolve("credentials.json");
        new CredentialsFile(path).save(CREDENTIALS);

        assertThat(CREDENTIALS.toString())
                .contains("DEMO-01", "k-3f9a")
                .doesNotContain(SECRET_B64)
                .doesNotContain(SECRET_B64.substring(0, 8));
        assertThat(new CredentialsFile(path).toString()).doesNotContain(SECRET_B64);
        assertThat(new CredentialsFile(path).load().orElseThrow().toString()).doesNotContain(SECRET_B64);
    }

    @Test
    void credentialsKeepACopyOfTheSecretAndRefuseAShortOne() {
        byte[] secret = new byte[32];
        Credentials c = new Credentials("DEMO-01", "k-1", secret);
        secret[0] = 9;
        byte[] given = c.secret();
        given[1] = 9;

        assertThat(c.secret()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> new Credentials("DEMO-01", "k-1", new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
