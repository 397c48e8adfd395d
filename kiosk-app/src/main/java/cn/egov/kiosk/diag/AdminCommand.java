package cn.egov.kiosk.diag;

import cn.egov.kiosk.admin.AdminAudit;
import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.admin.PinHasher;
import cn.egov.kiosk.admin.PinRules;
import cn.egov.kiosk.admin.Role;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.store.AdminRepository;
import cn.egov.kiosk.store.AuditRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk admin}: the admin side from a shell. {@code kiosk admin set-pin ROLE} sets the PIN of
 * {@code staff} or {@code engineer}: typed twice without echo on a terminal, or read as two lines
 * from stdin when stdin is not a terminal (scripts, tests). Works beside a running kiosk (SQLite in
 * WAL mode: the pad checks the new hash at its next entry). Audited like a change on the screen.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "The kiosk's admin side from a shell: set a role's PIN.",
        subcommands = AdminCommand.SetPin.class)
public final class AdminCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code kiosk admin set-pin ROLE [--config F]}. */
    @Command(
            name = "set-pin",
            mixinStandardHelpOptions = true,
            description = {
                "Sets the PIN of a role (staff or engineer): 6 to 8 digits, not one digit repeated, not a",
                "straight run (123456, 654321), not the other role's. Asked twice, without echo; read from",
                "stdin (two lines) when stdin is not a terminal. Only its salted hash is stored.",
                "Exit 0 set, 1 refused (the two entries differ, or the PIN breaks a rule), 2 bad arguments",
                "or configuration."
            })
    static final class SetPin implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ROLE", description = "staff or engineer")
        String role;

        @Option(names = "--config", paramLabel = "FILE", description = "The kiosk's configuration (default: demo).")
        Path config;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Role> which = Role.parse(role);
            if (which.isEmpty()) {
                err.println("admin set-pin: the role is staff or engineer, not " + role);
                err.flush();
                return 2;
            }
            Optional<KioskConfig> found = Subcommands.loadConfig(
                    spec, config != null ? config : Subcommands.configFile(spec.parent(), null), err);
            if (found.isEmpty()) {
                return 2;
            }
            KioskConfig loaded = found.get();
            char[] first = null;
            char[] second = null;
            try {
                Console console = System.console();
                String name = which.get() == Role.STAFF ? "staff (工作人员)" : "engineer (工程师)";
                if (console != null) {
                    first = console.readPassword("New PIN for %s, 6 to 8 digits / 新密码: ", name);
                    second = console.readPassword("The same PIN again / 再输一次: ");
                } else {
                    first = line(System.in);
                    second = line(System.in);
                }
                if (first == null || second == null) {
                    err.println("admin set-pin: the PIN must be given twice (two lines on stdin)");
                    err.flush();
                    return 1;
                }
                if (!Arrays.equals(first, second)) {
                    err.println("admin set-pin: the two entries differ; nothing was changed");
                    err.flush();
                    return 1;
                }
                Optional<PinRules.Problem> broken = PinRules.check(CharBuffer.wrap(first));
                if (broken.isPresent()) {
                    err.println("admin set-pin: refused: " + words(broken.get()) + "; nothing was changed");
                    err.flush();
                    return 1;
                }
                try (Database db = Database.open(loaded.storage().database())) {
                    AdminGate gate = new AdminGate(
                            new AdminRepository(db),
                            new PinHasher(),
                            audit(loaded, db),
                            Clock.systemUTC(),
                            loaded.storage().dataDir());
                    char[] pin = first;
                    first = null; // the gate clears it
                    Optional<AdminGate.Refusal> refused = gate.setPin(which.get(), pin, "shell");
                    if (refused.isPresent()) {
                        err.println(
                                "admin set-pin: refused: " + words(refused.get().problem()) + "; nothing was changed");
                        err.flush();
                        return 1;
                    }
                    out.println("admin set-pin: the " + which.get().name().toLowerCase(Locale.ROOT)
                            + " PIN is set (stored as a salted hash)"
                            + (gate.pinsSet() ? "" : "; the other role has no PIN yet"));
                    out.flush();
                    return 0;
                }
            } finally {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
    }

    /** The audit trail through the outbox when the kiosk has a platform; the log alone otherwise. */
    static AdminAudit audit(KioskConfig config, Database db) {
        if (config.platform().isEmpty()) {
            return AdminAudit.LOG_ONLY;
        }
        AuditRepository audit = new AuditRepository(
                new OutboxRepository(db, SealedBox.open(config.platform().get().keyFile()), Clock.systemUTC()));
        return audit::record;
    }

    static String words(PinRules.Problem p) {
        switch (p) {
            case LENGTH:
                return "a PIN has 6 to 8 digits";
            case NOT_DIGITS:
                return "a PIN has digits only";
            case ALL_SAME:
                return "one digit repeated is too easy to guess";
            case STRAIGHT_RUN:
                return "a straight run (123456, 654321) is too easy to guess";
            case SAME_AS_OTHER_ROLE:
                return "that is the other role's PIN";
        }
        throw new IllegalArgumentException(p.name());
    }

    /**
     * One line of stdin as characters (digits are ASCII), read byte by byte into a small array that
     * is overwritten afterwards: no buffer keeps what follows, nor a String the PIN. A line longer
     * than the array is cut (and then refused for its length); null at the end of the input.
     */
    private static char[] line(InputStream in) {
        byte[] buf = new byte[LINE_MAX];
        int n = 0;
        boolean any = false;
        try {
            int b;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (b != '\r' && n < buf.length) {
                    buf[n++] = (byte) b;
                }
            }
            if (!any) {
                return null;
            }
            char[] line = new char[n];
            for (int i = 0; i < n; i++) {
                line[i] = (char) (buf[i] & 0xff);
            }
            return line;
        } catch (IOException e) {
            return null;
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    private static final int LINE_MAX = 32;
}
