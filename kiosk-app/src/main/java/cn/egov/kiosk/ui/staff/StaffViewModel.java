package cn.egov.kiosk.ui.staff;

import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.admin.PinRules;
import cn.egov.kiosk.admin.Role;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.nio.CharBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin side on screen: one PIN pad for both roles, then the role's menu. Opened by a hidden
 * gesture (five taps on the emblem within three seconds) or Ctrl+Alt+Shift+S. The entry is checked
 * by the {@link AdminGate} off the JavaFX thread (a slow hash: the pad says "checking" meanwhile);
 * the PIN it matches decides the role, whose menu then lists the entries {@link #entry registered}
 * for it. Wrong PINs shut the pad for a time that grows and survives a restart (the gate keeps it);
 * the pad counts the seconds down. The first start's set-up code opens the set-up of both PINs;
 * 修改密码 changes the logged-in role's own.
 *
 * <p>The admin session ends on 退出管理, after {@link #SESSION_IDLE} without a touch (every admin
 * overlay closes, back to the citizen screens), or when the citizen session is reset; each end is
 * audited with its reason. Digits are kept in a {@link StringBuilder} overwritten when cleared, and
 * handed to the gate as a {@code char[]} it overwrites; never logged.
 */
public final class StaffViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(StaffViewModel.class);
    static final int TAPS = 5;
    static final Duration TAP_WINDOW = Duration.ofSeconds(3);
    /** An admin session without a touch for this long ends: the menu and every panel close. */
    public static final Duration SESSION_IDLE = Duration.ofSeconds(90);
    /** The longest entry: a PIN of 8 digits, or the 8-digit set-up code. */
    static final int MAX_DIGITS = PinRules.MAX_DIGITS;

    /** What the dialog shows. */
    public enum Mode {
        /** The PIN pad, to come in. */
        PAD,
        /** The logged-in role's menu. */
        MENU,
        /** The pad again, for a new PIN: 修改密码, or the first set-up. */
        NEW_PIN
    }

    /**
     * One entry of the admin menu.
     *
     * @param id the button's id is {@code staff-menu-<id>}
     * @param title its text
     * @param roles who sees it
     * @param action what it opens (an overlay above the menu: the menu shows again when it closes)
     */
    public record Entry(String id, Msg title, Set<Role> roles, Runnable action) {
        public Entry {
            roles = Set.copyOf(roles);
        }
    }

    /** The steps of a new PIN's procedure. */
    private enum Step {
        OLD(Msg.STAFF_PIN_OLD),
        NEW(Msg.STAFF_PIN_NEW),
        AGAIN(Msg.STAFF_PIN_AGAIN),
        SETUP_STAFF(Msg.STAFF_SETUP_STAFF_NEW),
        SETUP_STAFF_AGAIN(Msg.STAFF_SETUP_STAFF_AGAIN),
        SETUP_ENGINEER(Msg.STAFF_SETUP_ENGINEER_NEW),
        SETUP_ENGINEER_AGAIN(Msg.STAFF_SETUP_ENGINEER_AGAIN);

        final Msg prompt;

        Step(Msg prompt) {
            this.prompt = prompt;
        }
    }

    private final I18n i18n;
    private final Clock clock;
    private final TaskRunner tasks;
    private final AdminGate gate;
    private final Runnable exitKiosk;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Runnable> sessionEnds = new ArrayList<>();
    private final BackgroundTask<AdminGate.Attempt> checking;
    private final BackgroundTask<Duration> lockReading;
    private final BackgroundTask<AdminGate.Change> changing;
    private final BackgroundTask<Optional<AdminGate.Refusal>> settingUp;

    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.PAD);
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>(null);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper masked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<Entry> menu = FXCollections.observableArrayList();
    private final ObservableList<Entry> menuView = FXCollections.unmodifiableObservableList(menu);
    private final StringBuilder entered = new StringBuilder();
    private final Instant[] taps = new Instant[TAPS];
    private int tapCount;
    private Instant lockedUntil = Instant.MIN;
    private Instant lastTouch = Instant.MIN;
    /** The procedure for a new PIN: its step, and what was typed before (overwritten when done). */
    private Step step = Step.NEW;

    private char[] oldPin = new char[0];
    private char[] firstPin = new char[0];
    private char[] staffPin = new char[0];

    /**
     * @param gate the admin side's door (blocking: run on {@code tasks})
     * @param exitKiosk closes the kiosk program (the menu's 退出程序)
     */
    public StaffViewModel(I18n i18n, Clock clock, TaskRunner tasks, AdminGate gate, Runnable exitKiosk) {
        this.i18n = i18n;
        this.clock = clock;
        this.tasks = tasks;
        this.gate = gate;
        this.exitKiosk = exitKiosk;
        // a check cancelled in flight may still have let a role in at the gate: it leaves again
        this.checking = new BackgroundTask<>(tasks, this::checkedTooLate);
        this.lockReading = new BackgroundTask<>(tasks);
        this.changing = new BackgroundTask<>(tasks);
        this.settingUp = new BackgroundTask<>(tasks);
        // the menu's own entries: 修改密码 and 退出程序 for both roles
        entries.add(new Entry("change-pin", Msg.STAFF_CHANGE_PIN, EnumSet.allOf(Role.class), this::changePin));
        entries.add(new Entry("exit", Msg.STAFF_EXIT, EnumSet.allOf(Role.class), this::exitProgram));
    }

    // ---- the menu's entries -----------------------------------------------------------------------

    /**
     * Adds an entry to the admin menu, before 修改密码 and 退出程序, for {@code roles}; returns this,
     * so that entries are registered in a row.
     */
    public StaffViewModel entry(String id, Msg title, Set<Role> roles, Runnable action) {
        int fixed = (int) entries.stream()
                .filter(e -> e.id().equals("change-pin") || e.id().equals("exit"))
                .count();
        entries.add(entries.size() - fixed, new Entry(id, title, roles, action));
        return this;
    }

    /** What to close when the admin session ends (the panels the menu opened). */
    public void onSessionEnd(Runnable closeOverlays) {
        sessionEnds.add(closeOverlays);
    }

    /** Every registered entry, in the menu's order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    // ---- opening ----------------------------------------------------------------------------------

    /** A tap on the hidden corner; the fifth within the window opens the PIN pad. */
    public void cornerTapped() {
        tasks.checkUiThread();
        Instant now = clock.instant();
        taps[tapCount % TAPS] = now;
        tapCount++;
        if (tapCount >= TAPS) {
            Instant oldest = taps[tapCount % TAPS];
            if (Duration.between(oldest, now).compareTo(TAP_WINDOW) <= 0) {
                tapCount = 0;
                open();
            }
        }
    }

    /** Shows the pad (or, in an admin session, the menu); a lock-out in force is read and counted down. */
    public void open() {
        tasks.checkUiThread();
        touch();
        visible.set(true);
        if (role.get() != null) {
            showMenu();
            return;
        }
        clearEntry();
        mode.set(Mode.PAD);
        title.set(i18n.text(Msg.STAFF_TITLE));
        message.set(i18n.text(Msg.STAFF_PIN_PROMPT));
        log.info("Staff PIN pad opened");
        lockReading.start(gate::lockedFor, this::lockedFor, this::failed);
    }

    /** 取消: the pad closes; in a procedure for a new PIN, back to where it started. */
    public void cancel() {
        tasks.checkUiThread();
        clearEntry();
        if (mode.get() == Mode.NEW_PIN) {
            forgetPins();
            changing.cancel();
            settingUp.cancel();
            busy.set(false);
            if (role.get() != null) {
                showMenu();
            } else {
                mode.set(Mode.PAD);
                title.set(i18n.text(Msg.STAFF_TITLE));
                message.set(i18n.text(Msg.STAFF_PIN_PROMPT));
            }
            return;
        }
        if (role.get() != null) {
            endSession("button");
            return;
        }
        checking.cancel();
        lockReading.cancel();
        busy.set(false);
        visible.set(false);
    }

    // ---- digits -----------------------------------------------------------------------------------

    public void digit(int d) {
        tasks.checkUiThread();
        if (d < 0 || d > 9 || entered.length() >= MAX_DIGITS || busy.get() || mode.get() == Mode.MENU) {
            return;
        }
        entered.append((char) ('0' + d));
        masked.set("●".repeat(entered.length()));
    }

    public void clearEntry() {
        tasks.checkUiThread();
        for (int i = 0; i < entered.length(); i++) {
            entered.setCharAt(i, '0'); // overwrite the digits, not just forget them
        }
        entered.setLength(0);
        masked.set("");
    }

    /** The entry so far as a new array, and the entry cleared. */
    private char[] takeEntry() {
        char[] out = new char[entered.length()];
        entered.getChars(0, entered.length(), out, 0);
        clearEntry();
        return out;
    }

    // ---- 确定 -------------------------------------------------------------------------------------

    /** 确定: the entry checked (on the pad) or taken as the procedure's next step. */
    public void submit() {
        tasks.checkUiThread();
        touch();
        if (busy.get()) {
            return;
        }
        if (mode.get() == Mode.PAD) {
            check();
        } else if (mode.get() == Mode.NEW_PIN) {
            nextStep();
        }
    }

    private void check() {
        char[] entry = takeEntry();
        if (clock.instant().isBefore(lockedUntil)) {
            // the lock known here is running: refused without asking (or auditing at) the gate
            Arrays.fill(entry, '\0');
            showLock();
            return;
        }
        busy.set(true);
        message.set(i18n.text(Msg.STAFF_CHECKING));
        checking.start(() -> gate.attempt(entry), this::checked, e -> {
            Arrays.fill(entry, '\0');
            failed(e);
        });
    }

    private void checked(AdminGate.Attempt a) {
        busy.set(false);
        switch (a.result()) {
            case ENTERED:
                lockedUntil = Instant.MIN;
                role.set(a.role().orElseThrow());
                touch();
                showMenu();
                return;
            case SETUP:
                lockedUntil = Instant.MIN;
                startProcedure(Step.SETUP_STAFF);
                return;
            case WRONG:
                message.set(i18n.text(Msg.STAFF_WRONG_PIN));
                return;
            case LOCKED_NOW:
            case LOCKED:
                lockedFor(a.lockedFor());
                return;
        }
    }

    /** A check's result that came after it was cancelled: a role it let in leaves at once. */
    private void checkedTooLate(AdminGate.Attempt a) {
        if (a.result() != AdminGate.Result.ENTERED || a.role().isEmpty()) {
            return;
        }
        Role r = a.role().get();
        log.info("A PIN check cancelled in flight let {} in: it leaves again", r);
        tasks.run(
                () -> {
                    gate.exited(r, "cancelled");
                    return Boolean.TRUE;
                },
                done -> {},
                e -> log.error("The admin exit could not be audited", e));
    }

    /** The pad is shut for {@code left}: counted down by {@link #tick()}. */
    private void lockedFor(Duration left) {
        if (left.isZero() || left.isNegative()) {
            return;
        }
        lockedUntil = clock.instant().plus(left);
        showLock();
    }

    private void showLock() {
        long secondsLeft = (Duration.between(clock.instant(), lockedUntil).toMillis() + 999) / 1000; // rounded up
        message.set(i18n.text(Msg.STAFF_LOCKED, secondsLeft));
    }

    private void failed(Throwable e) {
        busy.set(false);
        log.error("The admin side failed", e);
        message.set(i18n.text(Msg.STAFF_FAILED));
    }

    // ---- the menu ---------------------------------------------------------------------------------

    private void showMenu() {
        Role r = role.get();
        menu.setAll(entries.stream().filter(e -> e.roles().contains(r)).toList());
        title.set(i18n.text(
                Msg.STAFF_MENU_TITLE, i18n.text(r == Role.STAFF ? Msg.STAFF_ROLE_STAFF : Msg.STAFF_ROLE_ENGINEER)));
        message.set("");
        clearEntry();
        mode.set(Mode.MENU);
        visible.set(true);
    }

    /** A menu entry tapped: its action runs (an overlay opens above the menu). */
    public void choose(String id) {
        tasks.checkUiThread();
        touch();
        if (mode.get() != Mode.MENU) {
            return;
        }
        menu.stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .ifPresent(e -> e.action().run());
    }

    /** 退出管理: the admin session ends. */
    public void leave() {
        tasks.checkUiThread();
        if (role.get() != null) {
            endSession("button");
        } else {
            cancel();
        }
    }

    private void exitProgram() {
        Role r = role.get();
        busy.set(true);
        log.warn("The kiosk program is closing on {} request", r);
        // the exit is audited before the program ends
        tasks.run(
                () -> {
                    gate.exited(r, "program");
                    return Boolean.TRUE;
                },
                done -> exitKiosk.run(),
                e -> exitKiosk.run());
    }

    private void endSession(String why) {
        Role r = role.get();
        role.set(null);
        forgetPins();
        clearEntry();
        checking.cancel();
        changing.cancel();
        settingUp.cancel();
        busy.set(false);
        menu.clear();
        mode.set(Mode.PAD);
        visible.set(false);
        sessionEnds.forEach(Runnable::run);
        if (r != null) {
            tasks.run(
                    () -> {
                        gate.exited(r, why);
                        return Boolean.TRUE;
                    },
                    done -> {},
                    e -> log.error("The admin exit could not be audited", e));
        }
    }

    // ---- a new PIN --------------------------------------------------------------------------------

    private void changePin() {
        startProcedure(Step.OLD);
    }

    private void startProcedure(Step first) {
        forgetPins();
        clearEntry();
        step = first;
        title.set(i18n.text(first == Step.OLD ? Msg.STAFF_CHANGE_PIN : Msg.STAFF_SETUP_TITLE));
        message.set(i18n.text(first.prompt));
        mode.set(Mode.NEW_PIN);
        visible.set(true);
    }

    private void nextStep() {
        char[] typed = takeEntry();
        switch (step) {
            case OLD:
                oldPin = typed;
                go(Step.NEW);
                return;
            case NEW:
            case SETUP_STAFF:
            case SETUP_ENGINEER:
                Optional<PinRules.Problem> problem = PinRules.check(CharBuffer.wrap(typed));
                if (problem.isEmpty() && step == Step.SETUP_ENGINEER && Arrays.equals(typed, staffPin)) {
                    problem = Optional.of(PinRules.Problem.SAME_AS_OTHER_ROLE);
                }
                if (problem.isPresent()) {
                    Arrays.fill(typed, '\0');
                    message.set(i18n.text(words(problem.get())) + " · " + i18n.text(step.prompt));
                    return;
                }
                firstPin = typed;
                go(
                        step == Step.NEW
                                ? Step.AGAIN
                                : step == Step.SETUP_STAFF ? Step.SETUP_STAFF_AGAIN : Step.SETUP_ENGINEER_AGAIN);
                return;
            case AGAIN:
            case SETUP_STAFF_AGAIN:
            case SETUP_ENGINEER_AGAIN:
                boolean same = Arrays.equals(typed, firstPin);
                Step back = step == Step.AGAIN
                        ? Step.NEW
                        : step == Step.SETUP_STAFF_AGAIN ? Step.SETUP_STAFF : Step.SETUP_ENGINEER;
                if (!same) {
                    Arrays.fill(typed, '\0');
                    wipe(firstPin);
                    firstPin = new char[0];
                    step = back;
                    message.set(i18n.text(Msg.STAFF_PIN_MISMATCH));
                    return;
                }
                Arrays.fill(typed, '\0');
                if (step == Step.SETUP_STAFF_AGAIN) {
                    staffPin = firstPin;
                    firstPin = new char[0];
                    go(Step.SETUP_ENGINEER);
                } else if (step == Step.AGAIN) {
                    saveChange();
                } else {
                    saveSetup();
                }
                return;
        }
    }

    private void go(Step next) {
        step = next;
        message.set(i18n.text(next.prompt));
    }

    private void saveChange() {
        Role r = role.get();
        char[] old = oldPin;
        char[] fresh = firstPin;
        oldPin = new char[0];
        firstPin = new char[0];
        busy.set(true);
        message.set(i18n.text(Msg.STAFF_CHECKING));
        changing.start(
                () -> gate.changePin(r, old, fresh),
                c -> {
                    busy.set(false);
                    if (c == AdminGate.Change.DONE) {
                        showMenu();
                        message.set(i18n.text(Msg.STAFF_PIN_CHANGED));
                    } else if (c == AdminGate.Change.WRONG_OLD_PIN) {
                        showMenu();
                        message.set(i18n.text(Msg.STAFF_PIN_WRONG_OLD));
                    } else if (c == AdminGate.Change.LOCKED) {
                        // wrong PINs shut the pad: the session ends, the pad shows the lock
                        endSession("locked");
                        open();
                    } else {
                        // the other role's PIN (the gate alone can tell, and the screen does not say)
                        startProcedure(Step.OLD);
                        message.set(i18n.text(Msg.STAFF_PIN_UNUSABLE));
                    }
                },
                this::failed);
    }

    private void saveSetup() {
        char[] staff = staffPin;
        char[] engineer = firstPin;
        staffPin = new char[0];
        firstPin = new char[0];
        busy.set(true);
        message.set(i18n.text(Msg.STAFF_CHECKING));
        settingUp.start(
                () -> gate.completeSetup(staff, engineer),
                refused -> {
                    busy.set(false);
                    if (refused.isPresent()) {
                        startProcedure(Step.SETUP_STAFF);
                        message.set(i18n.text(words(refused.get().problem())));
                        return;
                    }
                    mode.set(Mode.PAD);
                    title.set(i18n.text(Msg.STAFF_TITLE));
                    message.set(i18n.text(Msg.STAFF_SETUP_DONE));
                },
                this::failed);
    }

    private static Msg words(PinRules.Problem p) {
        switch (p) {
            case LENGTH:
            case NOT_DIGITS:
                return Msg.STAFF_PIN_RULE_LENGTH;
            case ALL_SAME:
                return Msg.STAFF_PIN_RULE_SAME;
            case STRAIGHT_RUN:
                return Msg.STAFF_PIN_RULE_RUN;
            case SAME_AS_OTHER_ROLE:
                return Msg.STAFF_PIN_RULE_OTHER;
        }
        throw new IllegalArgumentException(p.name());
    }

    private void forgetPins() {
        wipe(oldPin);
        wipe(firstPin);
        wipe(staffPin);
        oldPin = new char[0];
        firstPin = new char[0];
        staffPin = new char[0];
    }

    private static void wipe(char[] pin) {
        Arrays.fill(pin, '\0');
    }

    // ---- time -------------------------------------------------------------------------------------

    /** A touch anywhere: the admin session goes on. */
    public void touch() {
        tasks.checkUiThread();
        lastTouch = clock.instant();
    }

    /**
     * Every second: the lock-out's seconds counted down on the pad; an admin session left alone for
     * {@link #SESSION_IDLE} ends, and so does the pad in any mode without a role (the first set-up's
     * new PINs, typed digits overwritten), unless it waits on a check or a save it started.
     */
    public void tick() {
        tasks.checkUiThread();
        Instant now = clock.instant();
        if (visible.get() && mode.get() == Mode.PAD && !busy.get() && lockedUntil != Instant.MIN) {
            if (now.isBefore(lockedUntil)) {
                showLock();
            } else {
                lockedUntil = Instant.MIN;
                message.set(i18n.text(Msg.STAFF_PIN_PROMPT));
            }
        }
        if ((visible.get() || role.get() != null) && !busy.get() && !now.isBefore(lastTouch.plus(SESSION_IDLE))) {
            if (role.get() != null) {
                log.info("The admin session ended after {} s without a touch", SESSION_IDLE.toSeconds());
                endSession("idle");
            } else {
                // the pad or the first set-up, left alone: its typed PINs overwritten, closed
                log.info("The PIN pad closed after {} s without a touch", SESSION_IDLE.toSeconds());
                closePad();
            }
        }
    }

    /** The pad (in any mode, no role signed in) closes, what was typed overwritten. */
    private void closePad() {
        forgetPins();
        clearEntry();
        checking.cancel();
        lockReading.cancel();
        changing.cancel();
        settingUp.cancel();
        busy.set(false);
        mode.set(Mode.PAD);
        visible.set(false);
    }

    @Override
    public void resetForNextCitizen() {
        tasks.checkUiThread();
        if (role.get() != null) {
            endSession("session");
        } else {
            closePad();
        }
    }

    // ---- what the view shows ----------------------------------------------------------------------

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The logged-in role; null outside an admin session. */
    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role.getReadOnlyProperty();
    }

    /** Whether a check or a save runs (the pad says so and takes no digits). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The entry as dots. */
    public ReadOnlyStringProperty maskedProperty() {
        return masked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The logged-in role's entries. */
    public ObservableList<Entry> menu() {
        return menuView;
    }

    public I18n i18n() {
        return i18n;
    }
}
