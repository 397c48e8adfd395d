package cn.egov.kiosk.device.api;

import java.time.Instant;

/**
 * Something a device reports. Every event carries the device id, a sequence number (per device,
 * from 1) and a timestamp. Events are delivered on the device's event thread, never on the thread
 * of the caller that caused them.
 */
public sealed interface DeviceEvent {
    String deviceId();

    long sequence();

    Instant timestamp();

    /** A condition was raised or cleared (paper out, paper loaded, offline, online, card present...). */
    record StatusEvent(String deviceId, long sequence, Instant timestamp, Condition condition, boolean raised)
            implements DeviceEvent {
        /** The event's name: {@code paper-out}, {@code online}, {@code card-removed}... */
        public String name() {
            return raised ? condition.raisedName() : condition.clearedName();
        }
    }

    /** An error the device hit outside a call that could throw it (while polling, for example). */
    record ErrorEvent(String deviceId, long sequence, Instant timestamp, DeviceException error)
            implements DeviceEvent {}

    /** An asynchronous output (a print job) completed. */
    record OutputCompleteEvent(String deviceId, long sequence, Instant timestamp, String jobId)
            implements DeviceEvent {}

    /**
     * Input arrived: a scanned code (a {@code String}), a card read... The payload's type is
     * documented by each device class; payloads with personal data have a masking {@code toString}.
     */
    record DataEvent(String deviceId, long sequence, Instant timestamp, Object payload) implements DeviceEvent {}

    /** The device's lifecycle state changed. */
    record StateEvent(String deviceId, long sequence, Instant timestamp, DeviceState from, DeviceState to)
            implements DeviceEvent {}
}
