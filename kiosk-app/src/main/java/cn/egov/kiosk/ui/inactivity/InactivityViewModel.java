package cn.egov.kiosk.ui.inactivity;

import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionListener;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** The inactivity warning: a countdown the citizen can dismiss with one touch. */
public final class InactivityViewModel implements SessionListener {
    private final I18n i18n;
    private final SessionManager sessions;
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(0);

    public InactivityViewModel(I18n i18n, SessionManager sessions) {
        this.i18n = i18n;
        this.sessions = sessions;
        sessions.addListener(this);
    }

    @Override
    public void warning(Session session, int left) {
        secondsLeft.set(left);
        visible.set(true);
    }

    @Override
    public void warningDismissed(Session session) {
        visible.set(false);
    }

    @Override
    public void ended(Session session, EndReason reason) {
        visible.set(false);
    }

    /** "Continue": the session goes on. */
    public void keepGoing() {
        sessions.touch();
        visible.set(false);
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public StringBinding countdownText() {
        return Bindings.createStringBinding(
                () -> i18n.text(Msg.SESSION_WARNING_COUNTDOWN, secondsLeft.get()), secondsLeft, i18n.localeProperty());
    }

    public I18n i18n() {
        return i18n;
    }
}
