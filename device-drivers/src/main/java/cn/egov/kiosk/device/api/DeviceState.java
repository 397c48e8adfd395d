package cn.egov.kiosk.device.api;

/** Where a device is in its life (UnifiedPOS states plus XFS4IoT's offline). */
public enum DeviceState {
    /** Not opened; nothing is known about the hardware. */
    CLOSED,
    /** Opened and ready for work. */
    IDLE,
    /** Working on an operation; a second operation is refused with {@link ErrorCode#BUSY}. */
    BUSY,
    /** Opened, but the hardware reports a fault that needs attention (jam, cutter error...). */
    ERROR,
    /** Opened, but the hardware cannot be reached (cable pulled, powered off, link lost). */
    OFFLINE
}
