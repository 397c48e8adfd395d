package cn.egov.kiosk.device.printer.escpos;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.printer.PrinterStatus;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thermal printer that speaks ESC/POS on a byte link: it answers {@code DLE EOT} with its status
 * and keeps what it was sent. The in-process simulator serves it on one end of a pipe with the real
 * driver on the other; engineers and tests serve it on a serial pseudo-terminal or a TCP socket.
 *
 * <p>Controllable while it runs: paper low, paper out (now, or after a number of bytes, to run out
 * during a job), cover open, cutter jam; and counts of what it printed.
 */
public final class VirtualEscPosPrinter {
  private static final Logger log = LoggerFactory.getLogger(VirtualEscPosPrinter.class);

  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private volatile boolean paperLow;
  private volatile boolean paperOut;
  private volatile boolean coverOpen;
  private volatile boolean cutterJam;
  private volatile boolean mute;
  private long paperLeftBytes = -1;
  private volatile Thread thread;
  private volatile ByteLink link;
  private int pendingDle; // 0: none, 1: DLE seen, 2: DLE EOT seen
  private volatile long lastDataNanos;

  // ---- control -------------------------------------------------------------------------------

  public synchronized void setPaperLow(boolean low) {
    paperLow = low;
  }

  /** Runs out of paper now ({@code true}) or is refilled ({@code false}). */
  public synchronized void setPaperOut(boolean out) {
    paperOut = out;
    paperLeftBytes = -1;
    if (!out) {
      paperLow = false;
    }
  }

  /** Runs out of paper once {@code bytes} more bytes of print data have arrived. */
  public synchronized void runOutAfter(long bytes) {
    paperLeftBytes = bytes;
  }

  public synchronized void setCoverOpen(boolean open) {
    coverOpen = open;
  }

  public synchronized void setCutterJam(boolean jam) {
    cutterJam = jam;
  }

  /** Stops answering status requests (a printer powered off behind a live serial cable). */
  public void setMute(boolean silent) {
    mute = silent;
  }

  public synchronized PrinterStatus status() {
    return new PrinterStatus(
        !(paperOut || coverOpen || cutterJam), paperLow, paperOut, coverOpen, cutterJam, false, false);
  }

  /** Every byte of print data received so far (status requests left out). */
  public synchronized byte[] received() {
    return received.toByteArray();
  }

  /** {@link System#nanoTime()} when the last byte of print data arrived; 0 before any. */
  public long lastDataNanos() {
    return lastDataNanos;
  }

  public synchronized void clearReceived() {
    received.reset();
  }

  // ---- the wire ------------------------------------------------------------------------------

  /** Feeds bytes from the host; returns the bytes to send back. */
  public synchronized byte[] accept(byte[] data, int offset, int length) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    for (int k = 0; k < length; k++) {
      int b = data[offset + k] & 0xFF;
      if (pendingDle == 2) {
        pendingDle = 0;
        if (b >= 1 && b <= 4) {
          if (!mute) {
            answer.write(EscPosStatus.encode(status())[b - 1]);
          }
          continue;
        }
        printed(EscPos.DLE);
        printed(EscPos.EOT);
      } else if (pendingDle == 1) {
        pendingDle = 0;
        if (b == EscPos.EOT) {
          pendingDle = 2;
          continue;
        }
        printed(EscPos.DLE);
      }
      if (b == EscPos.DLE) {
        pendingDle = 1;
        continue;
      }
      printed(b);
    }
    return answer.toByteArray();
  }

  private void printed(int b) {
    received.write(b);
    lastDataNanos = System.nanoTime();
    if (paperLeftBytes > 0 && --paperLeftBytes == 0) {
      paperOut = true;
      paperLeftBytes = -1;
      log.info("Virtual printer ran out of paper during a job");
    }
  }

  /**
   * Serves the printer on a link from a thread of its own until {@link #stop()}; reopens the link
   * when it drops (a cable pulled and plugged back).
   */
  public void serve(ByteLink onLink, String threadName) {
    link = onLink;
    Thread t = new Thread(() -> loop(onLink), threadName);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void loop(ByteLink l) {
    byte[] buffer = new byte[4096];
    while (thread == Thread.currentThread()) {
      try {
        if (!l.isOpen()) {
          l.open();
        }
        int n = l.read(buffer, 0, buffer.length, Duration.ofMillis(200));
        if (n > 0) {
          byte[] answer = accept(buffer, 0, n);
          if (answer.length > 0) {
            l.write(answer);
          }
        }
      } catch (LinkException e) {
        log.debug("Virtual printer link {}: {}; reopening", l.describe(), e.getMessage());
        l.close();
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  public void stop() {
    Thread t = thread;
    thread = null;
    if (t != null) {
      t.interrupt();
    }
    ByteLink l = link;
    if (l != null) {
      l.close();
    }
  }
}
