package cn.egov.kiosk.queue;

/** Where a queue number is in its life. */
public enum TicketStatus {
  /** Taken from the counter; the ticket is being printed. */
  ALLOCATED,
  /** The ticket is in the citizen's hand. */
  PRINTED,
  /** Never handed out (the printer failed, or the kiosk stopped mid-print). */
  VOIDED,
  /** Called to a window. */
  CALLED
}
