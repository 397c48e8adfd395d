package cn.egov.kiosk.device.api;

/** How deep a health check goes (UnifiedPOS {@code checkHealth} levels). */
public enum HealthLevel {
    /** The driver's own view, without moving anything: link open, last status, no errors pending. */
    INTERNAL,
    /** Asks the hardware: status query, self-test where the device has one. May take a second. */
    EXTERNAL,
    /** Involves a person: a test print, a card to be placed. Used from the engineer's screen. */
    INTERACTIVE
}
