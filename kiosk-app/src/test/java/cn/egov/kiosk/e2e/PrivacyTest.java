package cn.egov.kiosk.e2e;

import static cn.egov.kiosk.e2e.IdLoginRig.allTexts;
import static cn.egov.kiosk.e2e.IdLoginRig.await;
import static cn.egov.kiosk.e2e.IdLoginRig.shown;
import static cn.egov.kiosk.e2e.IdLoginRig.tap;
import static cn.egov.kiosk.e2e.IdLoginRig.text;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.sim.SimulatedIdCardReader;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.device.testkit.SamOnPty;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.ui.Screen;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Personal data stays in the citizen's session: a full login and ticket with every logger at
 * TRACE leaves no name, ID number or address in a log line, a file of the data folder, the SQLite
 * database or a new temporary file; and the end of a session, however it comes, drops the
 * identity, zeroes its photo and clears the login screen.
 */
@ExtendWith(ApplicationExtension.class)
class PrivacyTest {
    private static final String NAME = "王小明";
    private static final String NUMBER = "11010519491231002X";
    private static final String ADDRESS = "北京市东城区示例大街1号";
    private static final String APPENDED_ADDRESS = "北京市西城区演示胡同8号";
    private static final List<String> SECRETS = List.of(NAME, NUMBER, ADDRESS, APPENDED_ADDRESS);
    private static final List<Charset> ENCODINGS = PersonalDataScan.ENCODINGS;
    private static final PersonalDataScan SCAN = new PersonalDataScan(Map.of(
            NAME,
            "the full name",
            NUMBER,
            "the ID number",
            ADDRESS,
            "the card's address",
            APPENDED_ADDRESS,
            "the appended address"));
    private static final Duration SAFETY = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private Stage stage;
    private IdLoginRig kiosk;
    private SamOnPty line;
    private VirtualSamReader virtual;
    private LogCapture logs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (line != null) {
            line.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    // ---- nothing written ----------------------------------------------------------------------

    @Test
    void aFullLoginAndTicketAtTraceLeaveNoPersonalDataInLogsFilesTheDatabaseOrTempFiles(FxRobot robot)
            throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Set<Path> tmpBefore = regularFiles(tmp);
        Path run = dir.resolve("scan-" + System.nanoTime());
        Path dataDir = run.resolve("var");
        // as Main does: the log file in the data folder before the runtime starts (LogSetup's
        // own set-up steps aside while a logback-test.xml is on the class path)
        logs = LogCapture.start(dataDir.resolve("logs"));

        line = SamOnPty.start(run.resolve("pty"), "virtual-sam-pty");
        virtual = line.virtual();
        String devices = IdLoginRig.samIdReader(line.hostPath()) + IdLoginRig.SIM_TICKET_PRINTER;
        kiosk = IdLoginRig.start(robot, stage, IdLoginRig.config(run, "{readTimeoutSeconds: 30}", devices), clock);
        kiosk.awaitHealthy(2);

        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        await(() -> shown(robot, "#id-login-waiting"), SAFETY, "the login screen");
        virtual.place(DemoCards.resident());
        await(() -> shown(robot, "#id-login-done"), SAFETY, "the card read");
        Identity identity = kiosk.signedIn().orElseThrow();
        assertThat(identity.address()).contains(APPENDED_ADDRESS); // the appended address was read
        tap(robot, "#id-login-continue");
        tap(robot, "#type-A");
        await(() -> "A001".equals(text(robot, "#ticket-number")), SAFETY, "the ticket");
        List<String> printed = kiosk.printer().printed().lines();
        assertThat(printed).contains("证件号码：110105********002X");
        assertThat(String.join("\n", printed)).doesNotContain(SECRETS.toArray(String[]::new));
        tap(robot, "#ticket-finish");
        virtual.lift();
        assertThat(kiosk.runtime.sessions().current()).isEmpty();
        kiosk.close(); // devices save their statistics, the store closes: everything is on disk
        kiosk = null;

        List<String> lines = logs.lines();
        Path logFile = dataDir.resolve("logs").resolve("kiosk.log");
        // the scan can fail: there are lines, of every level down to DEBUG, in memory and in the file
        assertThat(lines).as("captured log lines").hasSizeGreaterThan(10);
        assertThat(lines).anyMatch(l -> l.contains("ID card login: RESIDENT read"));
        assertThat(lines).anyMatch(l -> l.contains(" DEBUG ") || l.contains(" TRACE "));
        assertThat(logFile).exists();
        assertThat(Files.readString(logFile)).contains("ID card login: RESIDENT read", "Queue number A001 printed");
        assertThat(Files.readAllBytes(logFile).length).isGreaterThan(1000);

        List<String> found = new ArrayList<>();
        for (String line : lines) {
            for (String secret : SECRETS) {
                if (line.contains(secret)) {
                    found.add("log line holds " + describe(secret) + ": " + mask(line));
                }
            }
        }
        Set<Path> scanned = new HashSet<>();
        for (Path file : regularFiles(run)) {
            found.addAll(scan(file));
            scanned.add(file);
        }
        Path db = dataDir.resolve("kiosk.db");
        assertThat(scanned).as("files of the data folder scanned").contains(db, logFile);
        assertThat(scanned.stream().filter(p -> p.startsWith(dataDir.resolve("device-stats"))))
                .isNotEmpty();
        found.addAll(scanDatabase(db));
        Set<Path> tmpNew = regularFiles(tmp);
        tmpNew.removeAll(tmpBefore);
        for (Path file : tmpNew) {
            if (!scanned.contains(file)) {
                found.addAll(scan(file));
            }
        }
        scanned.forEach(f -> System.out.println("[privacy] scanned " + run.relativize(f)));
        System.out.printf(
                "[privacy] scanned %d log lines, %d files of the run folder, %d new temp files: %d finding(s)%n",
                lines.size(), scanned.size(), tmpNew.size(), found.size());
        assertThat(found).as("personal data written somewhere").isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        // the checks above can fail: each way of writing the name is found, at an odd offset too
        for (Charset cs : ENCODINGS) {
            byte[] head = "x".getBytes(StandardCharsets.US_ASCII);
            byte[] name = NAME.getBytes(cs);
            byte[] bytes = new byte[head.length + name.length + 3];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(name, 0, bytes, head.length, name.length);
            assertThat(findings("test bytes", bytes)).as("the name in " + cs).isNotEmpty();
        }
        assertThat(findings("test bytes", ("card " + NUMBER).getBytes(StandardCharsets.UTF_16LE)))
                .isNotEmpty();
        assertThat(findings("test bytes", "nothing personal: 王*明 110105********002X".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    // ---- the end of a session -----------------------------------------------------------------

    @Test
    void exitEndsTheSessionAndWipesTheIdentity(FxRobot robot) {
        Login login = logIn(robot, false);
        tap(robot, "#id-login-continue");
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.TICKET);
        tap(robot, "#nav-exit");
        assertWiped(robot, login);
    }

    @Test
    void inactivityEndsTheSessionAndWipesTheIdentity(FxRobot robot) {
        Login login = logIn(robot, false);
        clock.advance(Duration.ofSeconds(60 + 20 + 1)); // no touch through the timeout and the warning
        robot.interact(() -> kiosk.runtime.sessions().tick());
        await(() -> kiosk.ui.navigator().current() == Screen.ATTRACT, SAFETY, "the session to time out");
        assertWiped(robot, login);
    }

    @Test
    void liftingTheCardEndsTheSessionAndWipesTheIdentityWhenConfigured(FxRobot robot) {
        Login login = logIn(robot, true);
        idReader().apply("remove-card", "");
        await(() -> kiosk.runtime.sessions().current().isEmpty(), SAFETY, "the session to end as the card is lifted");
        assertWiped(robot, login);
    }

    /** The session and identity of a login, and the login screen's labels that showed who. */
    private record Login(Session session, Identity identity, List<Labeled> labels) {}

    /** A kiosk on simulated devices (the SAM driver on a pipe), logged in with the resident card. */
    private Login logIn(FxRobot robot, boolean cardRemovalEndsSession) {
        String devices = IdLoginRig.SIM_ID_READER + IdLoginRig.SIM_TICKET_PRINTER;
        String identitySection = "{readTimeoutSeconds: 30, cardRemovalEndsSession: " + cardRemovalEndsSession + "}";
        kiosk = IdLoginRig.start(
                robot,
                stage,
                IdLoginRig.config(dir.resolve("session-" + System.nanoTime()), identitySection, devices),
                clock);
        kiosk.awaitHealthy(2);
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        await(() -> shown(robot, "#id-login-waiting"), SAFETY, "the login screen");
        idReader().place(DemoCards.resident());
        await(() -> shown(robot, "#id-login-done"), SAFETY, "the card read");

        assertThat(text(robot, "#id-login-name")).isEqualTo("王*明");
        assertThat(text(robot, "#id-login-number")).isEqualTo("110105********002X");
        Session session = kiosk.runtime.sessions().current().orElseThrow();
        Identity identity = session.get(Identity.SESSION_KEY).orElseThrow();
        assertThat(identity.photo())
                .as("the photo read from the card")
                .hasSize(1024)
                .containsAnyOf((byte) 7, (byte) 38);
        List<Labeled> labels = List.of("#id-login-name", "#id-login-number", "#id-login-document").stream()
                .map(q -> (Labeled) robot.lookup(q).query())
                .toList();
        return new Login(session, identity, labels);
    }

    private void assertWiped(FxRobot robot, Login login) {
        assertThat(kiosk.runtime.sessions().current()).isEmpty();
        assertThat(login.session().ended()).isTrue();
        assertThat(login.session().get(Identity.SESSION_KEY))
                .as("the ended session holds no identity")
                .isEmpty();
        assertThat(login.identity().photo()).as("the identity's photo bytes").containsOnly((byte) 0);
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.ATTRACT);
        // the login screen (built, no longer on screen) forgot who it showed
        for (Labeled label : login.labels()) {
            assertThat(IdLoginRig.onFx(label::getText))
                    .as("#" + label.getId() + " after the session")
                    .isEmpty();
        }
        assertThat(allTexts())
                .noneMatch(t -> t.contains("王*明") || t.contains("110105********002X") || t.contains(NAME));
    }

    private SimulatedIdCardReader idReader() {
        return kiosk.runtime
                .simulators()
                .find("id-reader", SimulatedIdCardReader.class)
                .orElseThrow();
    }

    // ---- scanning -----------------------------------------------------------------------------

    private static Set<Path> regularFiles(Path root) {
        return PersonalDataScan.regularFiles(root);
    }

    private static List<String> scan(Path file) {
        return SCAN.scan(file);
    }

    /** The database file as raw bytes, and decoded as UTF-8 and as UTF-16LE text (both alignments). */
    private static List<String> scanDatabase(Path db) throws IOException {
        byte[] bytes = Files.readAllBytes(db);
        assertThat(bytes.length).as("the database file").isGreaterThan(4096);
        List<String> found = new ArrayList<>(findings(db.toString(), bytes));
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        String utf16 = new String(bytes, StandardCharsets.UTF_16LE);
        String utf16Shifted = new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_16LE);
        for (String secret : SECRETS) {
            if (utf8.contains(secret) || utf16.contains(secret) || utf16Shifted.contains(secret)) {
                found.add(db + " decoded as text holds " + describe(secret));
            }
        }
        assertThat(utf8).as("the database decodes (the scan reads it)").contains("queue_ticket");
        return found;
    }

