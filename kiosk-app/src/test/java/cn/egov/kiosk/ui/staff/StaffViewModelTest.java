package cn.egov.kiosk.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.admin.AuditLog;
import cn.egov.kiosk.admin.MemoryAdminRecords;
import cn.egov.kiosk.admin.PinHasher;
import cn.egov.kiosk.admin.Role;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PIN pad and the admin menu, with the gate over records in memory and work done at once. */
class StaffViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final AtomicInteger exits = new AtomicInteger();
    private final AtomicInteger payments = new AtomicInteger();
    private final AtomicInteger platform = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final MemoryAdminRecords records = new MemoryAdminRecords();
    private final AuditLog audit = new AuditLog();
    private AdminGate gate;
    private StaffViewModel vm;

    private StaffViewModel vm(boolean demo) {
        gate = new AdminGate(records, new PinHasher(1_000), audit, clock, dir);
        gate.prepare(demo);
        vm = new StaffViewModel(i18n, clock, TaskRunner.DIRECT, gate, exits::incrementAndGet)
                .entry("payments", Msg.STAFF_PAYMENTS, EnumSet.of(Role.STAFF), payments::incrementAndGet)
                .entry("platform", Msg.STAFF_PLATFORM, EnumSet.allOf(Role.class), platform::incrementAndGet);
        vm.onSessionEnd(closed::incrementAndGet);
        return vm;
    }

    private void tapsEvery(Duration gap, int taps) {
        for (int i = 0; i < taps; i++) {
            if (i > 0) {
                clock.advance(gap);
            }
            vm.cornerTapped();
        }
    }

    private void type(String digits) {
        for (char c : digits.toCharArray()) {
            vm.digit(c - '0');
        }
    }

    private void enter(String pin) {
        type(pin);
        vm.submit();
    }

    private List<String> menu() {
        return vm.menu().stream().map(StaffViewModel.Entry::id).toList();
    }

    @Test
    void fiveTapsWithinThreeSecondsOpenThePad() {
        vm(true);
        tapsEvery(Duration.ofMillis(750), 5); // 3.0 s from the first to the fifth

        assertThat(vm.visibleProperty().get()).isTrue();
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.PAD);
        assertThat(vm.messageProperty().get()).isEqualTo("请输入管理密码");
        assertThat(vm.maskedProperty().get()).isEmpty();
    }

    @Test
    void fiveTapsOverFourSecondsDoNotAndFourAreNotEnough() {
        vm(true);
        tapsEvery(Duration.ofSeconds(1), 5);
        assertThat(vm.visibleProperty().get()).isFalse();

        // the window slides over the last five taps
        clock.advance(Duration.ofMillis(100));
        vm.cornerTapped(); // the last five at 1, 2, 3, 4, 4.1 s: 3.1 s apart
        assertThat(vm.visibleProperty().get()).isFalse();
        clock.advance(Duration.ofMillis(100));
        vm.cornerTapped(); // 2, 3, 4, 4.1, 4.2 s: 2.2 s apart
        assertThat(vm.visibleProperty().get()).isTrue();
    }

    @Test
    void theStaffPinOpensTheStaffMenuAndTheEngineersTheirs() {
        vm(true);
        vm.open();
        type("24");
        assertThat(vm.maskedProperty().get()).isEqualTo("●●");
        enter("6810");

        assertThat(vm.roleProperty().get()).isEqualTo(Role.STAFF);
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.MENU);
        assertThat(vm.titleProperty().get()).isEqualTo("管理菜单（工作人员）");
        assertThat(menu()).containsExactly("payments", "platform", "change-pin", "exit");
        assertThat(vm.maskedProperty().get()).isEmpty();
        vm.choose("payments");
        assertThat(payments).hasValue(1);
        assertThat(vm.visibleProperty().get())
                .as("the menu stays under the panel")
                .isTrue();

        vm.leave();
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.roleProperty().get()).isNull();
        assertThat(closed).hasValue(1);

        vm.open();
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.PAD);
        enter("13572468");
        assertThat(vm.roleProperty().get()).isEqualTo(Role.ENGINEER);
        assertThat(menu()).containsExactly("platform", "change-pin", "exit");
        vm.choose("payments"); // not in the engineer's menu
        assertThat(payments).hasValue(1);

        assertThat(audit.lines())
                .contains(
                        "admin.enter STAFF {role=STAFF}",
                        "admin.exit STAFF {role=STAFF, why=button}",
                        "admin.enter ENGINEER {role=ENGINEER}");
    }

    @Test
    void aWrongPinSaysSoAndClearsTheEntry() {
        vm(true);
        vm.open();

        enter("123400");

        assertThat(vm.roleProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");
        assertThat(vm.maskedProperty().get()).isEmpty();
        assertThat(vm.visibleProperty().get()).isTrue();
        i18n.setLocale(EN);
        enter("1");
        assertThat(vm.messageProperty().get()).isEqualTo("Wrong PIN, please try again");
    }

    @Test
    void fiveWrongPinsLockThePadForAMinuteCountedDownAndTheNextFiveForTwo() {
        vm(true);
        vm.open();
        for (int i = 0; i < 4; i++) {
            enter("000001");
            assertThat(vm.messageProperty().get()).isEqualTo("密码错误，请重新输入");
        }
        enter("000001");
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 60 秒后再试");

        enter("246810");
        assertThat(vm.roleProperty().get()).isNull();
        clock.advance(Duration.ofSeconds(30));
        vm.tick();
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 30 秒后再试");
        clock.advance(Duration.ofMillis(29_500));
        vm.tick();
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 1 秒后再试");
        clock.advance(Duration.ofMillis(500));
        vm.tick();
        assertThat(vm.messageProperty().get()).isEqualTo("请输入管理密码");

        for (int i = 0; i < 5; i++) {
            enter("000001");
        }
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 120 秒后再试");

        clock.advance(Duration.ofSeconds(120));
        enter("246810");
        assertThat(vm.roleProperty().get()).isEqualTo(Role.STAFF);
    }

    @Test
    void aLockInForceIsShownWhenThePadOpens() {
        vm(true);
        for (int i = 0; i < 5; i++) {
            gate.attempt("000001".toCharArray());
        }
        clock.advance(Duration.ofSeconds(15));

        vm.open();

        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 45 秒后再试");
    }

    @Test
    void ninetySecondsWithoutATouchEndTheAdminSession() {
        vm(true);
        vm.open();
        enter("246810");
        vm.choose("platform");
        clock.advance(Duration.ofSeconds(80));
        vm.touch();
        clock.advance(Duration.ofSeconds(89));
        vm.tick();
        assertThat(vm.roleProperty().get()).isEqualTo(Role.STAFF);

        clock.advance(Duration.ofSeconds(1));
        vm.tick();

        assertThat(vm.roleProperty().get()).isNull();
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(closed).as("every admin overlay closed").hasValue(1);
        assertThat(audit.lines()).contains("admin.exit STAFF {role=STAFF, why=idle}");
    }

    @Test
    void theCitizenSessionsResetEndsTheAdminSessionToo() {
        vm(true);
        vm.open();
        enter("13572468");

        vm.resetForNextCitizen();

        assertThat(vm.roleProperty().get()).isNull();
        assertThat(audit.lines()).contains("admin.exit ENGINEER {role=ENGINEER, why=session}");
    }

    @Test
    void exitingTheProgramIsAuditedFirst() {
        vm(true);
        vm.open();
        enter("13572468");

        vm.choose("exit");

        assertThat(exits).hasValue(1);
        assertThat(audit.lines()).last().isEqualTo("admin.exit ENGINEER {role=ENGINEER, why=program}");
    }

    @Test
    void theLoggedInRoleChangesItsOwnPin() {
        vm(true);
        vm.open();
        enter("246810");
        vm.choose("change-pin");
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.NEW_PIN);
        assertThat(vm.messageProperty().get()).isEqualTo("修改密码：请输入原密码");

        enter("246810");
        assertThat(vm.messageProperty().get()).isEqualTo("请输入新密码（6 至 8 位数字）");
        enter("123456");
        assertThat(vm.messageProperty().get()).startsWith("密码不能是连续的数字");
        enter("80571234");
        assertThat(vm.messageProperty().get()).isEqualTo("请再输入一次新密码");
        enter("80571235");
        assertThat(vm.messageProperty().get()).isEqualTo("两次输入的新密码不一致，请重新输入新密码");
        enter("80571234");
        enter("80571234");

        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.MENU);
        assertThat(vm.messageProperty().get()).isEqualTo("密码已修改");
        assertThat(gate.attempt("80571234".toCharArray()).role()).contains(Role.STAFF);
        assertThat(gate.attempt("246810".toCharArray()).role()).isEmpty();
        assertThat(audit.lines()).contains("admin.pin-change STAFF {role=STAFF, from=screen}");
    }

    @Test
    void aWrongOldPinChangesNothing() {
        vm(true);
        vm.open();
        enter("246810");
        vm.choose("change-pin");
        enter("111222");
        enter("80571234");
        enter("80571234");

        assertThat(vm.messageProperty().get()).isEqualTo("原密码错误，密码未修改");
        assertThat(gate.attempt("246810".toCharArray()).role()).contains(Role.STAFF);
    }

    @Test
    void theSetUpCodeOpensTheSetUpOfBothPins() throws Exception {
        vm(false);
        String code = Files.readString(gate.setupFile()).strip();
        vm.open();

        enter(code);
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.NEW_PIN);
        assertThat(vm.titleProperty().get()).isEqualTo("首次设置管理密码");
        assertThat(vm.roleProperty().get()).as("the code is no role").isNull();
        enter("80571234");
        enter("80571234");
        assertThat(vm.messageProperty().get()).startsWith("首次设置：请输入工程师的新密码");
        enter("80571234");
        assertThat(vm.messageProperty().get()).startsWith("不能与另一角色的密码相同");
        enter("86420975");
        enter("86420975");

        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.PAD);
        assertThat(vm.messageProperty().get()).isEqualTo("两个密码已设置，设置码已作废。请输入密码进入管理菜单");
        assertThat(gate.setupFile()).doesNotExist();
        enter("86420975");
        assertThat(vm.roleProperty().get()).isEqualTo(Role.ENGINEER);
    }

    @Test
    void digitsOutsideZeroToNineAndBeyondEightAreIgnored() {
        vm(true);
        vm.open();
        vm.digit(-1);
        vm.digit(10);
        for (int i = 0; i < 15; i++) {
            vm.digit(1);
        }

        assertThat(vm.maskedProperty().get()).isEqualTo("●".repeat(8));
        vm.clearEntry();
        assertThat(vm.maskedProperty().get()).isEmpty();
    }

    @Test
    void cancelHidesThePadAndForgetsTheEntry() {
        vm(true);
        vm.open();
        vm.digit(2);

        vm.cancel();

        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.maskedProperty().get()).isEmpty();
        vm.open();
        enter("46810");
        assertThat(vm.roleProperty().get()).isNull();
    }

    @Test
    void registeringAnEntryIsOneLineAndItGoesBeforeTheFixedOnes() {
        vm(true);
        vm.entry("settings", Msg.STAFF_PLATFORM, EnumSet.of(Role.ENGINEER), () -> {});

        assertThat(vm.entries())
                .extracting(StaffViewModel.Entry::id)
                .containsExactly("payments", "platform", "settings", "change-pin", "exit");
    }

    @Test
    void theFirstSetUpLeftAloneClosesAndForgetsWhatWasTyped() throws Exception {
        vm(false);
        String code = Files.readString(gate.setupFile()).strip();
        vm.open();
        enter(code);
        enter("80571234");
        type("8057");
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.NEW_PIN);

        clock.advance(StaffViewModel.SESSION_IDLE.minusSeconds(1));
        vm.tick();
        assertThat(vm.visibleProperty().get()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        vm.tick();

        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.maskedProperty().get()).isEmpty();
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.PAD);
        vm.open();
        assertThat(vm.modeProperty().get())
                .as("the set-up starts again with the code")
                .isEqualTo(StaffViewModel.Mode.PAD);

        // the plain pad too
        type("24");
        clock.advance(StaffViewModel.SESSION_IDLE);
        vm.tick();
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.maskedProperty().get()).isEmpty();
    }

    @Test
    void aNewPinThatIsTheOtherRolesIsNotConfirmedAndCountsTowardTheLock() {
        vm(true);
        vm.open();
        enter("246810");
        vm.choose("change-pin");
        enter("246810");
        enter("13572468");
        enter("13572468");

        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.NEW_PIN);
        assertThat(vm.messageProperty().get()).isEqualTo("该密码不能使用，请重新输入原密码和新密码").doesNotContain("另一角色");
        for (int i = 0; i < 4; i++) {
            enter("246810");
            enter("13572468");
            enter("13572468");
        }

        assertThat(vm.roleProperty().get()).as("the lock ends the session").isNull();
        assertThat(vm.visibleProperty().get()).isTrue();
        assertThat(vm.modeProperty().get()).isEqualTo(StaffViewModel.Mode.PAD);
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 60 秒后再试");
        assertThat(audit.lines()).contains("admin.exit STAFF {role=STAFF, why=locked}");
    }

    @Test
    void whileTheLockRunsTheGateIsNotAskedAgain() {
        vm(true);
        vm.open();
        for (int i = 0; i < 5; i++) {
            enter("000001");
        }
        int attempts = audit.ofKind("admin.attempt").size();

        for (int i = 0; i < 10; i++) {
            enter("246810");
        }

        assertThat(audit.ofKind("admin.attempt")).hasSize(attempts);
        assertThat(vm.roleProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("错误次数过多，请 60 秒后再试");
        assertThat(vm.maskedProperty().get()).isEmpty();
    }

    /** Work queued until {@link #flush()}: a check can be cancelled while it runs. */
    private static final class Queued implements TaskRunner {
        final ArrayDeque<Runnable> work = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            work.add(() -> {
                T result;
                try {
                    result = task.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        void flush() {
            while (!work.isEmpty()) {
                work.poll().run();
            }
        }
    }

    @Test
    void aCheckCancelledInFlightThatLetARoleInMakesItLeave() {
        gate = new AdminGate(records, new PinHasher(1_000), audit, clock, dir);
        gate.prepare(true);
        Queued queued = new Queued();
        vm = new StaffViewModel(i18n, clock, queued, gate, exits::incrementAndGet);
        vm.open();
        queued.flush();
        enter("246810");
        assertThat(vm.busyProperty().get()).isTrue();

        vm.cancel(); // the check is in flight
        queued.flush();

        assertThat(vm.roleProperty().get()).isNull();
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(gate.signedIn()).isEmpty();
        assertThat(gate.actor()).isEqualTo("UNKNOWN");
        assertThat(audit.lines())
                .containsSubsequence("admin.enter STAFF {role=STAFF}", "admin.exit STAFF {role=STAFF, why=cancelled}");
    }
}
