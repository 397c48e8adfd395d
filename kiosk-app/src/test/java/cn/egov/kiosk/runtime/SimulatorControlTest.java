package cn.egov.kiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.Unavailable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kiosk simctl}: the simulated devices of a running kiosk, driven from a shell. */
class SimulatorControlTest {
    @TempDir
    Path dir;

    @Test
    void aShellCommandRunsOutThePaperOfTheRunningKiosk() {
        var config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        try (KioskRuntime runtime = new KioskRuntime(
                config, Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)))) {
            runtime.start();
            Await.until(
                    () -> runtime.features().of(Feature.QUEUE_TICKET).available(),
                    Duration.ofSeconds(10),
                    "the printer up");

            StringWriter out = new StringWriter();
            int exit =
                    run(out, "simctl", "--config", dir.resolve("kiosk.yaml").toString(), "ticket-printer", "paper-out");

            assertThat(exit).isZero();
            assertThat(out.toString()).startsWith("OK ").contains("paper out");
            Await.until(
                    () -> !runtime.features().of(Feature.QUEUE_TICKET).available(),
                    Duration.ofSeconds(10),
                    "取号 out of service");
            assertThat(runtime.features().of(Feature.QUEUE_TICKET).problem()).contains(Unavailable.PAPER_OUT);

            StringWriter list = new StringWriter();
            assertThat(run(list, "simctl", "--config", dir.resolve("kiosk.yaml").toString()))
                    .isZero();
            assertThat(list.toString())
                    .contains("ticket-printer: connected")
                    .contains("  paper-ok - ")
                    .contains("id-reader: connected, no card");

            StringWriter refused = new StringWriter();
            assertThat(run(
                            refused,
                            "simctl",
                            "--config",
                            dir.resolve("kiosk.yaml").toString(),
                            "ticket-printer",
                            "explode"))
                    .isEqualTo(1);
            assertThat(refused.toString()).startsWith("ERROR unknown simulator command \"explode\"");
            assertThat(run(
                            new StringWriter(),
                            "simctl",
                            "--config",
                            dir.resolve("kiosk.yaml").toString(),
                            "no-such-device",
                            "paper-out"))
                    .isEqualTo(1);
        }
    }

    @Test
    void theSocketAndTheDataFolderAreTheKiosksUsersOnly() throws Exception {
        var config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        try (KioskRuntime runtime = new KioskRuntime(config, Clock.systemUTC(), Backoff.DEFAULT)) {
            runtime.start();
            Path socket = config.storage().dataDir().resolve(SimulatorControl.SOCKET_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(config.storage().dataDir())))
                    .isEqualTo("rwx------");
        }
        assertThat(config.storage().dataDir().resolve(SimulatorControl.SOCKET_NAME))
                .doesNotExist();
    }

    @Test
    void withoutARunningKioskSimctlSaysSoAndExitsTwo() {
        TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));

        int exit =
                cl.execute("simctl", "--config", dir.resolve("kiosk.yaml").toString(), "ticket-printer", "paper-out");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("No running kiosk with simulated devices");
    }

    private static int run(StringWriter out, String... args) {
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        return cl.execute(args);
    }
}
