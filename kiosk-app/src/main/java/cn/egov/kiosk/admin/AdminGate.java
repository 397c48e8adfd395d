package cn.egov.kiosk.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.CharBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to the admin side, for the PIN pad and for {@code ./kiosk admin set-pin}. One pad for
 * both roles: an entry is checked against each role's hash (and, at a first start, the set-up
 * code's), and the one it matches decides who comes in. Wrong PINs count toward the {@link Lockout},
 * kept in the store. Every attempt (right or wrong, never its digits), lock-out, entry, exit, PIN
 * change and set-up step goes to the {@link AdminAudit}.
 *
 * <p>Every method blocks (hashes, the store, the audit): call it off the JavaFX thread. PINs come in
 * as {@code char[]}, which the gate overwrites before it returns.
 */
public final class AdminGate {
    private static final Logger log = LoggerFactory.getLogger(AdminGate.class);

    /** The set-up code's file in {@code storage.dataDir}, readable by the kiosk's user only. */
    public static final String SETUP_FILE = "admin-setup-code.txt";

    /** The demo's PINs (demo mode only, and only while none is set): published in the README. */
    public static final String DEMO_STAFF_PIN = "246810";

    public static final String DEMO_ENGINEER_PIN = "13572468";

    /** How long the set-up procedure stays open after the set-up code was entered. */
    static final Duration SETUP_WINDOW = Duration.ofMinutes(15);

    static final int SETUP_CODE_DIGITS = 8;

    /** What an entry on the pad did. */
    public enum Result {
        /** A role's PIN: {@link Attempt#role()} comes in. */
        ENTERED,
        /** The first start's set-up code: the set-up procedure may set both PINs. */
        SETUP,
        /** Wrong; the pad stays open ({@link Attempt#leftBeforeLock()} more before it shuts). */
        WRONG,
        /** Wrong, and the pad shuts for {@link Attempt#lockedFor()} now. */
        LOCKED_NOW,
        /** The pad is shut: the entry was not checked. */
        LOCKED
    }

    /** The outcome of one entry. */
    public record Attempt(Result result, Optional<Role> role, Duration lockedFor, int leftBeforeLock) {}

    /** Why a PIN was not set: whose, and what is wrong with it. */
    public record Refusal(Role role, PinRules.Problem problem) {}

    /** What a PIN change from the screen did. */
    public enum Change {
        DONE,
        /** The old PIN was wrong: counted toward the lock-out like a wrong PIN on the pad. */
        WRONG_OLD_PIN,
        /** The new PIN breaks a rule. */
        REFUSED,
        /**
         * The new PIN cannot be used (it is the other role's, which the screen must not confirm):
         * counted toward the lock-out like a wrong PIN.
         */
        UNUSABLE,
        /** The pad is shut (now, or by this change's wrong PIN): nothing was checked or changed. */
        LOCKED
    }

    /** What the first start found and did. */
    public enum FirstStart {
        /** Both PINs are set (or one: the other is set from the shell). */
        READY,
        /** Demo mode without PINs: the demo's PINs were set. */
        DEMO_PINS_SET,
        /** No PIN: a new set-up code is in its file. */
        SETUP_CODE_WRITTEN,
        /** No PIN, and the set-up code of an earlier start is still in its file. */
        SETUP_WAITING
    }

    private final AdminRecords records;
    private final PinHasher hasher;
    private final AdminAudit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Path setupFile;
    private Instant setupOpenUntil = Instant.MIN;
    /** The end of the lock whose refused entry was audited (one {@code refused-locked} per lock). */
    private Instant refusalAuditedFor = Instant.MIN;

    /** @param dataDir the kiosk's {@code storage.dataDir}, where the set-up code's file goes */
    private volatile Optional<Role> signedIn = Optional.empty();

    public AdminGate(AdminRecords records, PinHasher hasher, AdminAudit audit, Clock clock, Path dataDir) {
        this.records = records;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.setupFile = dataDir.resolve(SETUP_FILE);
    }

    // ---- the pad --------------------------------------------------------------------------------

