package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A device file, such as a USB printer's {@code /dev/usb/lp0}. Writes go straight to the file; a
 * reader thread collects what the device sends back, so that reads can time out.
 */
public final class FileLink implements ByteLink {
    private final Path path;
    private final ByteQueue inbound = new ByteQueue();
    private volatile RandomAccessFile file;
    private volatile Thread reader;
    private volatile IOException readFailure;
    private final TimedWriter writer;

    public FileLink(Path path) {
        this(path, TimedWriter.DEFAULT_TIMEOUT);
    }

    /** @param writeTimeout how long a write may block (a USB printer out of paper) */
    public FileLink(Path path, Duration writeTimeout) {
        this.path = path;
        this.writer = new TimedWriter(String.valueOf(path.getFileName()), writeTimeout);
    }

    @Override
    public void open() throws LinkException {
        if (!Files.exists(path)) {
            throw new LinkException(LinkException.Kind.NOT_FOUND, describe() + ": no such device file");
        }
        try {
            file = new RandomAccessFile(path.toFile(), "rw");
        } catch (IOException e) {
            throw new LinkException(LinkException.Kind.NOT_FOUND, describe() + ": " + e.getMessage(), e);
        }
        inbound.reopen();
        readFailure = null;
        Thread t = new Thread(this::readLoop, "link-" + path.getFileName());
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    private void readLoop() {
        byte[] buffer = new byte[256];
        RandomAccessFile f = file;
        while (reader == Thread.currentThread() && f != null) {
            try {
                int n = f.read(buffer);
                if (n > 0) {
                    inbound.put(buffer, 0, n);
                } else {
                    Thread.sleep(20); // a device file with nothing to say, or the end of a plain file
                }
            } catch (IOException e) {
                if (reader == Thread.currentThread()) {
                    readFailure = e;
                    inbound.close();
                }
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public boolean isOpen() {
        return file != null;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        RandomAccessFile f = requireOpen();
        // a USB printer's device file blocks writes while its paper is out: never wait for ever
        writer.write(describe(), () -> f.write(data, offset, length), this::close);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        requireOpen();
        try {
            int n = inbound.take(buffer, offset, length, timeout.toNanos());
            if (n < 0) {
                IOException cause = readFailure;
                throw new LinkException(
                        LinkException.Kind.DISCONNECTED,
                        describe() + ": " + (cause == null ? "closed" : cause.getMessage()),
                        cause);
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(LinkException.Kind.IO, describe() + ": interrupted", e);
        }
    }

    @Override
    public void drainInput() {
        inbound.clear();
    }

    private RandomAccessFile requireOpen() throws LinkException {
        RandomAccessFile f = file;
        if (f == null) {
            throw new LinkException(LinkException.Kind.IO, describe() + ": not open");
        }
        return f;
    }

    @Override
    public String describe() {
        return "file:" + path;
    }

    @Override
    public void close() {
        Thread t = reader;
        reader = null;
        RandomAccessFile f = file;
        file = null;
        if (t != null) {
            t.interrupt();
        }
        if (f != null) {
            try {
                f.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        inbound.close();
    }
}
