package cn.egov.kiosk.session;

/** Follows sessions; called on the thread that drives the {@link SessionManager} (the UI thread). */
public interface SessionListener {
    default void started(Session session) {}

    /** The inactivity warning is showing, with this many seconds left; called every second. */
    default void warning(Session session, int secondsLeft) {}

    /** The citizen touched the screen during the warning. */
    default void warningDismissed(Session session) {}

    /** The session is over and wiped: reset every screen. */
    default void ended(Session session, EndReason reason) {}
}
