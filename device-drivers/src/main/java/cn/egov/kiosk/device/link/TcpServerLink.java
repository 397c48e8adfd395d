package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The device side of a TCP link: listens on a port and takes one host connection at a time. Used
 * by protocol simulators that play a network device (a receipt printer on port 9100); {@link
 * #open()} waits up to the accept timeout for the host to connect.
 */
public final class TcpServerLink implements ByteLink {
  private final ServerSocket server;
  private final Duration acceptTimeout;
  private volatile Socket socket;

  public TcpServerLink(ServerSocket server, Duration acceptTimeout) {
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
      Socket s = server.accept();
      s.setTcpNoDelay(true);
      socket = s;
    } catch (SocketTimeoutException e) {
      throw new LinkException(LinkException.Kind.TIMEOUT, describe() + ": no host connected", e);
    } catch (IOException e) {
      throw new LinkException(LinkException.Kind.IO, describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isOpen() {
    Socket s = socket;
    return s != null && !s.isClosed();
  }

  private Socket requireOpen() throws LinkException {
    Socket s = socket;
    if (s == null || s.isClosed()) {
      throw new LinkException(LinkException.Kind.IO, describe() + ": no host connected");
    }
    return s;
  }

  @Override
  public void write(byte[] data, int offset, int length) throws LinkException {
    try {
      requireOpen().getOutputStream().write(data, offset, length);
    } catch (LinkException e) {
      throw e;
    } catch (IOException e) {
      throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
    Socket s = requireOpen();
    try {
      s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      int n = s.getInputStream().read(buffer, offset, length);
      if (n < 0) {
        throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": host closed the connection");
      }
      return n;
    } catch (SocketTimeoutException e) {
      return 0;
    } catch (LinkException e) {
      throw e;
    } catch (IOException e) {
      throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void drainInput() throws LinkException {
    Socket s = requireOpen();
    try {
      int available = s.getInputStream().available();
      if (available > 0) {
        s.getInputStream().skipNBytes(available);
      }
    } catch (IOException e) {
      throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "tcp-listen:" + server.getLocalPort();
  }

  /** Drops the current host connection; the server keeps listening. */
  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  /** Stops listening. */
  public void shutdown() {
    close();
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
