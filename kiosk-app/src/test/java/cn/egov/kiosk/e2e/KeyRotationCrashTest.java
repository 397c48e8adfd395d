package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.CredentialsFile;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key rotation killed between the platform's answer and the file write loses nothing: a kiosk
 * process asks for a new key, the platform makes it and holds its answer back; the process is
 * killed with SIGKILL while it waits; started again, it finishes the rotation with the same
 * idempotency key (signing with the old key, still valid) and gets the key the platform made, not a
 * second one.
 */
class KeyRotationCrashTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aRotationKilledAfterThePlatformsAnswerIsFinishedAfterTheRestartWithTheSameKey() throws Exception {
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0))) {
            Credentials old = new Credentials(
                    "KSK-ROT-01", "k-rot-old", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            sim.provision(old, "Z7");
            Path credentials = dir.resolve("platform-credentials.json");
            CredentialsFile file = new CredentialsFile(credentials);
            // a key issued 31 days ago: due (rotateDays 30)
            file.write(new CredentialsFile.Entry(
                    old, Optional.of(Instant.now().minus(Duration.ofDays(31))), Optional.empty()));
            sim.faults().answerLate(1, Duration.ofSeconds(60)); // the rotation is done at once, its answer held back

            Process first = worker(sim, credentials);
            try {
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (sim.keyIds(old.kioskId()).size() < 2 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertThat(sim.keyIds(old.kioskId()))
                        .as("the platform made the new key")
                        .hasSize(2);
                CredentialsFile.Entry before = file.read().orElseThrow();
                assertThat(before.pendingRotation())
                        .as("the rotation's key was saved before the platform was asked")
                        .isPresent();
                assertThat(before.credentials().keyId()).isEqualTo(old.keyId());
                assertThat(first.isAlive()).as("still waiting for the answer").isTrue();
            } finally {
                first.destroyForcibly(); // SIGKILL: between the platform's answer and the file write
                first.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(file.read().orElseThrow().credentials().keyId())
                    .as("the kill left the old key in the file")
                    .isEqualTo(old.keyId());
            String made = sim.keyIds(old.kioskId()).get(1);

            Process second = worker(sim, credentials);
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(output).isZero();

            assertThat(output).contains("ROTATED " + made);
            CredentialsFile.Entry after = file.read().orElseThrow();
            assertThat(after.credentials().keyId())
                    .as("the key the platform made when the first run was killed")
                    .isEqualTo(made);
            assertThat(after.pendingRotation()).isEmpty();
            assertThat(after.issuedAt())
                    .hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now().minus(Duration.ofMinutes(5))));
            assertThat(sim.keyIds(old.kioskId()))
                    .as("no second new key; the old one still valid for its day")
                    .containsExactly(old.keyId(), made);
            try (PlatformClient client = new PlatformClient(
                    PlatformConfig.of(sim.url()), () -> Optional.of(after.credentials()), Clock.systemUTC())) {
                assertThat(client.departments(Optional.empty()).body())
                        .as("the new key signs")
                        .isPresent();
            }

            Process third = worker(sim, credentials);
            assertThat(new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .as("a fresh key is not due")
                    .contains("NOT DUE");
            third.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private Process worker(PlatformSimulator sim, Path credentials) throws IOException {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dkiosk.logLevel=WARN",
                        RotationWorkerMain.class.getName(),
                        sim.url(),
                        credentials.toString(),
                        dir.resolve("kiosk.db").toString()))
                .redirectErrorStream(true)
                .start();
    }
}