    /**
     * Checks an entry on the pad (unless the pad is shut) against every role's PIN and the set-up
     * code, each hash computed whatever the others gave. Clears {@code entry}.
     */
    public synchronized Attempt attempt(char[] entry) {
        try {
            Instant now = clock.instant();
            AdminRecords.LockState state = lockState(now);
            if (now.isBefore(state.lockedUntil())) {
                Duration left = refuseLocked(now, state);
                return new Attempt(Result.LOCKED, Optional.empty(), left, 0);
            }
            // the wrong try is counted before the slow hashes: a kill meanwhile cannot lose it
            int wrong = state.wrongInARow() + 1;
            records.saveLockState(new AdminRecords.LockState(wrong, state.lockedUntil()));
            Optional<String> staffHash = records.pinHash(Role.STAFF);
            Optional<String> engineerHash = records.pinHash(Role.ENGINEER);
            Optional<String> setupHash = records.setupHash();
            boolean staff = matches(entry, staffHash);
            boolean engineer = matches(entry, engineerHash);
            boolean setup = matches(entry, setupHash);
            if (staff || engineer) {
                Role role = staff ? Role.STAFF : Role.ENGINEER;
                records.saveLockState(AdminRecords.LockState.NONE);
                String stored = (staff ? staffHash : engineerHash).orElseThrow();
                if (hasher.outdated(stored)) {
                    records.setPinHash(role, hasher.hash(entry), now, "rehash");
                    log.info("The {} PIN's hash was made again with {} iterations", role, hasher.iterations());
                }
                log.warn("Admin PIN accepted: {} comes in", role);
                record(now, "admin.attempt", role.name(), detail("result", "right", "role", role.name()));
                record(now, "admin.enter", role.name(), detail("role", role.name()));
                signedIn = Optional.of(role);
                return new Attempt(Result.ENTERED, Optional.of(role), Duration.ZERO, Lockout.ATTEMPTS);
            }
            if (setup) {
                records.saveLockState(AdminRecords.LockState.NONE);
                setupOpenUntil = now.plus(SETUP_WINDOW);
                log.warn("The set-up code was entered: the set-up procedure opens");
                record(now, "admin.attempt", AdminAudit.SYSTEM, detail("result", "right", "setupCode", true));
                record(now, "admin.setup", AdminAudit.SYSTEM, detail("step", "opened"));
                return new Attempt(Result.SETUP, Optional.empty(), Duration.ZERO, Lockout.ATTEMPTS);
            }
            Duration lock = wrongTry(now, wrong, AdminAudit.SYSTEM, "wrong");
            if (lock.isZero()) {
                return new Attempt(Result.WRONG, Optional.empty(), Duration.ZERO, Lockout.leftBeforeLock(wrong));
            }
            return new Attempt(Result.LOCKED_NOW, Optional.empty(), lock, 0);
        } finally {
            Arrays.fill(entry, '\0');
        }
    }

    /** An entry while the pad is shut: not checked; audited once per lock. Returns the time left. */
    private Duration refuseLocked(Instant now, AdminRecords.LockState state) {
        Duration left = Duration.between(now, state.lockedUntil());
        if (!state.lockedUntil().equals(refusalAuditedFor)) {
            refusalAuditedFor = state.lockedUntil();
            record(
                    now,
                    "admin.attempt",
                    AdminAudit.SYSTEM,
                    detail("result", "refused-locked", "secondsLeft", seconds(left)));
        }
        return left;
    }

    /**
     * A wrong try, the {@code wrong}-th in a row (its count already saved): the lock it brings, if
     * any, saved and audited. Returns the lock (zero for none).
     */
    private Duration wrongTry(Instant now, int wrong, String actor, String result) {
        Duration lock = Lockout.after(wrong);
        if (!lock.isZero()) {
            records.saveLockState(new AdminRecords.LockState(wrong, now.plus(lock)));
        }
        log.warn("Wrong admin PIN ({} in a row)", wrong);
        record(now, "admin.attempt", actor, detail("result", result, "wrongInARow", wrong));
        if (!lock.isZero()) {
            log.warn("The admin PIN pad is locked for {} s after {} wrong PINs in a row", lock.toSeconds(), wrong);
            record(now, "admin.lockout", AdminAudit.SYSTEM, detail("seconds", lock.toSeconds(), "wrongInARow", wrong));
        }
        return lock;
    }

