package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.sync.PlatformServices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk diag} reports the platform: over the simulator on loopback, away, and not configured. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiagPlatformTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int diag(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aRegisteredKioskSeesThePlatformReachableWithItsFiguresInTextAndJson() throws Exception {
        try (PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0))) {
            sim.allowRegistrationCode("DIAG-1");
            KioskConfig config =
                    TestConfigs.write(dir, TestConfigs.platform(sim.url(), "DIAG-1") + TestConfigs.SIM_DEVICES);
            // the kiosk registered and synced once, as it does at its start
            try (Database db = Database.open(config.storage().database());
                    PlatformServices platform = new PlatformServices(
                            config.platform().get(),
                            db,
                            Clock.systemUTC(),
                            config.kiosk().timeZone(),
                            "K01",
                            List::of)) {
                platform.checkNow();
                assertThat(platform.registration().registered()).isTrue();
            }
            Path file = dir.resolve("kiosk.yaml");

            assertThat(diag("diag", "--config", file.toString()))
                    .as(err.toString())
                    .isZero();
            String text = out.toString();
            assertThat(text).contains("PLATFORM: " + sim.url() + ": reachable, registered as ");
            assertThat(text).containsPattern("clock offset [+-]\\d+\\.\\d{3} s");
            assertThat(text)
                    .containsPattern(
                            "PLATFORM: outbox \\d+ waiting.*, 0 dead letters, catalogue \\d+ items, synced \\d+ s ago");

            out.getBuffer().setLength(0);
            assertThat(diag("diag", "--json", "--config", file.toString()))
                    .as(err.toString())
                    .isZero();
            JsonNode platform = new ObjectMapper().readTree(out.toString()).get("platform");
            assertThat(platform.get("configured").asBoolean()).isTrue();
            assertThat(platform.get("reachable").asBoolean()).isTrue();
            assertThat(platform.get("registered").asBoolean()).isTrue();
            assertThat(platform.get("clockOffsetMs").isNumber()).isTrue();
            assertThat(platform.get("outboxPending").isNumber()).isTrue();
            assertThat(platform.get("deadLetters").asLong()).isZero();
            assertThat(platform.get("catalogueItems").asLong()).isPositive();
            assertThat(platform.get("catalogueAgeSeconds").asLong()).isBetween(0L, 600L);
        }
        // the platform gone
        out.getBuffer().setLength(0);
        assertThat(diag("diag", "--json", "--config", dir.resolve("kiosk.yaml").toString()))
                .isZero();
        JsonNode platform = new ObjectMapper().readTree(out.toString()).get("platform");
        assertThat(platform.get("reachable").asBoolean()).isFalse();
        assertThat(platform.get("registered").asBoolean()).isTrue();
        assertThat(platform.get("problem").asText()).isNotEmpty();
    }

    @Test
    void withoutAPlatformSectionItSaysSo() throws Exception {
        TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        Path file = dir.resolve("kiosk.yaml");
        assertThat(diag("diag", "--config", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("PLATFORM: none configured (no platform section)");
        out.getBuffer().setLength(0);
        assertThat(diag("diag", "--json", "--config", file.toString())).isZero();
        assertThat(new ObjectMapper()
                        .readTree(out.toString())
                        .get("platform")
                        .get("configured")
                        .asBoolean())
                .isFalse();
    }
}
