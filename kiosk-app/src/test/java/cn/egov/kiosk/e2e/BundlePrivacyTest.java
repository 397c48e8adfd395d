package cn.egov.kiosk.e2e;

import static cn.egov.kiosk.e2e.IdLoginRig.await;
import static cn.egov.kiosk.e2e.IdLoginRig.shown;
import static cn.egov.kiosk.e2e.IdLoginRig.tap;
import static cn.egov.kiosk.e2e.IdLoginRig.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.sim.SimulatedIdCardReader;
import cn.egov.kiosk.diag.DiagnosticsBundle;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import picocli.CommandLine;

/**
 * The diagnostics bundle after a citizen's session with the test card (login with the resident
 * card on the simulated reader, a queue ticket, the platform simulator receiving the audit): every
 * entry of the bundle, made through the screen's Java API and through {@code kiosk diag --bundle},
 * is scanned for the card's name, ID number (and its masked forms), addresses and a phone number.
 */
@ExtendWith(ApplicationExtension.class)
class BundlePrivacyTest {
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("王小明", "the full name");
        SECRETS.put("11010519491231002X", "the ID number");
        SECRETS.put("110105********002X", "the masked ID number");
        SECRETS.put("王*明", "the masked name");
        SECRETS.put("北京市东城区示例大街1号", "the card's address");
        SECRETS.put("示例大街", "part of the card's address");
        SECRETS.put("北京市西城区演示胡同8号", "the appended address");
        SECRETS.put("演示胡同", "part of the appended address");
        SECRETS.put("13800138000", "a phone number");
    }

    private static final Duration SAFETY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Stage stage;
    private IdLoginRig kiosk;
    private PlatformSimulator sim;
    private PrivacyTest.LogCapture logs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    @Test
    void aBundleMadeAfterASessionWithTheTestCardHoldsNoPersonalData(FxRobot robot) throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        sim.allowRegistrationCode("BUNDLE-1");
        Path run = dir.resolve("run");
        String rest = TestConfigs.platform(sim.url(), "BUNDLE-1")
                + "identity: {readTimeoutSeconds: 30}\ndevices:\n"
                + IdLoginRig.SIM_ID_READER
                + IdLoginRig.SIM_TICKET_PRINTER;
        KioskConfig config = TestConfigs.write(run, true, rest);
        Path configFile = run.resolve("kiosk.yaml");
        logs = PrivacyTest.LogCapture.start(config.storage().dataDir().resolve("logs"));
        kiosk = IdLoginRig.start(robot, stage, config, Clock.systemUTC());
        kiosk.awaitHealthy(2);

        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        await(() -> shown(robot, "#id-login-waiting"), SAFETY, "the login screen");
        kiosk.runtime
                .simulators()
                .find("id-reader", SimulatedIdCardReader.class)
                .orElseThrow()
                .place(DemoCards.resident());
        await(() -> shown(robot, "#id-login-done"), SAFETY, "the card read");
        assertThat(text(robot, "#id-login-number")).isEqualTo("110105********002X");
        tap(robot, "#id-login-continue");
        tap(robot, "#type-A");
        await(() -> text(robot, "#ticket-number").contains("A00"), SAFETY, "the ticket");
        tap(robot, "#ticket-finish");

        // the screen's way: the running kiosk's health model, written to a drive
        Path onDrive = dir.resolve("usb").resolve("kiosk-diag.zip");
        DiagnosticsBundle.Written written = new DiagnosticsBundle(config, configFile, Clock.systemUTC())
                .devices(kiosk.runtime.devices().health().all())
                .write(onDrive);
        assertThat(written.entries())
                .contains("manifest.json", "config/kiosk.yaml", "devices.json", "outbox.json", "versions.json");
        kiosk.close();
        kiosk = null;

        // the shell's way, after the kiosk stopped
        Path fromShell = dir.resolve("shell-bundle.zip");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("diag", "--bundle", fromShell.toString(), "--config", configFile.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Diagnostics bundle: ");

        PersonalDataScan scan = new PersonalDataScan(SECRETS);
        List<String> found = new ArrayList<>();
        for (Path zip : List.of(onDrive, fromShell)) {
            Map<String, byte[]> entries = entries(zip);
            assertThat(entries.keySet())
                    .contains("manifest.json", "config/kiosk.yaml", "devices.json", "outbox.json", "versions.json");
            assertThat(entries.keySet()).anyMatch(n -> n.startsWith("logs/"));
            String yaml = new String(entries.get("config/kiosk.yaml"), StandardCharsets.UTF_8);
            assertThat(yaml).contains("registrationCode: <removed>").doesNotContain("BUNDLE-1", "135790");
            String outbox = new String(entries.get("outbox.json"), StandardCharsets.UTF_8);
            assertThat(outbox).contains("\"byKindAndState\"").contains("\"count\"");
            String devices = new String(entries.get("devices.json"), StandardCharsets.UTF_8);
            assertThat(devices).contains("id-reader", "ticket-printer");
            String versions = new String(entries.get("versions.json"), StandardCharsets.UTF_8);
            assertThat(versions).contains("\"java\"", "\"javafx\"", "\"jSerialComm\"");
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                found.addAll(scan.findings(zip.getFileName() + "!" + e.getKey(), e.getValue()));
            }
            System.out.printf(
                    "[bundle] %s: %d entries, %d bytes%n", zip.getFileName(), entries.size(), Files.size(zip));
        }
        // written atomically: no temporary file left beside either
        try (Stream<Path> beside = Files.list(onDrive.getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("kiosk-diag.zip");
        }
        assertThat(found).as("personal data in a bundle").isEmpty();
    }

    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                z.transferTo(bytes);
                entries.put(e.getName(), bytes.toByteArray());
            }
        }
        return entries;
    }
}
