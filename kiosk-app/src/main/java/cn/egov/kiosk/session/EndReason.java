package cn.egov.kiosk.session;

/** Why a session ended. */
public enum EndReason {
    /** The citizen pressed exit or finished. */
    EXPLICIT_EXIT,
    /** Nobody touched the screen through the warning. */
    INACTIVITY,
    /** The identity card was lifted and the configuration ends sessions on that. */
    CARD_REMOVED,
    /** A member of staff ended it (admin mode, shutdown). */
    STAFF,
    /** The citizen's business was done and the finished screen's countdown ran out. */
    FINISHED
}
