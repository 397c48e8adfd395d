package cn.egov.kiosk.ui.admin;

import cn.egov.kiosk.ui.CitizenState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * An admin panel's view model, over the {@link AdminPanelSession} it owns: the entry points every
 * panel has (the touch, the one-second tick, the end of a citizen's session, staff's yes and no to a
 * question) and what its view binds to (shown, busy, the question), each handed to the session. A
 * panel implements {@link #session()}, {@link #close()} and its own {@code open()}; it overrides
 * {@link #tick()} when the tick does more (the diagnostics follow the devices). Entry points run on
 * the JavaFX thread only (the session checks).
 */
public interface AdminPanel extends CitizenState {

    /** The panel's plumbing, one per panel. */
    AdminPanelSession session();

    /** Hides the panel and drops what it read; a question that waited goes too. */
    void close();

    /** Staff touched the screen: the panel stays open its idle limit longer. */
    default void touch() {
        session().touch();
    }

    /** Every second: a panel left alone for its idle limit closes (not while staff's work runs). */
    default void tick() {
        if (session().idle()) {
            close();
        }
    }

    /** The panel never stays open for the next citizen. */
    @Override
    default void resetForNextCitizen() {
        close();
    }

    /** Staff said yes to what the question asked. */
    default void confirm() {
        session().confirm();
    }

    /** Staff said no: nothing is done. */
    default void cancelConfirmation() {
        session().cancelConfirmation();
    }

    default ReadOnlyBooleanProperty visibleProperty() {
        return session().visibleProperty();
    }

    /** Staff's work (a settlement, an action on a device, a reprint...) is under way. */
    default ReadOnlyBooleanProperty busyProperty() {
        return session().busyProperty();
    }

    /** What waits for staff's yes; empty when nothing does. */
    default ReadOnlyStringProperty confirmationProperty() {
        return session().confirmationProperty();
    }
}
