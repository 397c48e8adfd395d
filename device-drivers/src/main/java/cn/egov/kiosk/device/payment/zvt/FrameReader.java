package cn.egov.kiosk.device.payment.zvt;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds what comes over a ZVT serial line, in the bytes as they are read: ACK and NAK bytes, frames
 * (checked: stuffing, CRC) and broken frames, which the receiver answers with NAK so that the
 * sender sends again. Bytes outside a frame that are neither ACK nor NAK are skipped and counted.
 * Pure logic; not thread-safe.
 */
final class FrameReader {
    /** A frame longer than this (an APDU of 64 KiB, stuffed) is noise: it is dropped as broken. */
    static final int MAX_FRAME = 2 * (Apdu.MAX_DATA + 5);

    /** What the line carried. */
    sealed interface Unit permits Ack, Nak, Frame, Broken {}

    /** The peer took our frame. */
    record Ack() implements Unit {}

    /** The peer asks for our frame again. */
    record Nak() implements Unit {}

    /** A good frame: its APDU's bytes, unstuffed. */
    record Frame(byte[] apdu) implements Unit {
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && Arrays.equals(f.apdu, apdu);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(apdu);
        }

        @Override
        public String toString() {
            return "Frame[" + apdu.length + " bytes]";
        }
    }

    /** A frame that cannot be taken: why. */
    record Broken(Problem problem) implements Unit {}

    /** Why a frame was broken. */
    enum Problem {
        /** The CRC does not match the frame's bytes. */
        BAD_CRC,
        /** A DLE followed by something other than DLE, ETX or STX. */
        BAD_STUFFING,
        /** A new DLE STX before the frame ended. */
        CUT_SHORT,
        /** Longer than any APDU. */
        TOO_LONG
    }

    private enum State {
        BETWEEN,
        AFTER_DLE_BETWEEN,
        IN_FRAME,
        AFTER_DLE_IN_FRAME,
        CRC_LOW,
        CRC_HIGH
    }

    private final Deque<Unit> found = new ArrayDeque<>();
    private final ByteArrayOutputStream apdu = new ByteArrayOutputStream();
    private State state = State.BETWEEN;
    private int crcLow;
    private long skipped;

    /** Takes bytes as they were read. */
    void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            take(bytes[i]);
        }
    }

    /** The next unit found, in order; empty when nothing complete has come. */
    Optional<Unit> next() {
        return Optional.ofNullable(found.poll());
    }

    /** Whether a frame has begun and not ended. */
    boolean partial() {
        return state != State.BETWEEN && state != State.AFTER_DLE_BETWEEN;
    }

    /** Bytes skipped outside frames so far (noise). */
    long skipped() {
        return skipped;
    }

    /** Forgets everything in hand (the link was reopened). */
    void clear() {
        found.clear();
        apdu.reset();
        state = State.BETWEEN;
    }

    private void take(byte b) {
        switch (state) {
            case BETWEEN -> {
                if (b == DleFrames.ACK) {
                    found.add(new Ack());
                } else if (b == DleFrames.NAK) {
                    found.add(new Nak());
                } else if (b == DleFrames.DLE) {
                    state = State.AFTER_DLE_BETWEEN;
                } else {
                    skipped++;
                }
            }
            case AFTER_DLE_BETWEEN -> {
                if (b == DleFrames.STX) {
                    apdu.reset();
                    state = State.IN_FRAME;
                } else {
                    skipped += 2;
                    state = State.BETWEEN;
                    if (b == DleFrames.DLE) { // DLE DLE STX: the second DLE may start the frame
                        skipped--;
                        state = State.AFTER_DLE_BETWEEN;
                    }
                }
            }
            case IN_FRAME -> {
                if (b == DleFrames.DLE) {
                    state = State.AFTER_DLE_IN_FRAME;
                } else {
                    append(b);
                }
            }
            case AFTER_DLE_IN_FRAME -> {
                if (b == DleFrames.DLE) {
                    state = State.IN_FRAME;
                    append(b);
                } else if (b == DleFrames.ETX) {
                    state = State.CRC_LOW;
                } else if (b == DleFrames.STX) {
                    found.add(new Broken(Problem.CUT_SHORT));
                    apdu.reset();
                    state = State.IN_FRAME;
                } else {
                    found.add(new Broken(Problem.BAD_STUFFING));
                    apdu.reset();
                    state = State.BETWEEN;
                }
            }
            case CRC_LOW -> {
                crcLow = b & 0xFF;
                state = State.CRC_HIGH;
            }
            case CRC_HIGH -> {
                int crc = crcLow | (b & 0xFF) << 8;
                byte[] body = apdu.toByteArray();
                apdu.reset();
                state = State.BETWEEN;
                found.add(crc == Crc16.ofFrame(body) ? new Frame(body) : new Broken(Problem.BAD_CRC));
            }
        }
    }

    private void append(byte b) {
        if (apdu.size() >= MAX_FRAME) {
            found.add(new Broken(Problem.TOO_LONG));
            apdu.reset();
            state = State.BETWEEN;
            return;
        }
        apdu.write(b);
    }
}
