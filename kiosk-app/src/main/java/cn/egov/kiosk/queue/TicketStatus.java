package cn.egov.kiosk.queue;

/** Where a queue number is in its life. */
public enum TicketStatus {
    /** Taken from the counter; the ticket is being printed. */
    ALLOCATED,
    /** The ticket is in the citizen's hand. */
    PRINTED,
    /** Never handed out: the printer refused or failed the job, and the citizen was told. */
    VOIDED,
    /**
     * Being printed when the kiosk stopped (a crash, a power cut): whether the ticket came out is
     * unknown. Not called automatically; staff see it and decide.
     */
    INTERRUPTED,
    /** Called to a window. */
    CALLED
}
