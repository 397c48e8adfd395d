package cn.egov.kiosk.licence;

/** Why the free postal delivery of a licence was not ordered, as the citizen is told. */
public enum PostalProblem {
    /** The platform did not answer: nothing was ordered, or asking again finds the same order. */
    OFFLINE,
    /** The licence was collected meanwhile (at a window, at another kiosk). */
    COLLECTED,
    /** The licence was mailed meanwhile. */
    MAILED
}
