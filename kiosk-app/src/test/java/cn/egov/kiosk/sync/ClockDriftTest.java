package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk whose clock is ten minutes fast: every signed request would be refused for clock skew.
 * The kiosk learns the platform's time, signs with it, syncs as usual, and reports the drift
 * (logged, shown to staff, audited to the platform, and in its heartbeat).
 */
class ClockDriftTest {
    @TempDir
    Path dir;

    @Test
    void aKioskTenMinutesFastStillSignsAcceptablyAndReportsTheDrift() throws Exception {
        Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
                Database db = Database.open(dir.resolve("kiosk.db"))) {
            sim.allowRegistrationCode("DRIFT-1");
            Platform config = new Platform(
                    Optional.of(URI.create(sim.url())),
                    "110101-01",
                    Optional.of("DRIFT-1"),
                    dir.resolve("credentials.json"),
                    dir.resolve("store.key"),
                    Optional.empty(),
                    List.of(),
                    60,
                    24,
                    600,
                    30,
                    900,
                    30);
            try (PlatformServices platform =
                    new PlatformServices(config, db, fast, ZoneId.of("Asia/Shanghai"), "K01", List::of)) {
                platform.checkNow();

                assertThat(platform.link().online()).isTrue();
                assertThat(platform.catalogue().count())
                        .as("signed requests got through")
                        .isEqualTo(sim.catalogueSize());
                assertThat(platform.clockDrift()).isTrue();
                assertThat(platform.link().status().clockOffset())
                        .isBetween(
                                Duration.ofMinutes(-10).minusSeconds(5),
                                Duration.ofMinutes(-10).plusSeconds(5));

                platform.sender().drainOnce();
                assertThat(sim.ledger().entries(Batch.AUDIT_EVENT)).anySatisfy(e -> {
                    assertThat(e.body().path("kind").asText()).isEqualTo("clock.drift");
                    assertThat(e.body().path("detail").path("offsetMs").asLong())
                            .isLessThan(-590_000);
                });
                platform.heartbeatNow();
                String kioskId =
                        platform.registration().credentials().orElseThrow().kioskId();
                assertThat(sim.lastHeartbeat(kioskId).orElseThrow().clockOffsetMs())
                        .as("the kiosk's clock minus the platform's")
                        .isGreaterThan(590_000);
            }
        }
    }
}
