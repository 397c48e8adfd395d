package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Ack;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Broken;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Frame;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Nak;
import cn.egov.kiosk.device.payment.zvt.FrameReader.Unit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * ZVT on a serial line. Each APDU goes out in its frame and waits for the peer's ACK; after a NAK,
 * or T3 without an answer, the frame goes out again, at most twice more, then the send fails. Each
 * good frame that comes is acknowledged at once (while waiting for our own ACK too, since both sides
 * may send at the same moment) and kept for {@link #receive}; a broken one (bad CRC) is NAKed so
 * that the peer sends it again.
 *
 * <p>A frame that comes again, byte for byte, before anything of ours was acknowledged since it
 * came, is its sender's repeat after a lost ACK: acknowledged again, and not taken twice. A repeat
 * that cannot be told from a new message at this level (a command sent again after its ACK was
 * lost, once the other side has answered meanwhile) is the application's to recognise.
 *
 * <p>The simulator's faults act here: a frame sent with a bad CRC, a frame taken without its ACK, a
 * frame sent twice.
 */
final class SerialTransport implements ZvtTransport {
    /** How often a frame is sent again at most (ZVT: twice). */
    static final int MAX_RESENDS = 2;

    private enum Heard {
        NOTHING,
        ACK,
        NAK
    }

    private final ByteLink link;
    private final Duration t3;
    private final LineCounters counters = new LineCounters();
    private final FrameReader reader = new FrameReader();
    private final Deque<Apdu> inbox = new ArrayDeque<>();
    private final byte[] chunk = new byte[1024];
    /** The last frame taken, until something of ours is acknowledged: what a repeat would look like. */
    private byte[] lastTaken;

    private final LineFaults faults;
    private boolean corruptNext;
    private boolean repeatNext;

    SerialTransport(ByteLink link, Duration t3) {
        this(link, t3, LineFaults.NONE);
    }

    SerialTransport(ByteLink link, Duration t3, LineFaults faults) {
        this.link = link;
        this.t3 = t3;
        this.faults = faults;
    }

    @Override
    public LineCounters counters() {
        return counters;
    }

    @Override
    public void reset() {
        reader.clear();
        inbox.clear();
        lastTaken = null;
    }

    // ---- faults (the simulator's) ---------------------------------------------------------------

    /** The next frame sent goes out once with a wrong CRC (the peer NAKs it; the resend is right). */
    void corruptNextFrame() {
        corruptNext = true;
    }

    /** The next frame sent goes out a second time once acknowledged, as if its ACK had been lost. */
    void repeatNextFrame() {
        repeatNext = true;
    }

    // ---- sending ----------------------------------------------------------------------------------

    @Override
    public void send(Apdu apdu) throws LinkException, ZvtException {
        byte[] frame = DleFrames.frame(apdu.encode());
        boolean corrupt = corruptNext;
        corruptNext = false;
        boolean repeat = repeatNext;
        repeatNext = false;
        for (int attempt = 0; attempt <= MAX_RESENDS; attempt++) {
            if (attempt > 0) {
                counters.resends.incrementAndGet();
            }
            byte[] out = frame;
            if (corrupt && attempt == 0) {
                out = frame.clone();
                out[out.length - 1] ^= 0x5A;
            }
            write(out);
            Heard heard = awaitAckOrNak();
            if (heard == Heard.ACK) {
                counters.messagesSent.incrementAndGet();
                lastTaken = null; // the peer has heard from us: a frame like the last is a new one
                if (repeat) {
                    write(frame);
                    awaitAckOrNak();
                }
                return;
            }
            if (heard == Heard.NAK) {
                counters.naksReceived.incrementAndGet();
            }
        }
        counters.unacknowledged.incrementAndGet();
        throw new ZvtException(apdu.name() + ": not acknowledged after " + (MAX_RESENDS + 1) + " tries, "
                + t3.toMillis() + " ms apart");
    }

    /** Reads until the peer's ACK or NAK, or T3; frames meanwhile are taken as usual. */
    private Heard awaitAckOrNak() throws LinkException {
        long deadline = System.nanoTime() + t3.toNanos();
        while (true) {
            Heard heard = process(true);
            if (heard != Heard.NOTHING) {
                return heard;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Heard.NOTHING;
            }
            readOnce(Duration.ofNanos(left));
        }
    }

    // ---- receiving --------------------------------------------------------------------------------

    @Override
    public Optional<Apdu> receive(Duration timeout) throws LinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            process(false);
            if (!inbox.isEmpty()) {
                return Optional.of(inbox.poll());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            readOnce(Duration.ofNanos(left));
        }
    }

    private void readOnce(Duration wait) throws LinkException {
        int n = link.read(chunk, 0, chunk.length, wait);
        if (n > 0) {
            counters.bytesReceived.addAndGet(n);
            if (!faults.deaf()) {
                reader.feed(chunk, 0, n);
            }
            Arrays.fill(chunk, 0, n, (byte) 0);
        }
    }

    /** Handles what has been read: frames taken (ACK) or refused (NAK); the first ACK or NAK for us returned. */
    private Heard process(boolean awaitingAck) throws LinkException {
        for (Optional<Unit> next = reader.next(); next.isPresent(); next = reader.next()) {
            Unit unit = next.get();
            if (unit instanceof Ack) {
                if (awaitingAck) {
                    return Heard.ACK;
                }
                counters.noise.incrementAndGet();
            } else if (unit instanceof Nak) {
                if (awaitingAck) {
                    return Heard.NAK;
                }
                counters.noise.incrementAndGet();
            } else if (unit instanceof Frame frame) {
                take(frame.apdu());
            } else if (unit instanceof Broken) {
                counters.naksSent.incrementAndGet();
                write(new byte[] {DleFrames.NAK});
            }
        }
        return Heard.NOTHING;
    }

    private void take(byte[] bytes) throws LinkException {
        Apdu apdu;
        try {
            apdu = Apdu.decode(bytes);
        } catch (ZvtFormatException e) { // a good CRC over a bad APDU: ask for it again
            counters.naksSent.incrementAndGet();
            write(new byte[] {DleFrames.NAK});
            return;
        }
        if (!faults.withholdAck(apdu)) {
            write(new byte[] {DleFrames.ACK});
        }
        if (lastTaken != null && Arrays.equals(lastTaken, bytes)) {
            counters.duplicates.incrementAndGet();
            return;
        }
        lastTaken = bytes;
        counters.messagesReceived.incrementAndGet();
        inbox.add(apdu);
    }

    private void write(byte[] bytes) throws LinkException {
        link.write(bytes);
        counters.bytesSent.addAndGet(bytes.length);
    }
}
