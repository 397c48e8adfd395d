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
import java.net.ServerSocket;
import java.nio.file.Files;
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
 * {@code kiosk sim payment-terminal} and {@code kiosk diag payment-terminal} against each other, as
 * an engineer checks a terminal's wiring: over a real pseudo-terminal pair (socat + jSerialComm,
 * 9600 8N2) and over TCP on loopback. The simulator's console is fed by the test, never the JVM's
 * own standard input.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PaymentTerminalCommandsTest {
    private static final Duration SAFETY = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private PtyPair socat;
    private InputStream originalIn;
    private final List<CompletableFuture<Integer>> running = new ArrayList<>();
    private final IdReaderCommandsTest.Console console = new IdReaderCommandsTest.Console();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-payment-commands");
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
        Running sim = start(Stream.concat(
                        Stream.of("sim", "payment-terminal", "--card-delay", "0", "--for", "60"), Stream.of(extra))
                .toArray(String[]::new));
        Await.until(
                () -> sim.out().toString().contains("Terminal on ")
                        || sim.exit().isDone(),
                SAFETY,
                "the simulator to start (err: " + sim.err() + ")");
        assertThat(sim.exit()).as("the simulator running; err: " + sim.err()).isNotDone();
        return sim;
    }

    @Test
    void theStatusOfTheSimulatedTerminalAsJson() throws Exception {
        startSim("--port", socat.devicePath());

        Run status = run("diag", "payment-terminal", "--port", socat.hostPath(), "--test", "status", "--json");

        assertThat(status.exit()).as(status.all()).isZero();
        JsonNode doc = new ObjectMapper().readTree(status.out());
        assertThat(doc.get("port").asText()).isEqualTo(socat.hostPath());
        assertThat(doc.get("protocol").asText()).isEqualTo("zvt");
        assertThat(doc.get("result").asText()).isEqualTo("ready");
        assertThat(doc.get("resultCode").asText()).isEqualTo("00");
        assertThat(doc.get("terminalId").asText()).isEqualTo("52000001");
        assertThat(doc.get("command").asText()).isEqualTo("STATUS_ENQUIRY");
        assertThat(doc.findValuesAsText("name"))
                .containsSubsequence("STATUS_ENQUIRY", "ACK", "STATUS_INFORMATION", "ACK", "COMPLETION", "ACK");
        assertThat(doc.get("bytesSent").asLong()).isGreaterThan(6);
        assertThat(doc.get("bytesReceived").asLong()).isGreaterThan(10);
        assertThat(doc.get("ms").asLong()).isBetween(0L, 15_000L);
    }

    @Test
    void aSaleOnTheSimulatedTerminalShowsItsMessagesResultReceiptTraceAndMaskedCard() throws Exception {
        Running sim = startSim(
                "--port",
                socat.devicePath(),
                "--journal",
                dir.resolve("journal.tsv").toString());

        Run sale = run("diag", "payment-terminal", "--port", socat.hostPath(), "--test", "sale", "--amount", "1234");

        assertThat(sale.exit()).as(sale.all()).isZero();
        assertThat(sale.out())
                .contains("Terminal on serial:" + socat.hostPath() + "@9600 (ZVT) registered, TID 52000001.")
                .containsPattern("\\s+\\d+ ms  -> AUTHORISATION\\s+15 bytes")
                .containsPattern("\\s+\\d+ ms  <- STATUS_INFORMATION\\s+\\d+ bytes")
                .contains("  | AMOUNT CNY 12.34")
                .contains("APPROVED CNY 12.34: result code 00, receipt 0001, trace 000001, card 622202******1234, "
                        + "TID 52000001 (approved)")
                .containsPattern("\\d+ bytes sent, \\d+ received, 0 resent, 0 NAKs sent, 0 received; \\d+ ms\\.");
        assertThat(sim.out().toString()).contains("sale of CNY 12.34: approved, receipt 0001, trace 000001");
        assertThat(Files.readString(dir.resolve("journal.tsv"))).contains("SALE\t0001\t000001\t1234");
    }

    @Test
    void aDeclinedSaleExitsOneAndTheJournalSurvivesTheSimulatorsRestart() throws Exception {
        Path journal = dir.resolve("journal.tsv");
        Running first = startSim("--port", socat.devicePath(), "--journal", journal.toString());
        assertThat(run("diag", "payment-terminal", "--port", socat.hostPath(), "--test", "sale", "--amount", "700")
                        .exit())
                .isZero();
        console.type("quit");
        assertThat(first.exit().get(10, TimeUnit.SECONDS)).isZero();

        Running again =
                startSim("--port", socat.devicePath(), "--journal", journal.toString(), "--fault-once", "declined");
        assertThat(again.out().toString())
                .contains("journal " + journal + " (1 transaction(s) today), faults [declined].");

        Run declined = run(
                "diag", "payment-terminal", "--port", socat.hostPath(), "--test", "sale", "--amount", "800", "--json");

        assertThat(declined.exit()).as(declined.all()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(declined.out());
        assertThat(doc.get("result").asText()).isEqualTo("declined");
        assertThat(doc.get("resultCode").asText()).isEqualTo("05");
        assertThat(doc.get("receiptNumber").asText()).isEmpty();
        console.type("journal");
        Await.until(() -> again.out().toString().contains("journal: 1 transaction(s) today"), SAFETY, "the journal");
        assertThat(again.out().toString()).contains("0001 sale trace 000001 700 fen 622202******1234");
    }

    @Test
    void aSaleOverTcp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Running sim = startSim("--tcp", Integer.toString(port));
        assertThat(sim.out().toString()).contains("Terminal on tcp port " + port + " (bare APDUs)");

        Run sale = run(
                "diag", "payment-terminal", "--tcp", "127.0.0.1:" + port, "--test", "sale", "--amount", "1", "--json");

        assertThat(sale.exit()).as(sale.all()).isZero();
        JsonNode doc = new ObjectMapper().readTree(sale.out());
        assertThat(doc.get("tcp").asText()).isEqualTo("127.0.0.1:" + port);
        assertThat(doc.get("result").asText()).isEqualTo("approved");
        assertThat(doc.get("amountFen").asLong()).isEqualTo(1);
        assertThat(doc.get("maskedCardNumber").asText()).isEqualTo("622202******1234");
        assertThat(doc.get("resends").asLong()).isZero();
    }

    @Test
    void aPortThatDoesNotExistExitsOneWithTheDriversError() {
        Run status = run(
                "diag",
                "payment-terminal",
                "--port",
                dir.resolve("no-such-port").toString());

        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.err()).contains("FAILED NO_HARDWARE/LINK_NOT_FOUND").contains("no such port");
    }

    @Test
    void badArgumentsExitTwo() {
        String host = socat.hostPath();
        Run noAmount = run("diag", "payment-terminal", "--port", host, "--test", "sale");
        assertThat(noAmount.exit()).isEqualTo(2);
        assertThat(noAmount.err()).contains("--test sale needs --amount FEN");
        assertThat(run("diag", "payment-terminal", "--port", host, "--test", "refund")
                        .exit())
                .isEqualTo(2);
        Run protocol = run("diag", "payment-terminal", "--port", host, "--protocol", "opi");
        assertThat(protocol.exit()).isEqualTo(2);
        assertThat(protocol.err()).contains("--protocol: the only protocol is zvt, not \"opi\"");
        assertThat(run("diag", "payment-terminal", "--port", host, "--test", "sale", "--amount", "0")
                        .exit())
                .isEqualTo(2);
        assertThat(run("diag", "payment-terminal").exit()).as("--port or --tcp").isEqualTo(2);
        assertThat(run("diag", "payment-terminal", "--port", host, "--tcp", "127.0.0.1:20007")
                        .exit())
                .as("not both")
                .isEqualTo(2);
        Run fault = run("sim", "payment-terminal", "--port", socat.devicePath(), "--fault", "flaky");
        assertThat(fault.exit()).isEqualTo(2);
        assertThat(fault.err())
                .contains("a fault, one of [declined, bad-crc, lost-ack, duplicate-frame, slow, "
                        + "lose-answer, busy, offline, reversal-impossible], not \"flaky\"");
    }
}
