package cn.egov.kiosk.device.link;

import java.util.Arrays;

/** A growable byte queue with a timed take: the receive buffer of in-memory and file links. */
final class ByteQueue {
    private byte[] data = new byte[1024];
    private int head;
    private int size;
    private boolean closed;

    synchronized void put(byte[] bytes, int offset, int length) {
        if (closed) {
            return;
        }
        ensure(size + length);
        for (int i = 0; i < length; i++) {
            data[(head + size + i) % data.length] = bytes[offset + i];
        }
        size += length;
        notifyAll();
    }

    /**
     * Takes up to {@code length} bytes, waiting up to {@code timeoutNanos} for the first.
     *
     * @return the count taken, 0 on timeout, -1 when the queue is closed and empty
     */
    synchronized int take(byte[] out, int offset, int length, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (size == 0) {
            if (closed) {
                return -1;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            long millis = left / 1_000_000;
            wait(millis, (int) (left % 1_000_000));
        }
        int n = Math.min(length, size);
        for (int i = 0; i < n; i++) {
            int at = (head + i) % data.length;
            out[offset + i] = data[at];
            data[at] = 0; // taken: a device's answer (a card's data) is not left behind in the queue
        }
        head = (head + n) % data.length;
        size -= n;
        return n;
    }

    synchronized void clear() {
        Arrays.fill(data, (byte) 0);
        head = 0;
        size = 0;
    }

    /** How many bytes of the buffer are not zero: for tests of the wipe. */
    synchronized int residue() {
        int n = 0;
        for (byte b : data) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized void reopen() {
        closed = false;
        clear();
    }

    private void ensure(int capacity) {
        if (capacity <= data.length) {
            return;
        }
        byte[] grown = new byte[Math.max(capacity, data.length * 2)];
        for (int i = 0; i < size; i++) {
            grown[i] = data[(head + i) % data.length];
        }
        Arrays.fill(data, (byte) 0); // the old buffer is garbage now: nothing of it to find later
        data = grown;
        head = 0;
    }
}
