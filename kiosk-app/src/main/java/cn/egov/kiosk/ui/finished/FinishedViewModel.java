package cn.egov.kiosk.ui.finished;

import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * After a citizen's business is done (the ticket taken, the licence printed): 办理其他业务 (another
 * service, the session goes on) or 退出 (exit), and a countdown of {@code session.finishedSeconds}
 * that ends the session by itself, so that "您好，王*明" does not stay on the screen until the
 * general inactivity limit. A touch starts the countdown again: the citizen is still there. Driven
 * by the one-second ticker on the JavaFX thread, by the kiosk's clock.
 */
public final class FinishedViewModel implements CitizenState {
    private final I18n i18n;
    private final SessionManager sessions;
    private final Navigator navigator;
    private final Clock clock;
    private final Duration limit;
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(0);
    private Instant deadline = Instant.MAX;
    /** How many times the countdown an older citizen gets (2 in elderly mode). */
    private int patience = 1;

    public FinishedViewModel(I18n i18n, SessionManager sessions, Navigator navigator, Clock clock, Duration limit) {
        this.i18n = i18n;
        this.sessions = sessions;
        this.navigator = navigator;
        this.clock = clock;
        this.limit = limit;
    }

    /** A flow has finished: the countdown starts from the full time. */
    public void start() {
        counting.set(true);
        restart();
    }

    @Override
    public void resetForNextCitizen() {
        stop();
    }

    /** The finished screen is left (another service, the session ended): no countdown. */
    public void stop() {
        counting.set(false);
        deadline = Instant.MAX;
        secondsLeft.set(0);
    }

    /** Any touch while counting: the full time again. */
    public void touch() {
        if (counting.get()) {
            restart();
        }
    }

    /** Every second: the countdown moves on; at zero the session ends. */
    public void tick() {
        if (!counting.get()) {
            return;
        }
        long left = (Duration.between(clock.instant(), deadline).toMillis() + 999) / 1000; // rounded up
        if (left <= 0) {
            stop();
            sessions.end(EndReason.FINISHED);
            return;
        }
        secondsLeft.set((int) left);
    }

    /** 办理其他业务: back to the services, the citizen still signed in. */
    public void otherService() {
        stop();
        navigator.go(Screen.HOME);
    }

    /** 退出: the session ends now. */
    public void exit() {
        stop();
        sessions.end(EndReason.EXPLICIT_EXIT);
    }

    /** Gives {@code factor} times the countdown, from the next start or touch. */
    public void patience(int factor) {
        this.patience = Math.max(1, factor);
    }

    private void restart() {
        Duration full = limit.multipliedBy(patience);
        deadline = clock.instant().plus(full);
        secondsLeft.set((int) full.toSeconds());
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    /** "12 秒后自动退出", in the current language. */
    public StringBinding countdownText() {
        return Bindings.createStringBinding(
                () -> i18n.text(Msg.FINISHED_COUNTDOWN, secondsLeft.get()), secondsLeft, i18n.localeProperty());
    }

    public I18n i18n() {
        return i18n;
    }
}
