package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk sim id-reader} and {@code kiosk diag id-reader} against each other over a real
 * pseudo-terminal pair (socat + jSerialComm), as an engineer checks a kiosk's wiring: the real SAM
 * driver on one end, the virtual reader with the cards of a JSON file on the other. The simulator's
 * console is fed by the test (never the JVM's own standard input) and told to quit at the end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IdReaderCommandsTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);
    private static final Path DEMO_CARDS =
            Path.of("..", "config", "cards", "demo-cards.json").toAbsolutePath().normalize();
    /** What must never be printed: the resident card's full name, number and addresses. */
    private static final List<String> PERSONAL = List.of(
            "王小明",
            "11010519491231002X",
            "示例大街",
            "演示胡同",
            "陈大文",
            "810000199203050043",
            "SAMPLE MARIA ELENA",
            "ESP310085061501");

    @TempDir
    Path dir;

    private PtyPair socat;
    private InputStream originalIn;
    private final List<Sim> sims = new ArrayList<>();
    private final ExecutorService simThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-sim-id-reader");
        t.setDaemon(true);
        return t;
    });

    /** A console the test types into: blocks like a terminal until a line or the end comes. */
    static final class Console extends InputStream {
        private static final int END = -1;
        private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
        private volatile boolean ended;

        void type(String line) {
            for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b & 0xFF);
            }
        }

        void end() {
            bytes.add(END);
        }

        @Override
        public int read() {
            if (ended) {
                return END;
            }
            try {
                int b = bytes.take();
                if (b == END) {
                    ended = true;
                }
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return END;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first == END) {
                return END;
            }
            buffer[offset] = (byte) first;
            int n = 1;
            Integer next;
            while (n < length && (next = bytes.peek()) != null && next != END) {
                buffer[offset + n++] = (byte) bytes.poll().intValue();
            }
            return n;
        }

        @Override
        public int available() {
            return bytes.size();
        }
    }

    /** One run of a command: exit code, standard output, standard error. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    /** A simulator playing on the device end, in the background. */
    final class Sim {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Console console = new Console();
        CompletableFuture<Integer> exit;

        /** Quits it through its console, and returns its exit code. */
        int quit() throws Exception {
            console.type("quit");
            int code = exit.get(SAFETY.toMillis(), TimeUnit.MILLISECONDS);
            console.end();
            return code;
        }
    }

    @BeforeEach
    void cable() throws Exception {
        originalIn = System.in;
        socat = PtyPair.start(dir.resolve("pty"));
    }

    @AfterEach
    void unplug() {
        for (Sim sim : sims) {
            if (!sim.exit.isDone()) {
                sim.console.type("quit");
                sim.exit
                        .completeOnTimeout(-1, SAFETY.toMillis(), TimeUnit.MILLISECONDS)
                        .join();
            }
            sim.console.end();
        }
        simThreads.shutdownNow();
        System.setIn(originalIn);
        socat.close();
    }

    /** Runs a command of the kiosk's command line (also for the other commands' tests of this package). */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Starts {@code sim id-reader} on the device end with the demo cards, quick turns, and {@code extra} options. */
    private Sim startSim(Path cards, String... extra) {
        Sim sim = new Sim();
        System.setIn(sim.console); // the simulator's console reads this, never the JVM's standard input
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(sim.out));
        cl.setErr(new PrintWriter(sim.err));
        String[] args = Stream.concat(
                        Stream.of(
                                "sim",
                                "id-reader",
                                "--port",
                                socat.devicePath(),
                                "--card",
                                cards.toString(),
                                "--for",
                                "20",
                                "--lift-after",
                                "0.5",
                                "--next-after",
                                "0.5"),
                        Stream.of(extra))
                .toArray(String[]::new);
        sim.exit = CompletableFuture.supplyAsync(() -> cl.execute(args), simThreads);
        sims.add(sim);
        Await.until(
                () -> sim.out.toString().contains("Reader on ") || sim.exit.isDone(),
                SAFETY,
                "the simulator to start (out: " + sim.out + ", err: " + sim.err + ")");
        assertThat(sim.exit).as("the simulator still running; err: " + sim.err).isNotDone();
        return sim;
    }

    private Sim startSim(String... extra) {
        return startSim(DEMO_CARDS, extra);
    }

    private Run diag(String... extra) {
        return run(Stream.concat(
                        Stream.of("diag", "id-reader", "--port", socat.hostPath(), "--wait", "5"), Stream.of(extra))
                .toArray(String[]::new));
    }

    private static void assertNothingPersonal(String text) {
        for (String personal : PERSONAL) {
            assertThat(text).as("printed text").doesNotContain(personal);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------

    @Test
    void diagReadsTheSimulatedCardAndShowsItMaskedOnly() throws Exception {
        Sim sim = startSim();

        Run read = diag();

        assertThat(read.exit()).as(read.all()).isZero();
        assertThat(read.out())
                .contains("Reader on " + socat.hostPath() + " (SAM 05.01-20101220-0012345678-1234567890)")
                .containsPattern("Card:\\s+RESIDENT")
                .containsPattern("Name:\\s+王\\*明")
                .containsPattern("Number:\\s+110105\\*{8}002X")
                .containsPattern("Valid:\\s+2016-01-01 to 长期\n")
                .containsPattern("Exchanged: \\d{4,} bytes in \\d+ ms");
        assertThat(read.err()).isEmpty();
        assertNothingPersonal(read.all());

        assertThat(sim.quit()).isZero();
        assertThat(sim.out.toString())
                .contains("placed RESIDENT")
                .contains("read RESIDENT")
                .contains("Stopped.");
        assertThat(sim.err.toString()).isEmpty();
        assertNothingPersonal(sim.out.toString());
    }

    @Test
    void diagAsJsonGivesOneDocument() throws Exception {
        startSim();

        Run read = diag("--json");

        assertThat(read.exit()).as(read.all()).isZero();
        JsonNode doc = new ObjectMapper().readTree(read.out());
        assertThat(doc.get("result").asText()).isEqualTo("read");
        assertThat(doc.get("type").asText()).isEqualTo("RESIDENT");
        assertThat(doc.get("name").asText()).isEqualTo("王*明");
        assertThat(doc.get("number").asText()).isEqualTo("110105********002X");
        assertThat(doc.get("validFrom").asText()).isEqualTo("2016-01-01");
        assertThat(doc.get("validUntil").asText()).isEqualTo("长期");
        assertThat(doc.get("expired").asBoolean()).isFalse();
        assertThat(doc.get("port").asText()).isEqualTo(socat.hostPath());
        assertThat(doc.get("sam").asText()).isEqualTo("05.01-20101220-0012345678-1234567890");
        assertThat(doc.get("bytes").asLong()).isGreaterThan(1000); // the 1,024-byte photo went over the line
        assertThat(doc.has("ms")).isTrue();
        assertNothingPersonal(read.all());
    }

    @Test
    void theCardsOfTheFileComeInTurn() throws Exception {
        Sim sim = startSim();

        List<String> types = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Run read = diag("--json");
            assertThat(read.exit()).as("read " + (i + 1) + ": " + read.all()).isZero();
            types.add(new ObjectMapper().readTree(read.out()).get("type").asText());
            assertNothingPersonal(read.all());
        }

        assertThat(types).containsExactly("RESIDENT", "FOREIGN_PERMANENT_RESIDENT", "HK_MACAO_TAIWAN_RESIDENT");
        assertThat(sim.quit()).isZero();
        assertNothingPersonal(sim.out.toString());
    }

    @Test
    void aCardFileOfOneCardIsPlayedAgainAndAgain() throws Exception {
        Path one = dir.resolve("one.json");
        Files.writeString(one, """
        {"type": "foreign-2023", "englishName": "DEMO JOHN", "sex": "male", "birthDate": "1990-07-20",
         "number": "931100199007200116", "nationality": "840", "validFrom": "2024-01-10", "validUntil": "2034-01-10"}
        """);
        assertThat(CardFiles.read(one).get(0).number())
                .as("the test's own card valid")
                .isEqualTo("931100199007200116");
        startSim(one);

        for (int i = 0; i < 2; i++) {
            Run read = diag("--json");
            assertThat(read.exit()).as(read.all()).isZero();
            JsonNode doc = new ObjectMapper().readTree(read.out());
            assertThat(doc.get("type").asText()).isEqualTo("FOREIGN_PERMANENT_RESIDENT_2023");
            assertThat(doc.get("name").asText()).isEqualTo("D*******N");
            assertThat(read.out()).doesNotContain("DEMO JOHN").doesNotContain("931100199007200116");
        }
    }

    @Test
    void anExpiredCardIsReadAndMarkedExpired() throws Exception {
        Path expired = dir.resolve("expired.json");
        Files.writeString(
                expired,
                Files.readString(DEMO_CARDS).replace("\"validUntil\": \"长期\"", "\"validUntil\": \"2020-05-01\""));
        startSim(expired);

        Run read = diag();

        assertThat(read.exit()).as("the reader works: " + read.all()).isZero();
        assertThat(read.out()).containsPattern("Valid:\\s+2016-01-01 to 2020-05-01 \\(EXPIRED\\)");
        assertNothingPersonal(read.all());
    }

    // ---- faults ----------------------------------------------------------------------------------

    @Test
    void aFailedSamIsAHardwareErrorWithItsStatus() {
        startSim("--fault", "sam-failure");

        Run read = diag();

        assertThat(read.exit()).as(read.all()).isEqualTo(1);
        assertThat(read.err()).contains("FAILED HARDWARE_ERROR/SW3_60").contains("Exchanged:");
        assertThat(read.out()).doesNotContain("Card:");

        Run json = diag("--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode doc = readJson(json.out());
        assertThat(doc.get("result").asText()).isEqualTo("error");
        assertThat(doc.get("code").asText()).isEqualTo("HARDWARE_ERROR");
        assertThat(doc.get("extendedCode").asText()).isEqualTo("SW3_60");
        assertThat(doc.has("type")).isFalse();
    }

    @Test
    void aBrokenAnswerOnceIsAskedForAgainAndTheCardIsRead() {
        startSim("--fault-once", "bad-checksum", "--fault-once", "garbage");

        Run read = diag("--json");

        assertThat(read.exit()).as(read.all()).isZero();
        assertThat(readJson(read.out()).get("type").asText()).isEqualTo("RESIDENT");
    }

    @Test
    void aTruncatedAnswerOnceFailsOneReadOnly() {
        startSim("--fault-once", "truncated");

        Run first = diag("--json");
        assertThat(first.exit()).as(first.all()).isEqualTo(1);
        assertThat(readJson(first.out()).get("extendedCode").asText()).isEqualTo("TRUNCATED_FRAME");

        Run second = diag("--json");
        assertThat(second.exit())
                .as("the fault was for one answer: " + second.all())
                .isZero();
    }

    @Test
    void aSamFailingOnceIsResetAtOpenAndTheCardIsRead() {
        startSim("--fault-once", "sam-failure");

        Run first = diag("--json");
        assertThat(first.exit())
                .as("the driver resets a SAM that reports a fault: " + first.all())
                .isZero();
        assertThat(readJson(first.out()).get("type").asText()).isEqualTo("RESIDENT");
    }

    @Test
    void aFaultTypedAtTheConsoleAndClearedAgain() throws Exception {
        Sim sim = startSim();
        sim.console.type("fault sam-failure");
        Await.until(
                () -> sim.out.toString().contains("fault sam-failure on every answer"),
                SAFETY,
                "the console's answer (" + sim.out + ")");

        Run failed = diag("--json");
        assertThat(failed.exit()).as(failed.all()).isEqualTo(1);
        assertThat(readJson(failed.out()).get("extendedCode").asText()).isEqualTo("SW3_60");

        sim.console.type("clear sam-failure");
        Await.until(
                () -> sim.out.toString().contains("cleared sam-failure"),
                SAFETY,
                "the console's answer (" + sim.out + ")");
        Run read = diag("--json");
        assertThat(read.exit()).as(read.all()).isZero();
        assertThat(readJson(read.out()).get("type").asText()).isEqualTo("RESIDENT");

        sim.console.type("fault melting");
        Await.until(
                () -> sim.out.toString().contains("ERROR unknown fault"),
                SAFETY,
                "the console's answer (" + sim.out + ")");
        assertThat(sim.exit).as("a typo does not stop the simulator").isNotDone();
    }

    @Test
    void noReaderOnThePortIsNoHardware() {
        // socat runs, nothing plays the reader on the other end
        Run read = diag();

        assertThat(read.exit()).as(read.all()).isEqualTo(1);
        assertThat(read.err()).contains("FAILED NO_HARDWARE").contains(socat.hostPath());
        assertThat(read.out()).doesNotContain("Card:");
    }

    @Test
    void aPortThatDoesNotExistIsNoHardware() {
        Run read =
                run("diag", "id-reader", "--port", dir.resolve("no-such-port").toString(), "--wait", "1", "--json");

        assertThat(read.exit()).as(read.all()).isEqualTo(1);
        JsonNode doc = readJson(read.out());
        assertThat(doc.get("result").asText()).isEqualTo("error");
        assertThat(doc.get("code").asText()).isEqualTo("NO_HARDWARE");
        assertThat(doc.get("message").asText()).contains("no-such-port");
    }

    @Test
    void noCardWithinTheWaitIsATimeout() {
        startSim("--manual"); // plays no card on its own

        Run read = run("diag", "id-reader", "--port", socat.hostPath(), "--wait", "1", "--json");

        assertThat(read.exit()).as(read.all()).isEqualTo(1);
        JsonNode doc = readJson(read.out());
        assertThat(doc.get("code").asText()).isEqualTo("TIMEOUT");
        assertThat(doc.get("extendedCode").asText()).isEqualTo("NO_CARD");
    }

    // ---- bad arguments ---------------------------------------------------------------------------

    @Test
    void diagRefusesBadArgumentsWithExitTwo() {
        Run test = diag("--test", "write");
        assertThat(test.exit()).isEqualTo(2);
        assertThat(test.err()).contains("--test").contains("write");

        Run baud = diag("--baud", "5");
        assertThat(baud.exit()).isEqualTo(2);
        assertThat(baud.err()).contains("--baud");

        Run wait = run("diag", "id-reader", "--port", socat.hostPath(), "--wait", "0");
        assertThat(wait.exit()).isEqualTo(2);
        assertThat(wait.err()).contains("--wait");

        Run noPort = run("diag", "id-reader");
        assertThat(noPort.exit()).isEqualTo(2);
        assertThat(noPort.err()).contains("--port");

        assertThat(String.join("", test.out(), baud.out(), wait.out()))
                .as("nothing read")
                .isEmpty();
    }

    @Test
    void simRefusesACardFileWithAMistakeNamingTheFileAndFieldButNotTheValue() throws Exception {
        Path bad = dir.resolve("bad-cards.json");
        String mistyped = "110105194912310021"; // the check digit is wrong
        Files.writeString(
                bad,
                Files.readString(DEMO_CARDS)
                        .replace("\"idNumber\": \"11010519491231002X\"", "\"idNumber\": \"" + mistyped + "\""));
        assertThat(Files.readString(bad)).contains(mistyped);

        Run sim = run("sim", "id-reader", "--port", socat.devicePath(), "--card", bad.toString(), "--for", "5");

        assertThat(sim.exit()).isEqualTo(2);
        assertThat(sim.err())
                .contains(bad.toString())
                .contains("card 1")
                .contains("idNumber")
                .contains("check digit");
        assertThat(sim.all()).doesNotContain(mistyped).doesNotContain("王小明");
        assertThat(sim.out()).doesNotContain("Reader on");
    }

    @Test
    void simNamesTheCardAndFieldOfEachKindOfMistake() throws Exception {
        record Case(String json, String... expected) {}
        for (Case c : new Case[] {
            new Case("[{\"type\": \"resident\"}]", "card 1", "name", "expected a text"),
            new Case(
                    "{\"type\": \"passport\", \"name\": \"张三\"}",
                    "card 1",
                    "type",
                    "resident, foreign-2017, foreign-2023 or permit"),
            new Case(
                    Files.readString(DEMO_CARDS)
                            .replace("\"birthDate\": \"1992-03-05\"", "\"birthDate\": \"05.03.1992\""),
                    "card 3",
                    "birthDate",
                    "a date"),
            new Case(
                    Files.readString(DEMO_CARDS).replace("\"sex\": \"female\"", "\"sex\": \"x\""),
                    "card 2",
                    "sex",
                    "male or female"),
            new Case("[]", "expected at least one card"),
            new Case("[{\"type\": ", "not valid JSON")
        }) {
            Path file = dir.resolve("cards.json");
            Files.writeString(file, c.json());

            Run sim = run("sim", "id-reader", "--port", socat.devicePath(), "--card", file.toString());

            assertThat(sim.exit()).as(c.json()).isEqualTo(2);
            assertThat(sim.err()).as(c.json()).contains(file.toString()).contains(c.expected());
            assertThat(sim.all()).doesNotContain("05.03.1992").doesNotContain("张三");
        }

        Run missing = run(
                "sim",
                "id-reader",
                "--port",
                socat.devicePath(),
                "--card",
                dir.resolve("none.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json").contains("cannot be read");
    }

    @Test
    void simRefusesBadOptionsWithExitTwoAndAPortItCannotOpenWithOne() {
        Run fault = run(
                "sim",
                "id-reader",
                "--port",
                socat.devicePath(),
                "--card",
                DEMO_CARDS.toString(),
                "--fault",
                "melting");
        assertThat(fault.exit()).isEqualTo(2);
        assertThat(fault.err()).contains("unknown fault \"melting\"");

        Run baud =
                run("sim", "id-reader", "--port", socat.devicePath(), "--card", DEMO_CARDS.toString(), "--baud", "5");
        assertThat(baud.exit()).isEqualTo(2);
        assertThat(baud.err()).contains("--baud");

        Run negative = run(
                "sim",
                "id-reader",
                "--port",
                socat.devicePath(),
                "--card",
                DEMO_CARDS.toString(),
                "--lift-after",
                "-1");
        assertThat(negative.exit()).isEqualTo(2);

        Run noPort = run(
                "sim",
                "id-reader",
                "--port",
                dir.resolve("no-such-port").toString(),
                "--card",
                DEMO_CARDS.toString(),
                "--for",
                "5");
        assertThat(noPort.exit()).isEqualTo(1);
        assertThat(noPort.err()).contains("Cannot open").contains("no-such-port");
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
