package cn.egov.kiosk.device.link;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes with a deadline, for streams that block without one (a socket whose peer stopped
 * reading, a USB printer's device file while its paper is out). The write runs on a thread of the
 * link's own; when the deadline passes, the link is closed (which ends the stuck write) and the
 * caller gets a {@code TIMEOUT}.
 */
final class TimedWriter {
    /** The blocking write itself. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService thread;
    private final Duration timeout;

    TimedWriter(String name, Duration timeout) {
        this.timeout = timeout;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "link-writer-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the write, waiting up to the timeout.
     *
     * @param onTimeout what frees the stuck write (closing the link)
     */
    void write(String describe, Write write, Runnable onTimeout) throws LinkException {
        Future<?> done = thread.submit(() -> {
            write.run();
            return null;
        });
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            onTimeout.run();
            throw new LinkException(
                    LinkException.Kind.TIMEOUT,
                    describe + ": the write did not go out within " + timeout.toMillis() + " ms",
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LinkException le) {
                throw le;
            }
            throw new LinkException(LinkException.Kind.DISCONNECTED, describe + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(LinkException.Kind.IO, describe + ": interrupted", e);
        }
    }

    void shutdown() {
        thread.shutdownNow();
    }
}
