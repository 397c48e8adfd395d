package cn.egov.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGKILL in the middle of a configuration save never leaves a broken file: a child JVM saves
 * the file in a loop ({@link ConfigSaveWorker}) and is killed at random moments; after each kill
 * the file loads and is exactly the text before or after a save, and the temporary files a kill
 * leaves are removed by the next save.
 */
class ConfigSaveCrashTest {
    private static final int KILLS = 40;

    @TempDir
    Path dir;

    @Test
    void aKillMidSaveLeavesTheOldFileOrTheNewOne() throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.copy(Path.of("demo.yaml"), file, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "../var/demo",
                                Path.of("")
                                        .toAbsolutePath()
                                        .resolveSibling("var/demo")
                                        .toString()));
        ConfigEditor.set(file, "kiosk", Kiosk.HOTLINE, ConfigSaveWorker.SECOND);
        String second = Files.readString(file);
        ConfigEditor.set(file, "kiosk", Kiosk.HOTLINE, ConfigSaveWorker.FIRST);
        String first = Files.readString(file);

        Random random = new Random(15);
        int firsts = 0;
        int seconds = 0;
        int leftovers = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            ConfigSaveWorker.class.getName(),
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertThat(line).as("the worker's first words").isEqualTo("saving");
                Thread.sleep(random.nextInt(300));
                p.destroyForcibly(); // SIGKILL
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            String now = Files.readString(file);
            assertThat(now).as("after kill %d", kill).isIn(first, second);
            assertThat(ConfigLoader.load(file).kiosk().hotline()).isIn(ConfigSaveWorker.FIRST, ConfigSaveWorker.SECOND);
            if (now.equals(first)) {
                firsts++;
            } else {
                seconds++;
            }
            leftovers += temps().size();
        }
        System.out.printf(
                "ConfigSaveCrashTest: %d kills mid-save; the file was the text before or after a save each time"
                        + " (%d times hotline %s, %d times %s); %d temporary files left by kills%n",
                KILLS, firsts, ConfigSaveWorker.FIRST, seconds, ConfigSaveWorker.SECOND, leftovers);
        assertThat(firsts + seconds).isEqualTo(KILLS);

        // whatever the kills left is gone after the next save
        Files.writeString(dir.resolve(".kiosk.yaml.999.tmp"), "half a fi");
        ConfigEditor.set(file, "kiosk", Kiosk.HOTLINE, "33333");
        assertThat(temps()).isEmpty();
        assertThat(ConfigLoader.load(file).kiosk().hotline()).isEqualTo("33333");
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }
}
