package cn.egov.kiosk.diag;

import static cn.egov.kiosk.diag.IdReaderCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.diag.IdReaderCommandsTest.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk sim scanner} and {@code kiosk diag scanner} against each other over a real
 * pseudo-terminal pair (socat + jSerialComm), as an engineer checks a scanner's wiring: the real
 * serial-scanner driver on one end, the virtual scanner on the other. The simulator's console is fed
 * by the test, never the JVM's own standard input.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScannerCommandsTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private PtyPair socat;
    private InputStream originalIn;
    private final List<CompletableFuture<Integer>> running = new ArrayList<>();
    private final IdReaderCommandsTest.Console console = new IdReaderCommandsTest.Console();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-scanner-commands");
        t.setDaemon(true);
        return t;
    });

    /** A command running in the background, with what it has printed so far. */
    record Running(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {}

    @BeforeEach
    void cable() throws Exception {
        originalIn = System.in;
        System.setIn(console); // the simulator's console reads this, never the JVM's standard input
        socat = PtyPair.start(dir.resolve("pty"));
    }

    @AfterEach
    void unplug() {
        console.type("quit");
        for (CompletableFuture<Integer> r : running) {
            r.completeOnTimeout(-1, SAFETY.toMillis(), TimeUnit.MILLISECONDS).join();
        }
        console.end();
        background.shutdownNow();
        System.setIn(originalIn);
        socat.close();
    }

    private Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(args), background);
        running.add(exit);
        return new Running(exit, out, err);
    }

    private Running startSim(String... extra) {
        Running sim = start(Stream.concat(Stream.of("sim", "scanner", "--port", socat.devicePath()), Stream.of(extra))
                .toArray(String[]::new));
        Await.until(
                () -> sim.out().toString().contains("Scanner on ") || sim.exit().isDone(),
                SAFETY,
                "the simulator to start (err: " + sim.err() + ")");
        assertThat(sim.exit()).as("the simulator running; err: " + sim.err()).isNotDone();
        return sim;
    }

    @Test
    void diagPrintsEachCodeTheSimulatedScannerSendsWithItsLengthAndTiming() throws Exception {
        Running sim = startSim("--code", "6901234567892", "--code", "预约-0042", "--every", "0.3", "--for", "30");

        Run read = run("diag", "scanner", "--port", socat.hostPath(), "--count", "2", "--seconds", "10", "--json");

        assertThat(read.exit()).as(read.all()).isZero();
        JsonNode doc = new ObjectMapper().readTree(read.out());
        assertThat(doc.get("result").asText()).isEqualTo("read");
        assertThat(doc.get("baud").asInt()).isEqualTo(9600);
        assertThat(doc.get("codes")).hasSize(2);
        assertThat(doc.findValuesAsText("code")).containsExactlyInAnyOrder("6901234567892", "预约-0042");
        for (JsonNode code : doc.get("codes")) {
            boolean ean = code.get("code").asText().equals("6901234567892");
            assertThat(code.get("characters").asInt()).isEqualTo(ean ? 13 : 7);
            assertThat(code.get("bytes").asInt()).as("UTF-8: 预约 is 6 bytes").isEqualTo(ean ? 13 : 11);
            assertThat(code.get("ending").asText()).isEqualTo("line-end");
            assertThat(code.get("transferMs").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(code.get("atMs").asLong()).isBetween(0L, 10_000L);
        }
        assertThat(doc.get("rejected")).isEmpty();
        assertThat(sim.out().toString()).contains("sent a code of 13 characters");

        console.type("quit");
        assertThat(sim.exit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(sim.out().toString()).contains("Stopped.");
    }

    @Test
    void diagShowsNoiseAndAnOverLongLineAsRejectedAndTheCodesAround() throws Exception {
        Running sim = startSim("--suffix", "cr");
        Running diag = start("diag", "scanner", "--port", socat.hostPath(), "--count", "2", "--seconds", "10");
        Await.until(() -> diag.out().toString().contains("Scan codes within 10 s"), SAFETY, "diag reading");

        console.type("garbage");
        console.type("long 3000");
        console.type("split ABC-123");
        console.type("scan 办事-9");

        assertThat(diag.exit().get(10, TimeUnit.SECONDS))
                .as(diag.out() + "\n" + diag.err())
                .isZero();
        String out = diag.out().toString();
        assertThat(out)
                .contains("Scanner on " + socat.hostPath() + " at 9600 baud (UTF-8)")
                .containsPattern("REJECTED BAD_ENCODING: not a code: a line of 5 bytes that is not UTF-8 text")
                .containsPattern("REJECTED LINE_TOO_LONG: not a code: a line of 3000 bytes, longer than the 1024")
                .containsPattern(
                        "CODE 1: ABC-123  \\(7 characters, 7 bytes, line end, \\d+\\.\\d ms on the wire, at \\d+\\.\\d\\d s\\)")
                .contains("CODE 2: 办事-9  (4 characters, 8 bytes, line end")
                .contains("Read: 2 code(s), 2 line(s) rejected in ");
        assertThat(sim.out().toString())
                .contains("sent 5 bytes of noise and a line end")
                .contains("sent a line of 3000 bytes")
                .contains("in 3 writes");
    }

    @Test
    void aCodeWithoutSuffixIsReadAfterTheQuietGap() throws Exception {
        startSim("--suffix", "none", "--code", "NO-SUFFIX-1", "--every", "0.5", "--for", "30");

        Run read = run("diag", "scanner", "--port", socat.hostPath(), "--count", "1", "--seconds", "10");

        assertThat(read.exit()).as(read.all()).isZero();
        assertThat(read.out()).contains("CODE 1: NO-SUFFIX-1  (11 characters, 11 bytes, no line end: quiet gap");
    }

    @Test
    void noCodeWithinTheTimeExitsOne() {
        Run read = run("diag", "scanner", "--port", socat.hostPath(), "--seconds", "1");

        assertThat(read.exit()).as(read.all()).isEqualTo(1);
        assertThat(read.out()).contains("NO CODE READ: 0 code(s), 0 line(s) rejected");
    }

    @Test
    void aPortThatDoesNotExistExitsOneWithTheDriversError() {
        Run read = run("diag", "scanner", "--port", dir.resolve("no-such-port").toString(), "--seconds", "1");

        assertThat(read.exit()).isEqualTo(1);
        assertThat(read.err()).contains("FAILED NO_HARDWARE/LINK_NOT_FOUND").contains("no such port");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run("diag", "scanner", "--port", socat.hostPath(), "--seconds", "0")
                        .exit())
                .isEqualTo(2);
        assertThat(run("diag", "scanner", "--port", socat.hostPath(), "--baud", "12")
                        .exit())
                .isEqualTo(2);
        Run charset = run("diag", "scanner", "--port", socat.hostPath(), "--charset", "GBK");
        assertThat(charset.exit()).isEqualTo(2);
        assertThat(charset.err()).contains("--charset is one of [UTF-8, GB18030], not \"GBK\"");
        assertThat(run("diag", "scanner").exit()).as("--port is required").isEqualTo(2);
        Run suffix = run("sim", "scanner", "--port", socat.devicePath(), "--suffix", "tab");
        assertThat(suffix.exit()).isEqualTo(2);
        assertThat(suffix.err()).contains("a suffix cr, lf, crlf or none, not \"tab\"");
    }
}
