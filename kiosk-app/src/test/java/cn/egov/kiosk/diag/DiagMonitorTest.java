package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.testkit.SamOnPty;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.runtime.InstanceLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk diag --monitor id-reader}: the real SAM driver on a socat pseudo-terminal, the virtual
 * reader presenting the demo resident's card at the other end; the command run in-process shows the
 * frames both ways and never the card's data.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiagMonitorTest {
    private static final List<String> PERSONAL =
            List.of("王小明", "11010519491231002X", "示例大街", "演示胡同", "王*明", "110105********002X");

    @TempDir
    Path dir;

    private SamOnPty line;
    private VirtualSamReader virtual;
    private Path config;
    private Path dataDir;

    @BeforeEach
    void wire() throws Exception {
        line = SamOnPty.start(dir.resolve("pty"), "virtual-sam-monitor");
        virtual = line.virtual();
        KioskConfig loaded = TestConfigs.write(
                dir,
                true,
                "devices:\n  id-reader: {class: id-card-reader, driver: sam, connection: \"" + line.connection()
                        + "\", options: {pollMs: 100}}\n");
        config = dir.resolve("kiosk.yaml");
        dataDir = loaded.storage().dataDir();
        assertThat(loaded.kiosk().demo()).isTrue();
    }

    @AfterEach
    void unwire() {
        line.close();
    }

    private record Run(int exit, String out, String err) {}

    private static Run diag(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theReadersFramesShowBothWaysWithTheCardMasked() throws Exception {
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> diag(
                "diag", "--monitor", "id-reader", "--seconds", "4", "--read-cards", "--config", config.toString()));
        Thread.sleep(1500); // the reader opened and polling
        virtual.place(DemoCards.resident());
        Thread.sleep(1200);
        virtual.lift();
        Run done = run.get(30, TimeUnit.SECONDS);

        assertThat(done.exit()).as(done.err()).isZero();
        String out = done.out();
        assertThat(out).contains("personal data masked");
        assertThat(out).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} → AA AA AA 96 69 ");
        assertThat(out).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ← AA AA AA 96 69 ");
        assertThat(out).contains("# card read (resident");
        // the text and photo blocks, in whatever chunks the serial line gave them
        assertThat(out).containsPattern("\\[文字 \\d+ 字节 已遮蔽\\]").containsPattern("\\[照片 \\d+ 字节 已遮蔽\\]");
        assertThat(out).doesNotContain(PERSONAL.toArray(String[]::new));
        System.out.println("[monitor] " + out.lines().count() + " lines, e.g.\n"
                + String.join("\n", out.lines().limit(8).toList()));
    }

    @Test
    void personalDataIsShownOnlyOnADemoConfigurationAndTheRunningKiosksPortIsLeftAlone() throws Exception {
        // a hall's configuration: refused
        TestConfigs.write(
                dir.resolve("hall"),
                "devices:\n  id-reader: {class: id-card-reader, driver: sam, connection: \"" + line.connection()
                        + "\"}\n");
        String hall = dir.resolve("hall").resolve("kiosk.yaml").toString();
        String yaml = Files.readString(Path.of(hall)).replace("demo: true", "demo: false");
        Files.writeString(Path.of(hall), yaml);
        Run refused =
                diag("diag", "--monitor", "id-reader", "--seconds", "1", "--show-personal-data", "--config", hall);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("Refused", "kiosk.demo: true");

        // the kiosk running: its port
        try (InstanceLock held = InstanceLock.tryAcquire(dataDir).orElseThrow()) {
            Run busy = diag("diag", "--monitor", "id-reader", "--seconds", "1", "--config", config.toString());
            assertThat(busy.exit()).isEqualTo(3);
            assertThat(busy.err()).contains("The kiosk is running", "belongs to it");
        }

        // an unknown device
        Run unknown = diag("diag", "--monitor", "nobody", "--seconds", "1", "--config", config.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("No device \"nobody\"", "id-reader");

        // demo and asked: the bytes as they are
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> diag(
                "diag",
                "--monitor",
                "id-reader",
                "--seconds",
                "3",
                "--read-cards",
                "--show-personal-data",
                "--config",
                config.toString()));
        Thread.sleep(1200);
        virtual.place(DemoCards.resident());
        Run shown = run.get(30, TimeUnit.SECONDS);
        virtual.lift();
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("PERSONAL DATA SHOWN").doesNotContain("已遮蔽");
    }
}
