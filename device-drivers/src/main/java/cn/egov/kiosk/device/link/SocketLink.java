package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What a TCP link does once it has a connected socket, whichever side made the connection: timed
 * reads, writes, draining, closing. {@link TcpLink} connects to a device; {@link TcpServerLink}
 * accepts a host.
 */
abstract class SocketLink implements ByteLink {
    private volatile Socket socket;
    private final TimedWriter writer;

    SocketLink(Duration writeTimeout) {
        this.writer = new TimedWriter("socket", writeTimeout);
    }

    /** Who is at the other end, for messages: "the device", "the host". */
    abstract String peer();

    /** Hands over a connected socket. */
    final void connected(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        socket = s;
    }

    @Override
    public final boolean isOpen() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    private Socket requireOpen() throws LinkException {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            throw new LinkException(LinkException.Kind.IO, describe() + ": not open");
        }
        return s;
    }

    @Override
    public final void write(byte[] data, int offset, int length) throws LinkException {
        Socket s = requireOpen();
        writer.write(
                describe(),
                () -> {
                    s.getOutputStream().write(data, offset, length);
                    s.getOutputStream().flush();
                },
                this::close);
    }

    @Override
    public final int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        Socket s = requireOpen();
        try {
            s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            int n = s.getInputStream().read(buffer, offset, length);
            if (n < 0) {
                throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": closed by " + peer());
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (LinkException e) {
            throw e;
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public final void drainInput() throws LinkException {
        Socket s = requireOpen();
        try {
            int available = s.getInputStream().available();
            if (available > 0) {
                s.getInputStream().skipNBytes(available);
            }
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private LinkException lost(IOException e) {
        return new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": " + e.getMessage(), e);
    }

    /** Drops the connection; never throws. */
    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        closeQuietly(s);
    }

    static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
