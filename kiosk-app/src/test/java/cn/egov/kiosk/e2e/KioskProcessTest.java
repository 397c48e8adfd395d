package cn.egov.kiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk as a process, started by its real main class on a headless screen (Monocle): it comes
 * up to the attract screen; a broken configuration stops it with the file and key and exit 2; a
 * second kiosk on the same data folder is refused.
 */
class KioskProcessTest {
    @TempDir
    Path dir;

    private static ProcessBuilder kiosk(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "cn.egov.kiosk.app.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Test
    void theKioskComesUpToItsAttractScreen() throws Exception {
        TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        Process p = kiosk("--bench-ready", "--config", dir.resolve("kiosk.yaml").toString())
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> said = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("KIOSK-READY")) {
                said.add(line);
            }
            assertThat(line).as("the kiosk said: %s", said).startsWith("KIOSK-READY");

            // one kiosk per data folder
            Process second =
                    kiosk("--config", dir.resolve("kiosk.yaml").toString()).start();
            String secondSaid = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(secondSaid).contains("another kiosk is running with the data folder");
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBrokenConfigurationStopsItWithTheKeyAndExitTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kiosk:\n  id: K01\n  colour: blue\n");

        Process p = kiosk("--config", bad.toString()).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(said)
                .contains("configuration is not valid")
                .contains("bad.yaml")
                .contains("kiosk.colour")
                .doesNotContain("\tat ");
    }
}
