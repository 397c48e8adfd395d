package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.CredentialsFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk diag}: exit codes, one line per device, the JSON document. */
class DiagCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void theShippedDemoConfigurationIsHealthyAsJson() throws Exception {
        Path demo = Path.of("..", "config", "demo.yaml").toAbsolutePath().normalize();
        Path copy = dir.resolve("config/demo.yaml");
        Files.createDirectories(copy.getParent());
        Files.copy(demo, copy); // so that its ../var lands in the temp folder

        int exit = run("diag", "--json", "--config", copy.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("healthy").asBoolean()).isTrue();
        assertThat(doc.get("devices")).hasSize(6);
        for (JsonNode device : doc.get("devices")) {
            assertThat(device.get("healthy").asBoolean()).as(device.toString()).isTrue();
            assertThat(device.get("state").asText()).isEqualTo("idle");
            assertThat(device.get("driver").asText()).isEqualTo("sim");
            assertThat(device.has("counters")).isTrue();
        }
        assertThat(doc.findValuesAsText("class"))
                .containsExactlyInAnyOrder(
                        "id-card-reader",
                        "smart-card-reader",
                        "receipt-printer",
                        "document-printer",
                        "payment-terminal",
                        "barcode-scanner");
        // espeak-ng is installed here (scripts/install-deps); a sound card may or may not be
        JsonNode speech = doc.get("speech");
        assertThat(speech.get("engine").asText()).matches("espeak-ng \\d+\\.\\d+.*");
        assertThat(speech.get("program").asText()).endsWith("/espeak-ng");
        assertThat(speech.get("canSpeak").asBoolean()).isEqualTo(!speech.has("audioProblem"));
    }

    @Test
    void aSerialPortThatDoesNotExistExitsOneAndSaysWhichDeviceAndWhy() {
        TestConfigs.write(
                dir,
                "devices:\n  ticket-printer: {class: receipt-printer, driver: escpos, connection: \"serial:/dev/ttyKIOSK-NONE?baud=115200\"}\n"
                        + "  id-reader: {class: id-card-reader, driver: sim, connection: \"sim:\"}\n");

        int exit = run("diag", "--config", dir.resolve("kiosk.yaml").toString());

        assertThat(exit).isEqualTo(1);
        String text = out.toString();
        assertThat(text)
                .containsPattern(
                        "ticket-printer\\s+receipt-printer\\s+escpos\\s+serial:/dev/ttyKIOSK-NONE@115200\\s+closed\\s+NO");
        assertThat(text).contains("NO_HARDWARE").contains("no such port");
        // the simulated reader is the real SAM driver talking to a virtual reader over an in-process pipe
        assertThat(text).containsPattern("id-reader\\s+id-card-reader\\s+sim\\s+pipe:id-reader/host\\s+idle\\s+yes");
        assertThat(text).contains("NOT HEALTHY: ticket-printer");
    }

    @Test
    void scannersShowWithTheirStateAndCounters() throws Exception {
        try (PtyPair socat = PtyPair.start(dir.resolve("pty"))) {
            TestConfigs.write(
                    dir,
                    "devices:\n  qr-scanner: {class: barcode-scanner, driver: serial-scanner, connection: \"serial:"
                            + socat.hostPath() + "?baud=9600\", options: {endGapMs: 100}}\n"
                            + "  wedge-scanner: {class: barcode-scanner, driver: wedge, connection: \"keyboard:\"}\n");
            Files.createDirectories(dir.resolve("var/device-stats"));
            Files.writeString(dir.resolve("var/device-stats/qr-scanner.properties"), "reads=41\nfailures=2\n");

            int exit = run(
                    "diag",
                    "--level",
                    "external",
                    "--config",
                    dir.resolve("kiosk.yaml").toString());

            assertThat(exit).as(out + "\n" + err).isZero();
            String text = out.toString();
            assertThat(text)
                    .containsPattern(
                            "qr-scanner\\s+barcode-scanner\\s+serial-scanner\\s+serial:\\S+/host@9600\\s+idle\\s+yes")
                    .contains("idle (UTF-8, lines up to 1024 bytes, end gap 100 ms)  [failures=2 reads=41]")
                    .containsPattern("wedge-scanner\\s+barcode-scanner\\s+wedge\\s+keyboard:\\s+idle\\s+yes")
                    .contains("a scan is 4+ characters less than 35 ms apart, then Enter")
                    .contains("All 2 devices healthy.");
        }
    }

    @Test
    void aUsedRegistrationCodeLeftInTheConfigurationIsAWarningThatDoesNotChangeTheExitStatus() throws Exception {
        TestConfigs.write(
                dir,
                TestConfigs.platform("http://127.0.0.1:9", "REG-USED-0001")
                        + "devices:\n  id-reader: {class: id-card-reader, driver: sim, connection: \"sim:\"}\n");
        Path config = dir.resolve("kiosk.yaml");

        assertThat(run("diag", "--config", config.toString())).isZero();
        assertThat(out.toString())
                .as("not registered yet: the code is still needed")
                .doesNotContain("WARNING");

        new CredentialsFile(dir.resolve("var/platform-credentials.json"))
                .save(new Credentials("KSK-1", "k-1", new byte[32]));
        out.getBuffer().setLength(0);
        int exit = run("diag", "--config", config.toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("WARNING: platform.registrationCode in "
                        + config.toAbsolutePath().normalize())
                .contains("the code is used and cannot register again; remove it from the configuration")
                .doesNotContain("REG-USED-0001");
        out.getBuffer().setLength(0);
        run("diag", "--json", "--config", config.toString());
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("warnings")).hasSize(1);
        assertThat(doc.get("warnings").get(0).asText()).startsWith("platform.registrationCode in ");
    }

    @Test
    void aBrokenConfigurationExitsTwoNamingTheKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kiosk:\n  id: K01\n  colour: blue\n");

        int exit = run("diag", "--config", bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml").contains("kiosk.colour").contains("unknown key");
    }

    @Test
    void theConfigurationOptionOfTheKioskCommandAppliesToDiag() {
        TestConfigs.write(dir, TestConfigs.SIM_DEVICES);

        int exit = run("--config", dir.resolve("kiosk.yaml").toString(), "diag");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("All 4 devices healthy.");
        assertThat(out.toString())
                .containsPattern("SPEECH: espeak-ng \\d+\\.\\d+\\S* \\(\\S+/espeak-ng\\); audio output: ");
    }
}
