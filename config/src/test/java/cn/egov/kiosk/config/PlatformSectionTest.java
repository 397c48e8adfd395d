package cn.egov.kiosk.config;

import static cn.egov.kiosk.config.TestYaml.SOURCE;
import static cn.egov.kiosk.config.TestYaml.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The optional platform section: where the platform is, files outside the database, TLS. */
class PlatformSectionTest {
    private static final String F = "config/test.yaml";

    /** The base with a platform section of these lines appended after storage (line 16). */
    private static String withPlatform(String... lines) {
        return edit(16, "  dataDir: ../var/test\nplatform:\n" + String.join("\n", lines));
    }

    @Test
    void absentMeansTheKioskRunsAlone() throws Exception {
        assertThat(ConfigLoader.parse(TestYaml.BASE, SOURCE).platform()).isEmpty();
    }

    @Test
    void embeddedInDemoModeWithDefaultsBesideTheData() throws Exception {
        Platform p = ConfigLoader.parse(
                        withPlatform(
                                "  url: embedded", "  hallId: \"110101-01\"", "  registrationCode: \"DEMO-REG-0001\""),
                        SOURCE)
                .platform()
                .orElseThrow();
        assertThat(p.embedded()).isTrue();
        assertThat(p.hallId()).isEqualTo("110101-01");
        assertThat(p.registrationCode()).contains("DEMO-REG-0001");
        Path dataDir = SOURCE.toAbsolutePath()
                .normalize()
                .getParent()
                .resolve("../var/test")
                .normalize();
        assertThat(p.credentialsFile()).isEqualTo(dataDir.resolve("platform-credentials.json"));
        assertThat(p.keyFile()).isEqualTo(dataDir.resolve("store.key"));
        assertThat(p.syncMinutes()).isEqualTo(Platform.DEFAULT_SYNC_MINUTES);
        assertThat(p.staleAfterHours()).isEqualTo(Platform.DEFAULT_STALE_AFTER_HOURS);
        assertThat(p.pins()).isEmpty();
        assertThat(p.caFile()).isEmpty();
    }

    @Test
    void aRealPlatformWithItsCaAndPins() throws Exception {
        String pin = "sha256/" + "A".repeat(43) + "=";
        Platform p = ConfigLoader.parse(
                        withPlatform(
                                "  url: https://platform.example.gov.cn",
                                "  hallId: H1",
                                "  caFile: /etc/egov-kiosk/ca.pem",
                                "  pins: [" + pin + "]",
                                "  syncMinutes: 5"),
                        SOURCE)
                .platform()
                .orElseThrow();
        assertThat(p.embedded()).isFalse();
        assertThat(p.url().orElseThrow().getHost()).isEqualTo("platform.example.gov.cn");
        assertThat(p.caFile()).contains(Path.of("/etc/egov-kiosk/ca.pem"));
        assertThat(p.pins()).containsExactly(pin);
        assertThat(p.syncMinutes()).isEqualTo(5);
    }

    @Test
    void embeddedOutsideDemoModeIsRefused() {
        String yaml = withPlatform("  url: embedded", "  hallId: H1").replace("  demo: true\n", "  demo: false\n");
        assertThat(ConfigErrorsTest.failure(yaml).getMessage())
                .contains(
                        F
                                + ", line 18: platform.url: expected a platform URL (embedded needs kiosk.demo: true), found \"embedded\"");
    }

    @Test
    void outsideDemoModeThePlatformIsReachedOverHttpsOnly() throws Exception {
        String http = withPlatform("  url: http://platform.example.gov.cn", "  hallId: H1");
        assertThat(ConfigErrorsTest.failure(http.replace("  demo: true\n", "  demo: false\n"))
                        .getMessage())
                .contains(
                        F
                                + ", line 18: platform.url: expected an https URL such as https://platform.example.gov.cn: outside demo mode")
                .contains("found \"http://platform.example.gov.cn\"");
        // a simulator on loopback in demo mode is fine, and https always is
        assertThat(ConfigLoader.parse(http, SOURCE)
                        .platform()
                        .orElseThrow()
                        .url()
                        .orElseThrow()
                        .getScheme())
                .isEqualTo("http");
        String https = withPlatform("  url: https://platform.example.gov.cn", "  hallId: H1")
                .replace("  demo: true\n", "  demo: false\n");
        assertThat(ConfigErrorsTest.failure(https).getMessage())
                .as("only the simulated devices are wrong outside demo mode")
                .contains("devices.ticket-printer.driver")
                .doesNotContain("platform.url");
    }

    @Test
    void keyRotationAndTheClockCorrectionLimitHaveDefaultsAndRanges() throws Exception {
        Platform defaults = ConfigLoader.parse(withPlatform("  url: embedded", "  hallId: H1"), SOURCE)
                .platform()
                .orElseThrow();
        assertThat(defaults.rotateDays()).isEqualTo(30);
        assertThat(defaults.maxClockCorrectionSeconds()).isEqualTo(900);
        Platform set = ConfigLoader.parse(
                        withPlatform(
                                "  url: embedded",
                                "  hallId: H1",
                                "  rotateDays: 7",
                                "  maxClockCorrectionSeconds: 120"),
                        SOURCE)
                .platform()
                .orElseThrow();
        assertThat(set.rotateDays()).isEqualTo(7);
        assertThat(set.maxClockCorrectionSeconds()).isEqualTo(120);
        assertThat(ConfigErrorsTest.failure(withPlatform(
                                "  url: embedded", "  hallId: H1", "  rotateDays: 0", "  maxClockCorrectionSeconds: 5"))
                        .getMessage())
                .contains("line 20: platform.rotateDays: expected a whole number from 1 to 365")
                .contains("line 21: platform.maxClockCorrectionSeconds: expected a whole number from 10 to 86400");
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        String msg = ConfigErrorsTest.failure(withPlatform(
                        "  url: ftp://x",
                        "  hallId: \"a b\"",
                        "  pins: [md5/xyz]",
                        "  syncMinutes: 0",
                        "  colour: red"))
                .getMessage();
        assertThat(msg)
                .contains("line 18: platform.url: expected embedded (the simulator, demo mode only) or an http(s) URL")
                .contains("line 19: platform.hallId: expected the hall's id on the platform")
                .contains("platform.pins[0]: expected a list of public-key pins")
                .contains("line 21: platform.syncMinutes: expected a whole number from 1 to 1440")
                .contains("line 22: platform.colour: unknown key");
    }
}
