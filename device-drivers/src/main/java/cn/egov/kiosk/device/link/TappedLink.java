package cn.egov.kiosk.device.link;

import java.time.Duration;

/**
 * A link that shows what it carries to the taps of its {@link TapPoint}: bytes written once the
 * link took them ({@code OUT}), bytes read as the driver gets them ({@code IN}). Everything else is
 * the wrapped link's.
 */
final class TappedLink implements ByteLink {
    private final ByteLink link;
    private final TapPoint point;

    TappedLink(ByteLink link, TapPoint point) {
        this.link = link;
        this.point = point;
    }

    @Override
    public void open() throws LinkException {
        link.open();
    }

    @Override
    public boolean isOpen() {
        return link.isOpen();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        link.write(data, offset, length);
        point.pass(WireTap.Direction.OUT, data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        int n = link.read(buffer, offset, length, timeout);
        if (n > 0) {
            point.pass(WireTap.Direction.IN, buffer, offset, n);
        }
        return n;
    }

    @Override
    public void drainInput() throws LinkException {
        link.drainInput();
    }

    @Override
    public Duration wireTime(int byteCount) {
        return link.wireTime(byteCount);
    }

    @Override
    public String describe() {
        return link.describe();
    }

    @Override
    public void close() {
        link.close();
    }

    @Override
    public String toString() {
        return link.toString();
    }
}