    /**
     * The role signed in on the pad now, if any: the actor of what an admin panel's service does
     * (read on any thread).
     */
    public Optional<Role> signedIn() {
        return signedIn;
    }

    /** The actor of an admin panel's audit records: the role signed in, else {@code UNKNOWN}. */
    public String actor() {
        return signedIn.map(Role::name).orElse("UNKNOWN");
    }

    /** How long the pad stays shut from now (zero when it is open). */
    public synchronized Duration lockedFor() {
        Instant now = clock.instant();
        Instant until = lockState(now).lockedUntil();
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /**
     * The lock-out as kept, its end brought to at most {@link Lockout#LONGEST} from now (and kept so):
     * a clock set back after the lock began (a wrong time corrected) does not shut the pad for longer
     * than a lock can last.
     */
    private AdminRecords.LockState lockState(Instant now) {
        AdminRecords.LockState state = records.lockState();
        Instant latest = now.plus(Lockout.LONGEST);
        if (state.lockedUntil().isAfter(latest)) {
            log.warn(
                    "The PIN pad's lock ended later than a lock can last (the clock was set back?): it ends in {} s",
                    Lockout.LONGEST.toSeconds());
            state = new AdminRecords.LockState(state.wrongInARow(), latest);
            records.saveLockState(state);
        }
        return state;
    }

    /** A role left the admin side; {@code why}: {@code button}, {@code idle}, {@code session}, {@code program}. */
    public synchronized void exited(Role role, String why) {
        if (signedIn.equals(Optional.of(role))) {
            signedIn = Optional.empty();
        }
        log.info("{} left the admin side ({})", role, why);
        record(clock.instant(), "admin.exit", role.name(), detail("role", role.name(), "why", why));
    }

    // ---- PINs -----------------------------------------------------------------------------------

    /** Whether both roles have a PIN. */
    public synchronized boolean pinsSet() {
        return records.pinHash(Role.STAFF).isPresent()
                && records.pinHash(Role.ENGINEER).isPresent();
    }

    /**
     * Sets a role's PIN ({@code source}: {@code shell}, {@code screen}), if it follows the {@link
     * PinRules} and is not the other role's. Once both roles have one, a waiting set-up code is spent.
     * Clears {@code pin}.
     */
    public synchronized Optional<Refusal> setPin(Role role, char[] pin, String source) {
        try {
            Optional<Refusal> refused = refusal(role, pin);
            if (refused.isPresent()) {
                return refused;
            }
            Instant now = clock.instant();
            records.setPinHash(role, hasher.hash(pin), now, source);
            log.warn("The {} PIN was changed from the {}", role, source);
            record(
                    now,
                    "admin.pin-change",
                    "shell".equals(source) ? AdminAudit.SYSTEM : role.name(),
                    detail("role", role.name(), "from", source));
            if (pinsSet() && records.setupHash().isPresent()) {
                records.clearSetup();
                deleteSetupFile();
                record(now, "admin.setup", AdminAudit.SYSTEM, detail("step", "spent", "from", source));
            }
            return Optional.empty();
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * A logged-in role changes its own PIN from the screen: the old one first. A wrong old PIN, or a
     * new one that is the other role's, counts toward the lock-out like a wrong PIN on the pad (else
     * the screen would be a way to guess the other role's PIN); while the pad is shut nothing is
     * checked. Clears both arrays.
     */
    public synchronized Change changePin(Role role, char[] oldPin, char[] newPin) {
        try {
            Instant now = clock.instant();
            AdminRecords.LockState state = lockState(now);
            if (now.isBefore(state.lockedUntil())) {
                refuseLocked(now, state);
                return Change.LOCKED;
            }
            // counted before the slow hashes, as on the pad; put back if the change is no guess
            int wrong = state.wrongInARow() + 1;
            records.saveLockState(new AdminRecords.LockState(wrong, state.lockedUntil()));
            boolean right = matches(oldPin, records.pinHash(role));
            if (!right) {
                log.warn("A PIN change for {} gave a wrong old PIN", role);
                record(
                        now,
                        "admin.pin-change",
                        role.name(),
                        detail("role", role.name(), "from", "screen", "result", "wrong-old-pin"));
                Duration lock = wrongTry(now, wrong, role.name(), "wrong-old-pin");
                return lock.isZero() ? Change.WRONG_OLD_PIN : Change.LOCKED;
            }
            Optional<Refusal> refused = refusal(role, newPin);
            if (refused.isPresent() && refused.get().problem() == PinRules.Problem.SAME_AS_OTHER_ROLE) {
                log.warn("A PIN change for {} gave a new PIN that cannot be used", role);
                record(
                        now,
                        "admin.pin-change",
                        role.name(),
                        detail("role", role.name(), "from", "screen", "result", "unusable"));
                Duration lock = wrongTry(now, wrong, role.name(), "unusable-new-pin");
                return lock.isZero() ? Change.UNUSABLE : Change.LOCKED;
            }
            records.saveLockState(state);
            if (refused.isPresent()) {
                return Change.REFUSED;
            }
            return setPin(role, newPin, "screen").isPresent() ? Change.REFUSED : Change.DONE;
        } finally {
            Arrays.fill(oldPin, '\0');
            Arrays.fill(newPin, '\0');
        }
    }

    /** Why {@code pin} cannot be {@code role}'s, if it cannot: the rules, then the other role's PIN. */
    public synchronized Optional<Refusal> refusal(Role role, char[] pin) {
        Optional<PinRules.Problem> problem = PinRules.check(CharBuffer.wrap(pin));
        if (problem.isPresent()) {
            return Optional.of(new Refusal(role, problem.get()));
        }
        Role other = role == Role.STAFF ? Role.ENGINEER : Role.STAFF;
        if (matches(pin, records.pinHash(other))) {
            return Optional.of(new Refusal(role, PinRules.Problem.SAME_AS_OTHER_ROLE));
        }
        return Optional.empty();
    }

    // ---- the first start ------------------------------------------------------------------------

    /**
     * At start-up: with no PIN set, a demo kiosk gets the demo's PINs; any other gets a one-time
     * set-up code, kept only as a hash, written to {@link #SETUP_FILE} in {@code dataDir} (readable by
     * the kiosk's user only), whose path (never the code) is logged. A code whose file is gone is
     * replaced. With both PINs set, a code left over is spent.
     */
    public synchronized FirstStart prepare(boolean demo) {
        Path file = setupFile;
        Instant now = clock.instant();
        boolean staff = records.pinHash(Role.STAFF).isPresent();
        boolean engineer = records.pinHash(Role.ENGINEER).isPresent();
        if (staff || engineer) {
            if (staff && engineer && records.setupHash().isPresent()) {
                records.clearSetup();
            }
            if (staff && engineer) {
                deleteSetupFile();
            } else {
                log.warn(
                        "Only the {} PIN is set: set the other with ./kiosk admin set-pin {}",
                        staff ? Role.STAFF : Role.ENGINEER,
                        (staff ? Role.ENGINEER : Role.STAFF).name().toLowerCase(Locale.ROOT));
            }
            return FirstStart.READY;
        }
        if (demo) {
            char[] s = DEMO_STAFF_PIN.toCharArray();
            char[] e = DEMO_ENGINEER_PIN.toCharArray();
            records.completeSetup(hasher.hash(s), hasher.hash(e), now);
            Arrays.fill(s, '\0');
            Arrays.fill(e, '\0');
            log.warn(
                    "Demo mode: the demo's admin PINs are set (see the README); set real ones with ./kiosk admin set-pin");
            record(now, "admin.setup", AdminAudit.SYSTEM, detail("step", "demo-pins"));
            return FirstStart.DEMO_PINS_SET;
        }
        if (records.setupHash().isPresent() && Files.isRegularFile(file)) {
            log.warn("No admin PIN is set: the set-up code is in {} (enter it on the staff PIN pad)", file);
            return FirstStart.SETUP_WAITING;
        }
        char[] code = new char[SETUP_CODE_DIGITS];
        byte[] bytes = new byte[SETUP_CODE_DIGITS + 1];
        try {
            for (int i = 0; i < code.length; i++) {
                code[i] = (char) ('0' + random.nextInt(10));
                bytes[i] = (byte) code[i];
            }
            bytes[SETUP_CODE_DIGITS] = '\n';
            records.setSetupHash(hasher.hash(code), now);
            writeOwnerOnly(file, bytes);
        } finally {
            Arrays.fill(code, '\0');
            Arrays.fill(bytes, (byte) 0);
        }
        log.warn(
                "No admin PIN is set: a one-time set-up code is in {} (readable by this user only); enter it on the staff PIN pad, or set the PINs with ./kiosk admin set-pin",
                file);
        record(now, "admin.setup", AdminAudit.SYSTEM, detail("step", "code-created"));
        return FirstStart.SETUP_CODE_WRITTEN;
    }

    /**
     * Ends the set-up procedure the set-up code opened: both PINs set (each by the rules, and
     * different), the code spent and its file deleted. Clears both arrays.
     */
    public synchronized Optional<Refusal> completeSetup(char[] staffPin, char[] engineerPin) {
        try {
            Instant now = clock.instant();
            if (!now.isBefore(setupOpenUntil) || records.setupHash().isEmpty()) {
                throw new IllegalStateException("the set-up procedure is not open");
            }
            Optional<PinRules.Problem> s = PinRules.check(CharBuffer.wrap(staffPin));
            if (s.isPresent()) {
                return Optional.of(new Refusal(Role.STAFF, s.get()));
            }
            Optional<PinRules.Problem> e = PinRules.check(CharBuffer.wrap(engineerPin));
            if (e.isPresent()) {
                return Optional.of(new Refusal(Role.ENGINEER, e.get()));
            }
            if (Arrays.equals(staffPin, engineerPin)) {
                return Optional.of(new Refusal(Role.ENGINEER, PinRules.Problem.SAME_AS_OTHER_ROLE));
            }
            records.completeSetup(hasher.hash(staffPin), hasher.hash(engineerPin), now);
            setupOpenUntil = Instant.MIN;
            deleteSetupFile();
            log.warn("The set-up procedure set both admin PINs; the set-up code is spent");
            record(now, "admin.pin-change", AdminAudit.SYSTEM, detail("role", Role.STAFF.name(), "from", "setup"));
            record(now, "admin.pin-change", AdminAudit.SYSTEM, detail("role", Role.ENGINEER.name(), "from", "setup"));
            record(now, "admin.setup", AdminAudit.SYSTEM, detail("step", "done"));
            return Optional.empty();
        } finally {
            Arrays.fill(staffPin, '\0');
            Arrays.fill(engineerPin, '\0');
        }
    }

    /** The set-up code's file (there while a first start waits for its set-up). */
    public Path setupFile() {
        return setupFile;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private boolean matches(char[] entry, Optional<String> stored) {
        return stored.isPresent() && hasher.matches(entry, stored.get());
    }

    private void deleteSetupFile() {
        try {
            if (Files.deleteIfExists(setupFile)) {
                log.info("The spent set-up code's file {} was deleted", setupFile);
            }
        } catch (IOException e) {
            log.warn("Cannot delete the spent set-up code's file {}: {}", setupFile, e.toString());
        }
    }

    /** Writes a new file only the owner may read and write (0600), replacing an old one. */
    static void writeOwnerOnly(Path file, byte[] content) {
        try {
            Files.deleteIfExists(file);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                throw new IOException("the set-up code's file appeared while it was written: " + file, raced);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                out.write(content);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the set-up code's file " + file + ": " + e.getMessage(), e);
        }
    }

    private void record(Instant at, String kind, String actor, Map<String, Object> detail) {
        try {
            audit.record(at, kind, actor, detail);
        } catch (RuntimeException e) {
            log.error("The audit event {} could not be written", kind, e);
        }
    }

    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
