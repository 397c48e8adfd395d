package cn.egov.kiosk.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One kiosk per data folder: a second kiosk on the same folder would recover the first one's
 * tickets in flight, take its control socket and fight it for the printer. Held from start-up to
 * close; the operating system releases it when the process dies, however it dies.
 */
public final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path dataDir) {
        Path file = dataDir.resolve("kiosk.lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (a kiosk in the same JVM: tests)
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another kiosk is running with the data folder " + dataDir + " (" + file
                        + " is locked); stop it first");
            }
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lock when nobody holds it (an engineer's tool that must not run beside the kiosk holds it
     * while it works, so that the kiosk does not start under it either); empty while a kiosk (or
     * another tool) holds it.
     */
    public static Optional<InstanceLock> tryAcquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return Optional.of(acquire(dataDir));
        } catch (IllegalStateException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process ends anyway, and with it the lock
        }
    }
}
