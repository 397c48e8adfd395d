package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The device side of a TCP link: listens on a port and takes one host connection at a time. Used
 * by protocol simulators that play a network device (a receipt printer on port 9100); {@link
 * #open()} waits up to the accept timeout for the host to connect.
 */
public final class TcpServerLink extends SocketLink {
    private final ServerSocket server;
    private final Duration acceptTimeout;

    public TcpServerLink(ServerSocket server, Duration acceptTimeout) {
        super(TimedWriter.DEFAULT_TIMEOUT);
        this.server = server;
        this.acceptTimeout = acceptTimeout;
    }

    /** Listens on the loopback interface; port 0 takes a free port (see {@link #port()}). */
    public static TcpServerLink listen(int port) throws IOException {
        return new TcpServerLink(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()), Duration.ofMillis(500));
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void open() throws LinkException {
        try {
            server.setSoTimeout((int) acceptTimeout.toMillis());
            connected(server.accept());
        } catch (SocketTimeoutException e) {
            throw new LinkException(LinkException.Kind.TIMEOUT, describe() + ": no host connected", e);
        } catch (IOException e) {
            throw new LinkException(LinkException.Kind.IO, describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    String peer() {
        return "the host";
    }

    @Override
    public String describe() {
        return "tcp-listen:" + server.getLocalPort();
    }

    /** Stops listening (and drops the current host connection). */
    public void shutdown() {
        close();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
