package cn.egov.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin side's door: roles by PIN, the growing lock-out, PIN changes, the first start, the audit. */
class AdminGateTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T14:00:00Z"));
    private final MemoryAdminRecords records = new MemoryAdminRecords();
    private final AuditLog audit = new AuditLog();
    private final PinHasher hasher = new PinHasher(1_000);

    private AdminGate gate() {
        return new AdminGate(records, hasher, audit, clock, dir);
    }

    private static char[] pin(String s) {
        return s.toCharArray();
    }

    private AdminGate withPins() {
        AdminGate gate = gate();
        assertThat(gate.prepare(true)).isEqualTo(AdminGate.FirstStart.DEMO_PINS_SET);
        return gate;
    }

    @Test
    void eachRolesPinLetsThatRoleIn() {
        AdminGate gate = withPins();

        char[] entry = pin("246810");
        AdminGate.Attempt staff = gate.attempt(entry);
        assertThat(staff.result()).isEqualTo(AdminGate.Result.ENTERED);
        assertThat(staff.role()).contains(Role.STAFF);
        assertThat(entry).containsOnly('\0'); // the entry is overwritten
        assertThat(gate.attempt(pin("13572468")).role()).contains(Role.ENGINEER);
        assertThat(gate.attempt(pin("1357246")).result()).isEqualTo(AdminGate.Result.WRONG);

        assertThat(audit.lines())
                .containsExactly(
                        "admin.setup SYSTEM {step=demo-pins}",
                        "admin.attempt STAFF {result=right, role=STAFF}",
                        "admin.enter STAFF {role=STAFF}",
                        "admin.attempt ENGINEER {result=right, role=ENGINEER}",
                        "admin.enter ENGINEER {role=ENGINEER}",
                        "admin.attempt SYSTEM {result=wrong, wrongInARow=1}");
        assertThat(audit.lines())
                .noneMatch(l -> l.contains("246810") || l.contains("13572468") || l.contains("1357246"));
    }

    @Test
    void fiveWrongLockForAMinuteTheNextFiveForTwoAndARightPinResets() {
        AdminGate gate = withPins();
        for (int i = 1; i <= 4; i++) {
            AdminGate.Attempt a = gate.attempt(pin("000001"));
            assertThat(a.result()).isEqualTo(AdminGate.Result.WRONG);
            assertThat(a.leftBeforeLock()).isEqualTo(5 - i);
        }
        AdminGate.Attempt fifth = gate.attempt(pin("000001"));
        assertThat(fifth.result()).isEqualTo(AdminGate.Result.LOCKED_NOW);
        assertThat(fifth.lockedFor()).isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofSeconds(30));
        AdminGate.Attempt locked = gate.attempt(pin("246810")); // the right PIN is not even checked
        assertThat(locked.result()).isEqualTo(AdminGate.Result.LOCKED);
        assertThat(locked.lockedFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(gate.lockedFor()).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        assertThat(gate.lockedFor()).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(gate.attempt(pin("000001")).result()).isEqualTo(AdminGate.Result.WRONG);
        }
        AdminGate.Attempt tenth = gate.attempt(pin("000001"));
        assertThat(tenth.result()).isEqualTo(AdminGate.Result.LOCKED_NOW);
        assertThat(tenth.lockedFor()).isEqualTo(Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(2));
        assertThat(gate.attempt(pin("246810")).result()).isEqualTo(AdminGate.Result.ENTERED);
        assertThat(records.lockState()).isEqualTo(AdminRecords.LockState.NONE);
        assertThat(gate.attempt(pin("000001")).leftBeforeLock()).isEqualTo(4);

        assertThat(audit.ofKind("admin.lockout"))
                .extracting(e -> e.detail().get("seconds"))
                .containsExactly(60L, 120L);
        assertThat(audit.lines()).contains("admin.attempt SYSTEM {result=refused-locked, secondsLeft=30}");
    }

    @Test
    void theLockIsKeptInTheRecordsSoANewGateIsStillLocked() {
        AdminGate gate = withPins();
        for (int i = 0; i < 5; i++) {
            gate.attempt(pin("000001"));
        }
        clock.advance(Duration.ofSeconds(10));

        AdminGate restarted = gate();
        assertThat(restarted.lockedFor()).isEqualTo(Duration.ofSeconds(50));
        assertThat(restarted.attempt(pin("246810")).result()).isEqualTo(AdminGate.Result.LOCKED);
    }

    @Test
    void aClockSetBackDoesNotMakeTheLockLongerThanAnHour() {
        AdminGate gate = withPins();
        for (int i = 0; i < 5; i++) {
            gate.attempt(pin("000001"));
        }

        clock.advance(Duration.ofDays(-1)); // the time corrected by a day

        assertThat(gate.lockedFor()).isEqualTo(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(59));
        assertThat(gate.attempt(pin("246810")).lockedFor()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(gate.attempt(pin("246810")).role()).contains(Role.STAFF);
    }

    @Test
    void pinsFollowTheRulesAndDifferBetweenRoles() {
        AdminGate gate = withPins();

        assertThat(gate.setPin(Role.STAFF, pin("123456"), "shell"))
                .contains(new AdminGate.Refusal(Role.STAFF, PinRules.Problem.STRAIGHT_RUN));
        assertThat(gate.setPin(Role.STAFF, pin("4711"), "shell"))
                .contains(new AdminGate.Refusal(Role.STAFF, PinRules.Problem.LENGTH));
        assertThat(gate.setPin(Role.STAFF, pin("13572468"), "shell"))
                .contains(new AdminGate.Refusal(Role.STAFF, PinRules.Problem.SAME_AS_OTHER_ROLE));
        char[] fresh = pin("80571234");
        assertThat(gate.setPin(Role.STAFF, fresh, "shell")).isEmpty();
        assertThat(fresh).containsOnly('\0');

        assertThat(gate.attempt(pin("246810")).result()).isEqualTo(AdminGate.Result.WRONG);
        assertThat(gate.attempt(pin("80571234")).role()).contains(Role.STAFF);
        assertThat(records.source(Role.STAFF)).contains("shell");
        assertThat(audit.lines()).contains("admin.pin-change SYSTEM {role=STAFF, from=shell}");
    }

    @Test
    void aRoleChangesItsOwnPinWithTheOldOne() {
        AdminGate gate = withPins();

        assertThat(gate.changePin(Role.ENGINEER, pin("246810"), pin("86420975")))
                .isEqualTo(AdminGate.Change.WRONG_OLD_PIN);
        assertThat(gate.changePin(Role.ENGINEER, pin("13572468"), pin("246810")))
                .isEqualTo(AdminGate.Change.UNUSABLE);
        assertThat(gate.changePin(Role.ENGINEER, pin("13572468"), pin("111111")))
                .isEqualTo(AdminGate.Change.REFUSED);
        assertThat(gate.changePin(Role.ENGINEER, pin("13572468"), pin("86420975")))
                .isEqualTo(AdminGate.Change.DONE);

        assertThat(gate.attempt(pin("86420975")).role()).contains(Role.ENGINEER);
        assertThat(audit.lines())
                .contains(
                        "admin.pin-change ENGINEER {role=ENGINEER, from=screen, result=wrong-old-pin}",
                        "admin.pin-change ENGINEER {role=ENGINEER, from=screen}");
    }

    @Test
    void anOutdatedHashIsMadeAgainAtTheNextRightPin() {
        new AdminGate(records, new PinHasher(1_000), audit, clock, dir).prepare(true);
        AdminGate stronger = new AdminGate(records, new PinHasher(1_500), audit, clock, dir);

        assertThat(stronger.attempt(pin("246810")).role()).contains(Role.STAFF);

        assertThat(PinHasher.iterationsOf(records.pinHash(Role.STAFF).orElseThrow()))
                .contains(1_500);
        assertThat(PinHasher.iterationsOf(records.pinHash(Role.ENGINEER).orElseThrow()))
                .contains(1_000);
        assertThat(stronger.attempt(pin("246810")).role()).contains(Role.STAFF);
    }

    @Test
    void aFirstStartWritesAOneTimeSetUpCodeOnlyTheKiosksUserCanRead() throws Exception {
        AdminGate gate = gate();

        assertThat(gate.prepare(false)).isEqualTo(AdminGate.FirstStart.SETUP_CODE_WRITTEN);
        Path file = dir.resolve(AdminGate.SETUP_FILE);
        assertThat(gate.setupFile()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String code = Files.readString(file).strip();
        assertThat(code).matches("[0-9]{8}");
        assertThat(records.setupHash().orElseThrow()).doesNotContain(code);
        assertThat(gate.prepare(false)).as("a restart keeps the code").isEqualTo(AdminGate.FirstStart.SETUP_WAITING);
        assertThat(Files.readString(file).strip()).isEqualTo(code);

        assertThatThrownBy(() -> gate.completeSetup(pin("80571234"), pin("86420975")))
                .as("not before the code was entered")
                .isInstanceOf(IllegalStateException.class);
        AdminGate.Attempt a = gate.attempt(code.toCharArray());
        assertThat(a.result()).isEqualTo(AdminGate.Result.SETUP);
        assertThat(gate.completeSetup(pin("80571234"), pin("80571234")))
                .contains(new AdminGate.Refusal(Role.ENGINEER, PinRules.Problem.SAME_AS_OTHER_ROLE));
        assertThat(gate.completeSetup(pin("111111"), pin("86420975")))
                .contains(new AdminGate.Refusal(Role.STAFF, PinRules.Problem.ALL_SAME));
        assertThat(gate.completeSetup(pin("80571234"), pin("86420975"))).isEmpty();

        assertThat(file).doesNotExist();
        assertThat(records.setupHash()).isEmpty();
        assertThat(gate.attempt(code.toCharArray()).result())
                .as("the code is spent")
                .isEqualTo(AdminGate.Result.WRONG);
        assertThat(gate.attempt(pin("86420975")).role()).contains(Role.ENGINEER);
        assertThat(gate.prepare(false)).isEqualTo(AdminGate.FirstStart.READY);
        assertThat(audit.lines()).noneMatch(l -> l.contains(code));
        assertThat(audit.lines())
                .contains(
                        "admin.setup SYSTEM {step=code-created}",
                        "admin.attempt SYSTEM {result=right, setupCode=true}",
                        "admin.setup SYSTEM {step=opened}",
                        "admin.setup SYSTEM {step=done}");
    }

    @Test
    void aSetUpCodeWhoseFileIsGoneIsReplacedAndPinsFromTheShellSpendIt() throws Exception {
        AdminGate gate = gate();
        gate.prepare(false);
        Path file = dir.resolve(AdminGate.SETUP_FILE);
        String first = Files.readString(file).strip();
        Files.delete(file);

        assertThat(gate.prepare(false)).isEqualTo(AdminGate.FirstStart.SETUP_CODE_WRITTEN);
        String second = Files.readString(file).strip();
        assertThat(gate.attempt(first.toCharArray()).result()).isEqualTo(AdminGate.Result.WRONG);

        assertThat(gate.setPin(Role.STAFF, pin("80571234"), "shell")).isEmpty();
        assertThat(file).as("still waiting for the engineer's").exists();
        assertThat(gate.setPin(Role.ENGINEER, pin("86420975"), "shell")).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(gate.attempt(second.toCharArray()).result()).isEqualTo(AdminGate.Result.WRONG);
    }

    @Test
    void theDemoPinsAreSetOnlyWhileNoneIs() {
        AdminGate gate = gate();
        gate.setPin(Role.STAFF, pin("80571234"), "shell");

        assertThat(gate.prepare(true)).isEqualTo(AdminGate.FirstStart.READY);
        assertThat(gate.attempt(pin("246810")).result()).isEqualTo(AdminGate.Result.WRONG);
        assertThat(dir.resolve(AdminGate.SETUP_FILE)).doesNotExist();
    }

    @Test
    void exitsAreAuditedWithTheirReason() {
        AdminGate gate = withPins();
        gate.exited(Role.STAFF, "idle");
        gate.exited(Role.ENGINEER, "button");

        assertThat(audit.lines())
                .contains("admin.exit STAFF {role=STAFF, why=idle}", "admin.exit ENGINEER {role=ENGINEER, why=button}");
    }

    @Test
    void aPinChangeGuessingTheOtherRolesPinCountsTowardTheLockOut() {
        AdminGate gate = withPins();
        // a wrong old PIN, and a new PIN that is the other role's, are wrong tries like on the pad
        assertThat(gate.changePin(Role.STAFF, pin("111222"), pin("86420975")))
                .isEqualTo(AdminGate.Change.WRONG_OLD_PIN);
        for (int i = 0; i < 3; i++) {
            assertThat(gate.changePin(Role.STAFF, pin("246810"), pin("13572468")))
                    .isEqualTo(AdminGate.Change.UNUSABLE);
        }
        assertThat(records.lockState().wrongInARow()).isEqualTo(4);
        assertThat(gate.changePin(Role.STAFF, pin("246810"), pin("13572468"))).isEqualTo(AdminGate.Change.LOCKED);
        assertThat(gate.lockedFor()).isEqualTo(Duration.ofMinutes(1));
        // while locked nothing is checked, not even the right PINs
        assertThat(gate.changePin(Role.STAFF, pin("246810"), pin("86420975"))).isEqualTo(AdminGate.Change.LOCKED);
        assertThat(gate.attempt(pin("246810")).result()).isEqualTo(AdminGate.Result.LOCKED);
        assertThat(audit.lines())
                .contains(
                        "admin.attempt STAFF {result=wrong-old-pin, wrongInARow=1}",
                        "admin.attempt STAFF {result=unusable-new-pin, wrongInARow=4}",
                        "admin.lockout SYSTEM {seconds=60, wrongInARow=5}")
                .noneMatch(l -> l.contains("13572468") || l.contains("246810"));

        // a change that is no guess leaves the count as it was; a right PIN on the pad resets it
        clock.advance(Duration.ofMinutes(1));
        assertThat(gate.changePin(Role.STAFF, pin("246810"), pin("86420975"))).isEqualTo(AdminGate.Change.DONE);
        assertThat(records.lockState().wrongInARow()).isEqualTo(5);
        assertThat(gate.attempt(pin("86420975")).role()).contains(Role.STAFF);
        assertThat(records.lockState()).isEqualTo(AdminRecords.LockState.NONE);
    }

    @Test
    void whileLockedOneRefusalIsAuditedPerLock() {
        AdminGate gate = withPins();
        for (int i = 0; i < 5; i++) {
            gate.attempt(pin("000001"));
        }
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(gate.attempt(pin("246810")).result()).isEqualTo(AdminGate.Result.LOCKED);
        }
        assertThat(audit.lines().stream().filter(l -> l.contains("refused-locked")))
                .containsExactly("admin.attempt SYSTEM {result=refused-locked, secondsLeft=55}");

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            gate.attempt(pin("000001"));
        }
        gate.attempt(pin("000001"));
        gate.attempt(pin("000001"));
        assertThat(audit.lines().stream().filter(l -> l.contains("refused-locked")))
                .as("a new lock: one more")
                .hasSize(2);
    }

    @Test
    void aWrongTryIsCountedBeforeTheHashesAreComputed() {
        AdminGate gate = withPins();
        int[] countWhenHashRead = {-1};
        AdminRecords spy = new AdminRecords() {
            @Override
            public Optional<String> pinHash(Role role) {
                countWhenHashRead[0] = records.lockState().wrongInARow();
                return records.pinHash(role);
            }

            @Override
            public void setPinHash(Role role, String hash, Instant at, String source) {
                records.setPinHash(role, hash, at, source);
            }

            @Override
            public Optional<String> setupHash() {
                return records.setupHash();
            }

            @Override
            public void setSetupHash(String hash, Instant at) {
                records.setSetupHash(hash, at);
            }

            @Override
            public void completeSetup(String staffHash, String engineerHash, Instant at) {
                records.completeSetup(staffHash, engineerHash, at);
            }

            @Override
            public void clearSetup() {
                records.clearSetup();
            }

            @Override
            public AdminRecords.LockState lockState() {
                return records.lockState();
            }

            @Override
            public void saveLockState(AdminRecords.LockState state) {
                records.saveLockState(state);
            }
        };
        AdminGate counted = new AdminGate(spy, hasher, audit, clock, dir);
        gate.attempt(pin("000001"));

        counted.attempt(pin("000002"));
        assertThat(countWhenHashRead[0]).as("saved before a kill could lose it").isEqualTo(2);
        assertThat(records.lockState().wrongInARow()).isEqualTo(2);

        counted.attempt(pin("246810"));
        assertThat(countWhenHashRead[0]).isEqualTo(3);
        assertThat(records.lockState()).as("the right PIN resets it").isEqualTo(AdminRecords.LockState.NONE);
    }

    @Test
    void anExitClearsTheRoleSignedInOnlyWhenItIsThatRole() {
        AdminGate gate = withPins();
        gate.attempt(pin("246810"));

        gate.exited(Role.ENGINEER, "cancelled");
        assertThat(gate.signedIn()).contains(Role.STAFF);
        gate.exited(Role.STAFF, "button");
        assertThat(gate.signedIn()).isEmpty();
    }
}
