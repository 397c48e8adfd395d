package cn.egov.kiosk.appointment;

/** Why the platform did not do what was asked of an appointment; each is said in its own words. */
public enum AppointmentProblem {
    /** The platform cannot be reached now: booking, check-in and cancelling need it. */
    OFFLINE,
    /** The slot was taken meanwhile by someone else (409 slot-full). */
    SLOT_FULL,
    /** Before the appointment's check-in window (409 check-in-too-early). */
    TOO_EARLY,
    /** After the appointment's check-in window (409 check-in-too-late). */
    TOO_LATE,
    /** The appointment is no longer booked: cancelled, missed or checked in elsewhere (422). */
    NOT_BOOKED,
    /** No such appointment (404): a code of another hall, or one taken away. */
    NOT_FOUND,
    /** Refused for another reason, or an error of the platform's own. */
    FAILED
}
