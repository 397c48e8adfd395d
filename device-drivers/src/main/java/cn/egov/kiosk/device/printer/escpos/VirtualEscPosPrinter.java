package cn.egov.kiosk.device.printer.escpos;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.printer.PrinterStatus;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thermal printer that speaks ESC/POS on a byte link, modelled as a real one works:
 *
 * <ul>
 *   <li>the <b>receiver</b> answers real-time requests at once ({@code DLE EOT n}: status, even
 *       while printing or stopped; {@code DLE ENQ 2}: clear the buffer after an error) and puts
 *       everything else in the print buffer;
 *   <li>the <b>mechanism</b> prints the buffer in order, optionally at a speed (a delay per line),
 *       answers in-sequence requests ({@code GS r 1}) only when it reaches them, and stops while the
 *       paper is out, the cover open or the cutter jammed.
 * </ul>
 *
 * <p>So a driver that asks {@code GS r 1} after a job learns when the job is really printed, and a
 * roll that runs out mid-ticket leaves that request unanswered, as on the counter. The in-process
 * simulator serves it on one end of a pipe with the real driver on the other; engineers and tests
 * serve it on a serial pseudo-terminal or a TCP socket.
 */
public final class VirtualEscPosPrinter {
    private static final Logger log = LoggerFactory.getLogger(VirtualEscPosPrinter.class);
    /** How much of what it was sent the printer keeps for {@link #received()}: the newest bytes. */
    static final int RECEIVED_LIMIT = 1 << 20;

    private final Object lock = new Object();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
    private final ByteArrayOutputStream inSequenceAnswers = new ByteArrayOutputStream();
    private boolean paperLow;
    private boolean paperOut;
    private boolean coverOpen;
    private boolean cutterJam;
    private volatile boolean mute;
    private long paperLeftBytes = -1;
    private long lineDelayMillis;
    private int pendingPrefix; // receiver: 0 none, DLE seen, then EOT or ENQ
    private int mechanismState; // mechanism: 0 none, 1 GS seen, 2 GS r seen
    private volatile long lastDataNanos;
    private long printedBytes;
    private volatile ByteLink link;
    private volatile Thread server;
    private final Thread mechanism;

    public VirtualEscPosPrinter() {
        mechanism = new Thread(this::runMechanism, "virtual-printer-mechanism");
        mechanism.setDaemon(true);
        mechanism.start();
    }

    // ---- control -------------------------------------------------------------------------------

    public void setPaperLow(boolean low) {
        synchronized (lock) {
            paperLow = low;
        }
    }

    /** Runs out of paper now ({@code true}) or is refilled ({@code false}). */
    public void setPaperOut(boolean out) {
        synchronized (lock) {
            paperOut = out;
            paperLeftBytes = -1;
            if (!out) {
                paperLow = false;
            }
            lock.notifyAll();
        }
    }

    /** Runs out of paper once {@code bytes} more bytes of print data have arrived. */
    public void runOutAfter(long bytes) {
        synchronized (lock) {
            paperLeftBytes = bytes;
        }
    }

    public void setCoverOpen(boolean open) {
        synchronized (lock) {
            coverOpen = open;
            lock.notifyAll();
        }
    }

    public void setCutterJam(boolean jam) {
        synchronized (lock) {
            cutterJam = jam;
            lock.notifyAll();
        }
    }

    /** Stops answering anything (a printer powered off behind a live serial cable). */
    public void setMute(boolean silent) {
        mute = silent;
    }

    /** How long the mechanism takes per printed line (0: as fast as the bytes come). */
    public void setLineDelay(Duration delay) {
        synchronized (lock) {
            lineDelayMillis = delay.toMillis();
        }
    }

    public PrinterStatus status() {
        synchronized (lock) {
            return statusNow();
        }
    }

    private PrinterStatus statusNow() {
        return new PrinterStatus(!stopped(), paperLow, paperOut, coverOpen, cutterJam, false, false);
    }

    private boolean stopped() {
        return paperOut || coverOpen || cutterJam;
    }

    /**
     * The print data the host sent (real-time requests left out), as it arrived: the newest
     * {@link #RECEIVED_LIMIT} bytes.
     */
    public byte[] received() {
        synchronized (lock) {
            return received.toByteArray();
        }
    }

    /** Bytes received and not printed yet (waiting in the buffer). */
    public int bufferedBytes() {
        synchronized (lock) {
            return buffer.size();
        }
    }

    /** How many bytes the mechanism has printed so far. */
    public long printedBytes() {
        synchronized (lock) {
            return printedBytes;
        }
    }

    /** {@link System#nanoTime()} when the last byte of print data arrived; 0 before any. */
    public long lastDataNanos() {
        return lastDataNanos;
    }

    public void clearReceived() {
        synchronized (lock) {
            received.reset();
        }
    }

    /** Answers to in-sequence requests that no link has taken (when driven through {@link #accept}). */
    public byte[] takeInSequenceAnswers() {
        synchronized (lock) {
            byte[] answers = inSequenceAnswers.toByteArray();
            inSequenceAnswers.reset();
            return answers;
        }
    }

