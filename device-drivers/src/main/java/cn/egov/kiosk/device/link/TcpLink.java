package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** A TCP connection to a device, such as a network receipt printer on port 9100. */
public final class TcpLink implements ByteLink {
  private final String host;
  private final int port;
  private final int connectTimeoutMs;
  private volatile Socket socket;
  private InputStream in;
  private OutputStream out;

  public TcpLink(String host, int port, int connectTimeoutMs) {
    this.host = host;
    this.port = port;
    this.connectTimeoutMs = connectTimeoutMs;
  }

  @Override
  public void open() throws LinkException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
      in = s.getInputStream();
      out = s.getOutputStream();
      socket = s;
    } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
      closeQuietly(s);
      throw new LinkException(LinkException.Kind.NOT_FOUND, describe() + ": " + e.getMessage(), e);
    } catch (SocketTimeoutException e) {
      closeQuietly(s);
      throw new LinkException(
          LinkException.Kind.NOT_FOUND,
          describe() + ": no answer within " + connectTimeoutMs + " ms",
          e);
    } catch (IOException e) {
      closeQuietly(s);
      throw new LinkException(LinkException.Kind.IO, describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isOpen() {
    Socket s = socket;
    return s != null && !s.isClosed();
  }

  @Override
  public void write(byte[] data, int offset, int length) throws LinkException {
    requireOpen();
    try {
      out.write(data, offset, length);
      out.flush();
    } catch (IOException e) {
      throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
    requireOpen();
    try {
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      int n = in.read(buffer, offset, length);
      if (n < 0) {
        throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": closed by the device");
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
    requireOpen();
    try {
      int available = in.available();
      if (available > 0) {
        in.skipNBytes(available);
      }
    } catch (IOException e) {
      throw new LinkException(LinkException.Kind.DISCONNECTED, describe() + ": " + e.getMessage(), e);
    }
  }

  private void requireOpen() throws LinkException {
    if (!isOpen()) {
      throw new LinkException(LinkException.Kind.IO, describe() + ": not open");
    }
  }

  @Override
  public String describe() {
    return "tcp:" + host + ":" + port;
  }

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    closeQuietly(s);
  }

  private static void closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
