package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a display the kiosk says so in plain words and exits 3: no stack trace. */
class NoDisplayTest {
    @TempDir
    Path dir;

    @Test
    void withoutADisplayTheKioskExplainsAndExitsThree() throws Exception {
        TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "cn.egov.kiosk.app.Main",
                "--config",
                dir.resolve("kiosk.yaml").toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(output)
                .contains("needs a graphical display")
                .contains("./kiosk diag")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
