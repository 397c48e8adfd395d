package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.egov.kiosk.admin.AdminAudit;
import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.admin.PinHasher;
import cn.egov.kiosk.admin.Role;
import cn.egov.kiosk.app.Main;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.e2e.TestConfigs;
import cn.egov.kiosk.store.AdminRepository;
import cn.egov.kiosk.store.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code kiosk admin set-pin ROLE}: the PIN read twice from stdin (not a terminal), its hash stored. */
class AdminCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private int run(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private boolean matches(KioskConfig config, Role role, String pin) {
        try (Database db = Database.open(config.storage().database())) {
            AdminGate gate = new AdminGate(
                    new AdminRepository(db),
                    new PinHasher(),
                    AdminAudit.NONE,
                    Clock.systemUTC(),
                    config.storage().dataDir());
            return gate.attempt(pin.toCharArray()).role().filter(role::equals).isPresent();
        }
    }

    @Test
    void setsTheRolesPinFromTwoLinesOfStdin() throws Exception {
        KioskConfig config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        String file = dir.resolve("kiosk.yaml").toString();

        int exit = run("80571234\n80571234\n", "admin", "set-pin", "staff", "--config", file);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("the staff PIN is set").doesNotContain("80571234");
        assertThat(matches(config, Role.STAFF, "80571234")).isTrue();
        try (Database db = Database.open(config.storage().database())) {
            AdminRepository r = new AdminRepository(db);
            assertThat(r.pinHash(Role.STAFF).orElseThrow())
                    .startsWith("pbkdf2-sha256$600000$")
                    .doesNotContain("80571234");
            assertThat(r.setBy(Role.STAFF).orElseThrow()).endsWith("(shell)");
        }
        // the kiosk's log never has the PIN
        try (var logs = Files.walk(config.storage().dataDir())) {
            for (Path p : logs.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".log"))
                    .toList()) {
                assertThat(Files.readString(p)).doesNotContain("80571234");
            }
        }
    }

    @Test
    void twoDifferentEntriesATrivialPinOrAnUnknownRoleChangeNothing() {
        KioskConfig config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        String file = dir.resolve("kiosk.yaml").toString();

        assertThat(run("80571234\n80571235\n", "admin", "set-pin", "engineer", "--config", file))
                .isEqualTo(1);
        assertThat(err.toString()).contains("the two entries differ");
        assertThat(run("123456\n123456\n", "admin", "set-pin", "engineer", "--config", file))
                .isEqualTo(1);
        assertThat(err.toString()).contains("straight run");
        assertThat(run("80571234\n", "admin", "set-pin", "engineer", "--config", file))
                .isEqualTo(1);
        assertThat(err.toString()).contains("twice");
        assertThat(run("80571234\n80571234\n", "admin", "set-pin", "cashier", "--config", file))
                .isEqualTo(2);
        assertThat(err.toString()).contains("staff or engineer");
        try (Database db = Database.open(config.storage().database())) {
            assertThat(new AdminRepository(db).pinHash(Role.ENGINEER)).isEmpty();
        }
        assertThat(err.toString()).doesNotContain("80571234").doesNotContain("123456\n");
    }

    @Test
    void theOtherRolesPinIsRefused() {
        KioskConfig config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        String file = dir.resolve("kiosk.yaml").toString();
        assertThat(run("80571234\n80571234\n", "admin", "set-pin", "staff", "--config", file))
                .isZero();

        assertThat(run("80571234\r\n80571234\r\n", "admin", "set-pin", "ENGINEER", "--config", file))
                .isEqualTo(1);
        assertThat(err.toString()).contains("the other role's PIN");
        assertThat(matches(config, Role.ENGINEER, "80571234")).isFalse();
    }

    @Test
    void withoutAPlatformAPinSetFromTheShellIsStillLogged() {
        KioskConfig config = TestConfigs.write(dir, TestConfigs.SIM_DEVICES);
        assertThat(config.platform()).isEmpty();
        Logger logger = (Logger) LoggerFactory.getLogger(AdminAudit.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (Database db = Database.open(config.storage().database())) {
            AdminAudit audit = AdminCommand.audit(config, db);
            assertThat(audit).isSameAs(AdminAudit.LOG_ONLY);
            AdminGate gate = new AdminGate(
                    new AdminRepository(db),
                    new PinHasher(1_000),
                    audit,
                    Clock.systemUTC(),
                    config.storage().dataDir());
            assertThat(gate.setPin(Role.STAFF, "80571234".toCharArray(), "shell"))
                    .isEmpty();
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(l -> assertThat(l).contains("admin.pin-change", "STAFF", "from=shell"))
                .noneMatch(l -> l.contains("80571234"));
    }
}