    /** Waits until the mechanism has printed everything it can (it is stopped or the buffer empty). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!buffer.isEmpty() && !stopped()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    // ---- the receiver --------------------------------------------------------------------------

    /** Feeds bytes from the host; returns the real-time answers to send back at once. */
    public byte[] accept(byte[] data, int offset, int length) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        synchronized (lock) {
            for (int k = 0; k < length; k++) {
                int b = data[offset + k] & 0xFF;
                if (pendingPrefix == EscPos.EOT) {
                    pendingPrefix = 0;
                    if (b >= 1 && b <= 4) {
                        if (!mute) {
                            answer.write(EscPosStatus.encode(statusNow())[b - 1]);
                        }
                        continue;
                    }
                    toBuffer(EscPos.DLE);
                    toBuffer(EscPos.EOT);
                } else if (pendingPrefix == EscPos.ENQ) {
                    pendingPrefix = 0;
                    if (b == 2) { // recover from the error and clear the buffers
                        buffer.clear();
                        mechanismState = 0;
                        lock.notifyAll();
                        continue;
                    }
                    toBuffer(EscPos.DLE);
                    toBuffer(EscPos.ENQ);
                } else if (pendingPrefix == EscPos.DLE) {
                    pendingPrefix = 0;
                    if (b == EscPos.EOT || b == EscPos.ENQ) {
                        pendingPrefix = b;
                        continue;
                    }
                    toBuffer(EscPos.DLE);
                }
                if (b == EscPos.DLE) {
                    pendingPrefix = EscPos.DLE;
                    continue;
                }
                toBuffer(b);
            }
            lock.notifyAll();
        }
        return answer.toByteArray();
    }

    private void toBuffer(int b) {
        received.write(b);
        if (received.size() > RECEIVED_LIMIT) {
            byte[] all = received.toByteArray();
            received.reset();
            received.write(all, all.length - RECEIVED_LIMIT / 2, RECEIVED_LIMIT / 2);
        }
        lastDataNanos = System.nanoTime();
        buffer.addLast(b);
        if (paperLeftBytes > 0 && --paperLeftBytes == 0) {
            paperOut = true;
            paperLeftBytes = -1;
            log.info("Virtual printer ran out of paper during a job");
        }
    }

    // ---- the mechanism -------------------------------------------------------------------------

    private void runMechanism() {
        while (true) {
            int b;
            long delay;
            synchronized (lock) {
                try {
                    while (buffer.isEmpty() || stopped()) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                b = buffer.pollFirst();
                printedBytes++;
                delay = b == EscPos.LF ? lineDelayMillis : 0;
                inSequence(b);
                lock.notifyAll();
            }
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Recognises {@code GS r n} as the mechanism reaches it; the caller holds the lock. */
    private void inSequence(int b) {
        switch (mechanismState) {
            case 1 -> mechanismState = b == 'r' ? 2 : 0;
            case 2 -> {
                mechanismState = 0;
                if (b == 1 || b == '1') {
                    answerInSequence(paperSensorByte());
                } else if (b == 2 || b == '2') {
                    answerInSequence(0x00); // drawer: closed
                }
            }
            default -> {
                if (b == EscPos.GS) {
                    mechanismState = 1;
                }
            }
        }
    }

    /** The answer to {@code GS r 1}: bits 0-1 paper near end, bits 2-3 paper end, bits 4 and 7 zero. */
    private int paperSensorByte() {
        return (paperLow || paperOut ? 0x03 : 0) | (paperOut ? 0x0C : 0);
    }

    private void answerInSequence(int value) {
        if (mute) {
            return;
        }
        ByteLink l = link;
        if (l != null && l.isOpen()) {
            try {
                l.write(new byte[] {(byte) value});
                return;
            } catch (LinkException e) {
                log.debug("Virtual printer could not answer: {}", e.getMessage());
            }
        }
        inSequenceAnswers.write(value);
    }

    // ---- serving a link ------------------------------------------------------------------------

    /**
     * Serves the printer on a link from a thread of its own until {@link #stop()}; reopens the link
     * when it drops (a cable pulled and plugged back).
     */
    public void serve(ByteLink onLink, String threadName) {
        link = onLink;
        Thread t = new Thread(() -> loop(onLink), threadName);
        t.setDaemon(true);
        server = t;
        t.start();
    }

    private void loop(ByteLink l) {
        byte[] chunk = new byte[4096];
        while (server == Thread.currentThread()) {
            try {
                if (!l.isOpen()) {
                    l.open();
                }
                int n = l.read(chunk, 0, chunk.length, Duration.ofMillis(200));
                if (n > 0) {
                    byte[] answer = accept(chunk, 0, n);
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

    /** Stops serving and printing. */
    public void stop() {
        Thread t = server;
        server = null;
        if (t != null) {
            t.interrupt();
        }
        mechanism.interrupt();
        ByteLink l = link;
        if (l != null) {
            l.close();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "VirtualEscPosPrinter[" + statusNow().describe() + ", " + buffer.size() + " bytes buffered, "
                    + printedBytes + " printed]";
        }
    }
}
