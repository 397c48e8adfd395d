package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by socat: a serial cable on one machine. One end for a driver,
 * the other for a protocol simulator; engineers use it to try a kiosk against a simulated device,
 * benchmarks and tests to run the serial path for real. {@link #kill()} pulls the cable.
 *
 * <p>Needs socat ({@code apt-get install socat}).
 */
public final class PtyPair implements AutoCloseable {
  private static final long START_TIMEOUT_MS = 5_000;

  private final Process process;
  private final Path host;
  private final Path device;

  private PtyPair(Process process, Path host, Path device) {
    this.process = process;
    this.host = host;
    this.device = device;
  }

  /**
   * Starts {@code socat pty,raw,echo=0,link=DIR/host pty,raw,echo=0,link=DIR/device} and waits
   * until both links exist.
   *
   * @throws IOException when socat is missing, exits, or has not made both links within 5 s; the
   *     message holds what socat said
   */
  public static PtyPair start(Path dir) throws IOException {
    String text = dir.toAbsolutePath().toString();
    if (text.matches(".*[,:!'\"\\\\{}\\[\\]\\s].*")) {
      throw new IllegalArgumentException("a folder path without , : ! quotes or spaces (socat address syntax), not " + text);
    }
    Files.createDirectories(dir);
    Path host = dir.toAbsolutePath().resolve("host");
    Path device = dir.toAbsolutePath().resolve("device");
    Files.deleteIfExists(host);
    Files.deleteIfExists(device);
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "socat", "-d", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IOException("socat is needed for a pseudo-terminal pair (apt-get install socat): " + e.getMessage(), e);
    }
    StringBuilder said = new StringBuilder();
    Thread reader = new Thread(() -> collect(p.getErrorStream(), said), "socat-stderr");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
    while (!(Files.exists(host) && Files.exists(device))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        synchronized (said) {
          throw new IOException("socat did not make the pseudo-terminals: " + said);
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting socat", e);
      }
    }
    return new PtyPair(p, host, device);
  }

  private static void collect(InputStream in, StringBuilder into) {
    try {
      byte[] buffer = new byte[512];
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (into) {
          into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException ignored) {
      // socat ended
    }
  }

  /** The end a driver opens. */
  public String hostPath() {
    return host.toString();
  }

  /** The end the simulated device opens. */
  public String devicePath() {
    return device.toString();
  }

  /** Pulls the cable: socat exits and both ends vanish. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
