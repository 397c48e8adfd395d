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
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A serial monitor on one device: the bytes of its link, both directions, as lines a person reads,
 * with personal data masked by the device class's {@link FrameMasker} unless the caller asked for
 * them (a demo card only: the kiosk decides who may). The tap hands chunks to a bounded queue on the
 * link's thread; masking and formatting happen on the consumer's thread, in {@link #poll} and
 * {@link #drain}. Close it to detach.
 *
 * <p>When chunks were dropped (the consumer fell behind), the maskers' picture of the stream is
 * broken: an answer whose command was dropped would be read as the answer to an older command. So
 * the first chunk kept after a drop gets a new masker, which hides what it cannot place until it
 * sees a command, and a line saying how many bytes were dropped comes before it.
 */
public final class WireMonitor implements AutoCloseable {
    /** The chunks kept for a slow consumer; more are dropped and counted. */
    public static final int CAPACITY = 4096;

    private final String deviceId;
    private final WireTapQueue queue;
    private final Supplier<FrameMasker> maskers;
    private FrameMasker masker;
    private final boolean masked;
    private final AutoCloseable tap;
    private Line pending; // the chunk's line after a drop, given by the poll after the one that told of it

    WireMonitor(DeviceManager manager, String deviceId, Supplier<FrameMasker> maskers, boolean masked) {
        this(deviceId, new WireTapQueue(CAPACITY), maskers, masked, manager::tap);
    }

    /** A monitor on {@code queue}, which {@code attach} hangs on the device's link. */
    WireMonitor(
            String deviceId,
            WireTapQueue queue,
            Supplier<FrameMasker> maskers,
            boolean masked,
            BiFunction<String, WireTap, AutoCloseable> attach) {
        this.deviceId = deviceId;
        this.queue = queue;
        this.maskers = maskers;
        this.masker = maskers.get();
        this.masked = masked;
        this.tap = attach.apply(deviceId, queue);
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

        /** Whether this line only tells that bytes were dropped here (its one part says how many). */
        public boolean dropNotice() {
            return length == 0 && parts.size() == 1 && parts.get(0).kind() == FrameMasker.Hidden.DROPPED;
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

    /** The next line, waiting up to {@code timeout}; null when none came. One consumer thread. */
    public Line poll(Duration timeout) throws InterruptedException {
        if (pending != null) {
            Line l = pending;
            pending = null;
            return l;
        }
        WireTapQueue.Chunk c = queue.poll(timeout);
        if (c == null) {
            return null;
        }
        if (c.afterDrop()) {
            pending = line(c);
            return dropNotice(c);
        }
        return line(c);
    }

    /** Every line waiting now, oldest first. */
    public List<Line> drain() {
        List<Line> lines = new ArrayList<>();
        if (pending != null) {
            lines.add(pending);
            pending = null;
        }
        for (WireTapQueue.Chunk c : queue.drain()) {
            if (c.afterDrop()) {
                lines.add(dropNotice(c));
            }
            lines.add(line(c));
        }
        return lines;
    }

    private static Line dropNotice(WireTapQueue.Chunk c) {
        int bytes = (int) Math.min(Integer.MAX_VALUE, c.droppedBytesBefore());
        return new Line(c.at(), c.direction(), 0, List.of(FrameMasker.Part.hidden(FrameMasker.Hidden.DROPPED, bytes)));
    }

    private Line line(WireTapQueue.Chunk c) {
        if (c.afterDrop()) {
            masker = maskers.get(); // the old one's state is wrong now: start afresh, hiding until a command
        }
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
