package cn.egov.kiosk.device.link;

import java.time.Instant;

/**
 * Sees the bytes a link carries, as they pass. Called on the link's own thread: must not block.
 *
 * <p>The array is the link's own buffer: a tap that keeps the bytes copies them before it returns.
 * {@link WireTapQueue} is such a tap: it copies each chunk into a bounded queue and counts what it
 * had to drop, for a consumer on another thread.
 */
public interface WireTap {
    /** Which way the bytes went. */
    enum Direction {
        /** Kiosk to device. */
        OUT,
        /** Device to kiosk. */
        IN
    }

    void seen(Direction direction, byte[] data, int offset, int length, Instant at);
}
