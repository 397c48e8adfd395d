package cn.egov.kiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifications reach the helper one line each; the watchdog's pace comes from WATCHDOG_USEC. */
class ServiceNotifierTest {
    @TempDir
    Path dir;

    @Test
    void outsideSystemdNothingIsTold() {
        assertThat(ServiceNotifier.of(Map.of(), List.of())).isSameAs(ServiceNotifier.NONE);
        assertThat(ServiceNotifier.NONE.watchdogEvery()).isEmpty();
    }

    @Test
    void aThirdOfTheUnitsWatchdog() {
        ServiceNotifier n = ServiceNotifier.of(
                Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "30000000"), List.of("true"));
        assertThat(n.watchdogEvery()).contains(Duration.ofSeconds(10));
        assertThat(ServiceNotifier.of(Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "900000"), List.of("true"))
                        .watchdogEvery())
                .contains(Duration.ofSeconds(1));
        assertThat(ServiceNotifier.of(Map.of("NOTIFY_SOCKET", "@x"), List.of("true"))
                        .watchdogEvery())
                .isEmpty();
    }

    @Test
    void eachNotificationIsALineToTheHelper() throws Exception {
        Path out = dir.resolve("told");
        ServiceNotifier n = ServiceNotifier.of(
                Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), List.of("sh", "-c", "cat > '" + out + "'"));
        n.send("READY=1");
        n.send("WATCHDOG=1");
        n.send("STATUS=ok\nWATCHDOG=1");
        n.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((!Files.exists(out) || Files.readAllLines(out).size() < 4) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readAllLines(out)).containsExactly("READY=1", "WATCHDOG=1", "STATUS=ok", "WATCHDOG=1");
    }
}
