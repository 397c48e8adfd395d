package cn.egov.kiosk.device.idcard.sam;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds frames in a stream of bytes: skips garbage before the preamble, checks the length and the
 * checksum, and resynchronises after a broken frame by searching for the next preamble one byte
 * further on. Feed it what the link delivers; take bodies out as they complete. Never throws
 * anything but {@link SamFrameException}, whatever the input.
 */
public final class SamFrameParser {
    private static final int HEADER = SamFrames.PREAMBLE.length + 2;

    private byte[] buffer = new byte[2048];
    private int start;
    private int end;
    private long garbage;

    /** Adds bytes that arrived. */
    public void feed(byte[] data, int offset, int length) {
        if (end + length > buffer.length) {
            int live = end - start;
            if (live + length > buffer.length) {
                byte[] grown = new byte[Math.max(buffer.length * 2, live + length)];
                System.arraycopy(buffer, start, grown, 0, live);
                Arrays.fill(buffer, (byte) 0); // the old buffer is garbage now: nothing of it to find later
                buffer = grown;
            } else {
                System.arraycopy(buffer, start, buffer, 0, live);
            }
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }

    /**
     * The body of the next complete frame (everything between the length and the checksum), or
     * empty when more bytes are needed.
     *
     * @throws SamFrameException for a frame with a bad checksum or length; the next call goes on
     *     after it
     */
    public Optional<byte[]> next() throws SamFrameException {
        int at = findPreamble();
        if (at < 0) {
            int keep = Math.min(end - start, SamFrames.PREAMBLE.length - 1);
            garbage += (end - start) - keep;
            start = end - keep;
            return Optional.empty();
        }
        garbage += at - start;
        start = at;
        if (end - start < HEADER) {
            return Optional.empty();
        }
        int length = ((buffer[start + 5] & 0xFF) << 8) | (buffer[start + 6] & 0xFF);
        if (length < 2 || length > SamFrames.MAX_LENGTH) {
            start++;
            garbage++;
            throw new SamFrameException(
                    SamFrameException.Problem.BAD_LENGTH, "frame length " + length + " is impossible");
        }
        if (end - start < HEADER + length) {
            return Optional.empty();
        }
        int bodyStart = start + HEADER;
        int bodyLength = length - 1;
        int expected = SamFrames.checksum(length, buffer, bodyStart, bodyLength);
        int actual = buffer[bodyStart + bodyLength] & 0xFF;
        if (expected != actual) {
            start++;
            garbage++;
            throw new SamFrameException(
                    SamFrameException.Problem.BAD_CHECKSUM,
                    String.format("checksum %02X, expected %02X, in a frame of %d bytes", actual, expected, length));
        }
        byte[] body = Arrays.copyOfRange(buffer, bodyStart, bodyStart + bodyLength);
        Arrays.fill(buffer, start, start + HEADER + length, (byte) 0); // handed over: the caller's copy is the only one
        start += HEADER + length;
        return Optional.of(body);
    }

    private int findPreamble() {
        byte[] p = SamFrames.PREAMBLE;
        outer:
        for (int i = start; i + p.length <= end; i++) {
            for (int k = 0; k < p.length; k++) {
                if (buffer[i + k] != p[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether part of a frame has arrived and the rest has not (a truncated frame, at a timeout). */
    public boolean partialFrame() {
        return findPreamble() >= 0;
    }

    /** Bytes skipped as garbage so far. */
    public long garbage() {
        return garbage;
    }

    /** Forgets everything buffered (before a new command). */
    public void clear() {
        start = 0;
        end = 0;
    }

    /**
     * Forgets everything buffered and overwrites it: the buffer held a card's raw answer (name,
     * number, photo), which must not lie in memory until the next read.
     */
    public void wipe() {
        Arrays.fill(buffer, (byte) 0);
        clear();
    }

    /** How many bytes of the buffer are not zero (0 after {@link #wipe}): for tests of the wipe. */
    int residue() {
        int n = 0;
        for (byte b : buffer) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }
}
