package cn.egov.kiosk.device.payment.zvt;

import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts the bytes of a TCP stream into APDUs by their length fields (TCP carries bare APDUs: no
 * framing, no CRC, no ACK byte). Pure logic; not thread-safe.
 */
final class ApduReader {
    private byte[] buffer = new byte[512];
    private int length;

    void feed(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    /** The next whole APDU; empty until all its bytes have come. */
    Optional<Apdu> next() {
        int total = Apdu.totalLength(buffer, 0, length);
        if (total < 0 || total > length) {
            return Optional.empty();
        }
        byte[] bytes = Arrays.copyOf(buffer, total);
        System.arraycopy(buffer, total, buffer, 0, length - total);
        Arrays.fill(buffer, length - total, length, (byte) 0);
        length -= total;
        try {
            return Optional.of(Apdu.decode(bytes));
        } catch (ZvtFormatException e) {
            throw new IllegalStateException("a length-checked APDU did not decode", e);
        }
    }

    /** Bytes of an APDU begun and not complete. */
    int pending() {
        return length;
    }

    void clear() {
        Arrays.fill(buffer, 0, length, (byte) 0);
        length = 0;
    }
}
