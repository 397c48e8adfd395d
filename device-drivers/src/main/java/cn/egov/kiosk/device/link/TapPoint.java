package cn.egov.kiosk.device.link;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where taps attach to one device's link: kept by the device manager per device id, so that a tap
 * set before the device opened, or while it reconnects, sees the link when it is (re)made. With no
 * tap, passing bytes costs one volatile read.
 */
public final class TapPoint {
    private static final Logger log = LoggerFactory.getLogger(TapPoint.class);
    private static final WireTap[] NONE = new WireTap[0];

    private final String name;
    private final Object lock = new Object();
    private volatile WireTap[] taps = NONE;
    private volatile boolean linked;

    public TapPoint(String name) {
        this.name = name;
    }

    /** Adds a tap; closing the result removes it (twice is harmless). */
    public AutoCloseable add(WireTap tap) {
        Objects.requireNonNull(tap, "tap");
        synchronized (lock) {
            WireTap[] next = Arrays.copyOf(taps, taps.length + 1);
            next[next.length - 1] = tap;
            taps = next;
        }
        return () -> remove(tap);
    }

    private void remove(WireTap tap) {
        synchronized (lock) {
            WireTap[] now = taps;
            for (int i = 0; i < now.length; i++) {
                if (now[i] == tap) {
                    WireTap[] next = new WireTap[now.length - 1];
                    System.arraycopy(now, 0, next, 0, i);
                    System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                    taps = next;
                    return;
                }
            }
        }
    }

    /** How many taps are attached. */
    public int size() {
        return taps.length;
    }

    /** Whether a link has been made through this point (a device without a byte link never has). */
    public boolean linked() {
        return linked;
    }

    /** The link, decorated so that every tap attached now or later sees what it carries. */
    public ByteLink wrap(ByteLink link) {
        linked = true;
        return new TappedLink(link, this);
    }

    void pass(WireTap.Direction direction, byte[] data, int offset, int length) {
        WireTap[] now = taps; // the one volatile read when nobody listens
        if (now.length == 0 || length <= 0) {
            return;
        }
        Instant at = Instant.now();
        for (WireTap tap : now) {
            try {
                tap.seen(direction, data, offset, length, at);
            } catch (RuntimeException e) {
                // a tap's fault never reaches the driver
                log.warn("A wire tap on {} failed; removed", name, e);
                remove(tap);
            }
        }
    }

    @Override
    public String toString() {
        return "TapPoint[" + name + ", " + taps.length + " taps]";
    }
}
