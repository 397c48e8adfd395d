package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.TapPoint;
import cn.egov.kiosk.device.link.WireTap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tap points of a device manager's devices, by device id. Drivers over a byte link make it
 * through {@link LinkConnections#create} (or {@link #link}), which puts it behind the device's tap
 * point; the manager's {@link DeviceManager#tap} attaches to the point, so a tap outlives the link
 * (reconnects, a link made again) and may be set before the device opens.
 */
public final class WireTaps {
    private final Map<String, TapPoint> points = new ConcurrentHashMap<>();

    /** The device's link behind its tap point. */
    public ByteLink link(String deviceId, ByteLink link) {
        return point(deviceId).wrap(link);
    }

    /** The device's tap point, made on first use. */
    public TapPoint point(String deviceId) {
        return points.computeIfAbsent(deviceId, TapPoint::new);
    }

    /** Attaches a tap to a device's link; closing the result detaches it. */
    public AutoCloseable tap(String deviceId, WireTap tap) {
        return point(deviceId).add(tap);
    }

    /** Whether the device talks over a byte link that taps can see. */
    public boolean tappable(String deviceId) {
        TapPoint p = points.get(deviceId);
        return p != null && p.linked();
    }
}
