package cn.egov.kiosk.device.link;

import java.time.Duration;

/**
 * A bidirectional byte channel to a device: a serial port, a TCP socket, a device file or an
 * in-memory pipe. Reads take a timeout and return what has arrived; writes return when the bytes
 * are handed to the operating system. Not thread-safe for concurrent readers or writers; one reader
 * and one writer thread may use it at once.
 */
public interface ByteLink extends AutoCloseable {

    /** Opens the link; flushes whatever the port held from before. */
    void open() throws LinkException;

    boolean isOpen();

    void write(byte[] data, int offset, int length) throws LinkException;

    default void write(byte[] data) throws LinkException {
        write(data, 0, data.length);
    }

    /**
     * Reads what is available, waiting up to {@code timeout} for the first byte.
     *
     * @return the number of bytes read, 0 when nothing arrived in time
     * @throws LinkException {@code DISCONNECTED} when the link is gone
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException;

    /** Reads exactly {@code n} bytes within {@code timeout}, or fails with {@code TIMEOUT}. */
    default byte[] readExactly(int n, Duration timeout) throws LinkException {
        byte[] out = new byte[n];
        long deadline = System.nanoTime() + timeout.toNanos();
        int got = 0;
        while (got < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LinkException(
                        LinkException.Kind.TIMEOUT,
                        describe() + ": " + got + " of " + n + " bytes after " + timeout.toMillis() + " ms");
            }
            got += read(out, got, n - got, Duration.ofNanos(left));
        }
        return out;
    }

    /** Throws away whatever has arrived and not been read. */
    void drainInput() throws LinkException;

    /**
     * How long {@code byteCount} bytes take on the wire, or zero for links without a line rate
     * (TCP, pipes). Used by drivers to wait for a job to leave and by benchmarks.
     */
    default Duration wireTime(int byteCount) {
        return Duration.ZERO;
    }

    /** For logs and diagnostics: {@code serial:/dev/ttyUSB0@115200}. */
    String describe();

    /** Closes the link; never throws. */
    @Override
    void close();
}
