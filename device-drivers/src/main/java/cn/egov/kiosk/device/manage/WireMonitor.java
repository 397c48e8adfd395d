package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.link.WireTapQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A serial monitor on one device: the bytes of its link, both directions, as lines a person reads,
 * with personal data masked by the device class's {@link FrameMasker} unless the caller asked for
 * them (a demo card only: the kiosk decides who may). The tap hands chunks to a bounded queue on the
 * link's thread; masking and formatting happen on the consumer's thread, in {@link #poll} and
 * {@link #drain}. Close it to detach.
 */
public final class WireMonitor implements AutoCloseable {
    /** The chunks kept for a slow consumer; more are dropped and counted. */
    public static final int CAPACITY = 4096;

    private final String deviceId;
    private final WireTapQueue queue = new WireTapQueue(CAPACITY);
    private final FrameMasker masker;
    private final boolean masked;
    private final AutoCloseable tap;

    WireMonitor(DeviceManager manager, String deviceId, FrameMasker masker, boolean masked) {
        this.deviceId = deviceId;
        this.masker = masker;
        this.masked = masked;
        this.tap = manager.tap(deviceId, queue);
    }

    /** One chunk as shown: when, which way, and its bytes with the personal parts hidden. */
    public record Line(Instant at, WireTap.Direction direction, int length, List<FrameMasker.Part> parts) {
        public Line {
            parts = List.copyOf(parts);
        }

        /** {@code →} for the kiosk to the device, {@code ←} for the device to the kiosk. */
        public String arrow() {
            return direction == WireTap.Direction.OUT ? "→" : "←";
        }

        /** The bytes in hex, two digits a byte, hidden parts as {@code [文字 256 字节 已遮蔽]}. */
        public String hex(Locale locale) {
            StringBuilder sb = new StringBuilder();
            HexFormat hex = HexFormat.of().withUpperCase();
            for (FrameMasker.Part p : parts) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                if (p.isHidden()) {
                    sb.append(p.kind().label(p.count(), locale));
                } else {
                    byte[] b = p.bytes();
                    for (int i = 0; i < b.length; i++) {
                        if (i > 0) {
                            sb.append(' ');
                        }
                        sb.append(hex.toHexDigits(b[i]));
                    }
                }
            }
            return sb.toString();
        }

        /** The bytes as text: printable ASCII as it is, other bytes as {@code .}, hidden parts as {@code *}. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (FrameMasker.Part p : parts) {
                if (p.isHidden()) {
                    sb.append("*".repeat(Math.min(p.count(), 3)));
                } else {
                    for (byte b : p.bytes()) {
                        sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                    }
                }
            }
            return sb.toString();
        }

        /** {@code 14:03:07.123 → AA AA AA 96 69 00 03 11 FF ED  |.....|} in the zone given. */
        public String format(ZoneId zone, Locale locale) {
            return TIME.withZone(zone).format(at) + " " + arrow() + " " + hex(locale) + "  |" + text() + "|";
        }

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    }

    public String deviceId() {
        return deviceId;
    }

    /** Whether personal data is masked (false only when the caller asked for it). */
    public boolean masked() {
        return masked;
    }

    /** The next line, waiting up to {@code timeout}; null when none came. */
    public Line poll(Duration timeout) throws InterruptedException {
        WireTapQueue.Chunk c = queue.poll(timeout);
        return c == null ? null : line(c);
    }

    /** Every line waiting now, oldest first. */
    public List<Line> drain() {
        List<Line> lines = new ArrayList<>();
        for (WireTapQueue.Chunk c : queue.drain()) {
            Line l = line(c);
            if (l != null) {
                lines.add(l);
            }
        }
        return lines;
    }

    private Line line(WireTapQueue.Chunk c) {
        byte[] data = c.data();
        List<FrameMasker.Part> parts = masker.mask(c.direction(), data);
        Arrays.fill(data, (byte) 0);
        return new Line(c.at(), c.direction(), c.length(), parts);
    }

    /** Chunks lost because the consumer fell behind. */
    public long dropped() {
        return queue.dropped();
    }

    @Override
    public void close() {
        try {
            tap.close();
        } catch (Exception e) {
            // removing a tap does not fail
        }
    }
}
