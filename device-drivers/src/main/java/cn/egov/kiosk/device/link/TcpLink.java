package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** A TCP connection to a device, such as a network receipt printer on port 9100. */
public final class TcpLink extends SocketLink {
    private final String host;
    private final int port;
    private final int connectTimeoutMs;

    public TcpLink(String host, int port, int connectTimeoutMs) {
        this(host, port, connectTimeoutMs, TimedWriter.DEFAULT_TIMEOUT);
    }

    /** @param writeTimeout how long a write may block (a printer that stopped reading) */
    public TcpLink(String host, int port, int connectTimeoutMs, Duration writeTimeout) {
        super(writeTimeout);
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    @Override
    public void open() throws LinkException {
        Socket s = new Socket();
        try {
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            connected(s);
        } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Kind.NOT_FOUND, describe() + ": " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new LinkException(
                    LinkException.Kind.NOT_FOUND, describe() + ": no answer within " + connectTimeoutMs + " ms", e);
        } catch (IOException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Kind.IO, describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    String peer() {
        return "the device";
    }

    @Override
    public String describe() {
        return "tcp:" + host + ":" + port;
    }
}
