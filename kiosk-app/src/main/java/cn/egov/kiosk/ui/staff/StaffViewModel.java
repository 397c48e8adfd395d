package cn.egov.kiosk.ui.staff;

import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff PIN pad that guards leaving the kiosk. Opened by a hidden gesture (five taps on the
 * emblem within three seconds) or Ctrl+Alt+Shift+S. Five wrong PINs lock it for a minute. The PIN
 * is never logged. The admin issue replaces the plain PIN from
 * configuration with real staff accounts.
 */
public final class StaffViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(StaffViewModel.class);
    static final int TAPS = 5;
    static final Duration TAP_WINDOW = Duration.ofSeconds(3);
    static final int MAX_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofSeconds(60);
    private static final int MAX_DIGITS = 12;

    private final I18n i18n;
    private final Clock clock;
    private final Predicate<CharSequence> pinCheck;
    private final Runnable exitKiosk;
    private Optional<Runnable> openPlatform = Optional.empty();
    private Optional<Runnable> openPayments = Optional.empty();
    private Optional<Runnable> openSettings = Optional.empty();
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper masked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringBuilder entered = new StringBuilder();
    private final Instant[] taps = new Instant[TAPS];
    private int tapCount;
    private int wrong;
    private Instant lockedUntil = Instant.MIN;

    /** @param pinCheck compares an entry with the staff PIN, in constant time */
    public StaffViewModel(I18n i18n, Clock clock, Predicate<CharSequence> pinCheck, Runnable exitKiosk) {
        this.i18n = i18n;
        this.clock = clock;
        this.pinCheck = pinCheck;
        this.exitKiosk = exitKiosk;
    }

    /** A tap on the hidden corner; the fifth within the window opens the PIN pad. */
    public void cornerTapped() {
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

    public void open() {
        clearEntry();
        message.set(i18n.text(Msg.STAFF_PIN_PROMPT));
        visible.set(true);
        log.info("Staff PIN pad opened");
    }

    @Override
    public void resetForNextCitizen() {
        cancel();
    }

    public void cancel() {
        clearEntry();
        visible.set(false);
    }

    public void digit(int d) {
        if (d < 0 || d > 9 || entered.length() >= MAX_DIGITS) {
            return;
        }
        entered.append((char) ('0' + d));
        masked.set("●".repeat(entered.length()));
    }

    public void clearEntry() {
        for (int i = 0; i < entered.length(); i++) {
            entered.setCharAt(i, '0'); // overwrite the digits, not just forget them
        }
        entered.setLength(0);
        masked.set("");
    }

    /** With a platform: the PIN pad also opens the platform panel (after the PIN). */
    public void platformPanel(Runnable open) {
        this.openPlatform = Optional.of(open);
    }

    /** Whether the pad offers the platform panel. */
    public boolean offersPlatform() {
        return openPlatform.isPresent();
    }

    /** The PIN pad also opens the settings panel (终端设置, after the PIN). */
    public void settingsPanel(Runnable open) {
        this.openSettings = Optional.of(open);
    }

    /** Whether the pad offers the settings panel. */
    public boolean offersSettings() {
        return openSettings.isPresent();
    }

    /** Checks the PIN: right opens the settings panel; wrong counts toward the lockout. */
    public void submitForSettings() {
        openSettings.ifPresent(open -> check(open, "the settings panel opens"));
    }

    /** The PIN pad also opens the payments panel (缴费与对账, after the PIN). */
    public void paymentsPanel(Runnable open) {
        this.openPayments = Optional.of(open);
    }

    /** Whether the pad offers the payments panel. */
    public boolean offersPayments() {
        return openPayments.isPresent();
    }

    /** Checks the PIN: right opens the payments panel; wrong counts toward the lockout. */
    public void submitForPayments() {
        openPayments.ifPresent(open -> check(open, "the payments panel opens"));
    }

    /** Checks the PIN: right closes the kiosk program; wrong counts toward the lockout. */
    public void submit() {
        check(exitKiosk, "the kiosk program is closing on staff request");
    }

    /** Checks the PIN: right opens the platform panel; wrong counts toward the lockout. */
    public void submitForPlatform() {
        openPlatform.ifPresent(open -> check(open, "the platform panel opens"));
    }

    private void check(Runnable then, String what) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            long secondsLeft = (Duration.between(now, lockedUntil).toMillis() + 999) / 1000; // rounded up
            message.set(i18n.text(Msg.STAFF_LOCKED, secondsLeft));
            clearEntry();
            return;
        }
        boolean right = pinCheck.test(entered);
        clearEntry();
        if (right) {
            wrong = 0;
            visible.set(false);
            log.warn("Staff PIN accepted: {}", what);
            then.run();
            return;
        }
        wrong++;
        log.warn("Wrong staff PIN ({} of {})", wrong, MAX_ATTEMPTS);
        if (wrong >= MAX_ATTEMPTS) {
            wrong = 0;
            lockedUntil = now.plus(LOCKOUT);
            message.set(i18n.text(Msg.STAFF_LOCKED, LOCKOUT.toSeconds()));
        } else {
            message.set(i18n.text(Msg.STAFF_WRONG_PIN));
        }
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** The entry as dots. */
    public ReadOnlyStringProperty maskedProperty() {
        return masked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
