package cn.egov.kiosk.device.api;

/**
 * The one small set of error codes every device operation completes with when it fails (after
 * UnifiedPOS result codes and XFS4IoT completion codes). The device-specific detail goes into
 * {@link DeviceException#extendedCode()}.
 */
public enum ErrorCode {
    /** The hardware is not there: no such port, no reader, nothing answering at the address. */
    NO_HARDWARE,
    /** The hardware was there and is not reachable now (cable pulled, powered off, link lost). */
    OFFLINE,
    /** The device did not answer, or the awaited event (a card) did not come, in time. */
    TIMEOUT,
    /** The device is working on something else, or is claimed by someone else. */
    BUSY,
    /** The operation was cancelled before it completed. */
    CANCELLED,
    /** The hardware reported a fault: paper out, cover open, jam, cutter error, bad frame. */
    HARDWARE_ERROR,
    /** The person at the device did something the operation cannot accept (wrong card, card removed). */
    USER_ERROR,
    /** The call came at the wrong point of the lifecycle (not opened, not claimed, not enabled). */
    SEQUENCE_ERROR
}
