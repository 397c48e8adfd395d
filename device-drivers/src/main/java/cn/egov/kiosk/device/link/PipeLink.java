package cn.egov.kiosk.device.link;

import java.time.Duration;

/**
 * One end of an in-memory, full-duplex byte pipe: what one end writes, the other reads. The
 * in-process simulators put a device's protocol on one end and the real driver on the other, so
 * that demo mode runs the same driver code as a real hall. The pipe can be severed and restored to
 * play a pulled cable.
 */
public final class PipeLink implements ByteLink {

    /** The two ends of a pipe, and the cable between them. */
    public record Pair(PipeLink host, PipeLink device) {
        /** Pulls the cable: both ends fail as disconnected and cannot be opened until restored. */
        public void sever() {
            host.pipe.severed = true;
            host.inbound.close();
            device.inbound.close();
        }

        /** Plugs the cable back in; the ends must be opened again. */
        public void restore() {
            host.pipe.severed = false;
        }

        public boolean severed() {
            return host.pipe.severed;
        }
    }

    private static final class Pipe {
        volatile boolean severed;
    }

    private final String name;
    private final Pipe pipe;
    private final ByteQueue inbound = new ByteQueue();
    private PipeLink peer;
    private volatile boolean open;

    private PipeLink(String name, Pipe pipe) {
        this.name = name;
        this.pipe = pipe;
    }

    /** A connected pair: {@code host} for the driver, {@code device} for the simulated hardware. */
    public static Pair pair(String name) {
        Pipe pipe = new Pipe();
        PipeLink host = new PipeLink(name + "/host", pipe);
        PipeLink device = new PipeLink(name + "/device", pipe);
        host.peer = device;
        device.peer = host;
        return new Pair(host, device);
    }

    @Override
    public void open() throws LinkException {
        if (pipe.severed) {
            throw new LinkException(LinkException.Kind.NOT_FOUND, describe() + ": nothing connected");
        }
        inbound.reopen();
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        check();
        if (peer.open) {
            peer.inbound.put(data, offset, length);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        check();
        try {
            int n = inbound.take(buffer, offset, length, timeout.toNanos());
            if (n < 0) {
                check();
                throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": closed");
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(LinkException.Kind.IO, describe() + ": interrupted", e);
        }
    }

    private void check() throws LinkException {
        if (pipe.severed) {
            throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": cable pulled");
        }
        if (!open) {
            throw new LinkException(LinkException.Kind.IO, describe() + ": not open");
        }
    }

    @Override
    public void drainInput() {
        inbound.clear();
    }

    @Override
    public String describe() {
        return "pipe:" + name;
    }

    @Override
    public void close() {
        open = false;
        inbound.close();
    }
}
