package cn.egov.kiosk.device.printer;

import java.time.Duration;

/**
 * A job the printer took and finished: its id, the bytes sent, the time from the call to the
 * printer's status after the job, and that status.
 */
public record PrintOutcome(String jobId, int bytesSent, Duration elapsed, PrinterStatus statusAfter) {}