    private static List<String> findings(String where, byte[] bytes) {
        return SCAN.findings(where, bytes);
    }

    private static String describe(String secret) {
        return SCAN.describe(secret);
    }

    private static String mask(String line) {
        return SCAN.mask(line);
    }

    // ---- logging ------------------------------------------------------------------------------

    /**
     * Every logger at TRACE, into a list and into {@code <dataDir>/logs/kiosk.log} as {@code
     * LogSetup.useDirectory} writes it (same appender, policy and pattern); undone by {@link #close}.
     */
    static final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        private final Map<Logger, Level> levels = new HashMap<>();
        private PatternLayout layout;
        private RollingFileAppender<ILoggingEvent> file;
        private LoggerContext context;

        static LogCapture start(Path logDir) {
            LogCapture capture = new LogCapture();
            capture.attach(logDir);
            return capture;
        }

        private void attach(Path logDir) {
            context = (LoggerContext) LoggerFactory.getILoggerFactory();
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            for (Logger l : context.getLoggerList()) {
                levels.put(l, l.getLevel());
                if (l != root) {
                    l.setLevel(null); // inherit TRACE
                }
            }
            root.setLevel(Level.TRACE);

            layout = new PatternLayout();
            layout.setContext(context);
            layout.setPattern("%d{HH:mm:ss.SSS} [%thread] %-5level %logger - %msg %mdc%n%ex{full}");
            layout.start();
            setContext(context);
            setName("PRIVACY-CAPTURE");
            super.start();
            root.addAppender(this);

            String base = logDir.toAbsolutePath().toString();
            file = new RollingFileAppender<>();
            file.setContext(context);
            file.setName("PRIVACY-FILE");
            file.setFile(base + "/kiosk.log");
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
            policy.setContext(context);
            policy.setParent(file);
            policy.setFileNamePattern(base + "/kiosk.%d{yyyy-MM-dd}.%i.log.gz");
            policy.setMaxFileSize(FileSize.valueOf("20MB"));
            policy.setMaxHistory(30);
            policy.setTotalSizeCap(FileSize.valueOf("500MB"));
            policy.start();
            file.setRollingPolicy(policy);
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n");
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.start();
            file.setEncoder(encoder);
            file.start();
            root.addAppender(file);
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(layout.doLayout(event));
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.detachAppender(this);
            root.detachAppender(file);
            file.stop();
            stop();
            levels.forEach(Logger::setLevel);
        }
    }
}
