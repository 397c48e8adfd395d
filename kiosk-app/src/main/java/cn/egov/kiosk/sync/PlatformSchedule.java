package cn.egov.kiosk.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code platform-sync} thread and what runs on it when: the first connection after a delay
 * (the window and the devices come first), then the down-sync every {@code syncMinutes}, heartbeats
 * every {@code heartbeatSeconds} and the link watch every 15 s. A task that throws is logged and
 * runs again at its next turn.
 */
final class PlatformSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlatformSchedule.class);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(15);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "platform-sync");
        t.setDaemon(true);
        return t;
    });
    private boolean started;

    /**
     * Starts the work once (later calls do nothing).
     *
     * @param first what runs first, after {@code delay}: the sender's start, then the connection
     */
    synchronized void start(
            Duration delay,
            List<Runnable> first,
            Duration syncEvery,
            Runnable sync,
            Duration heartbeatEvery,
            Runnable heartbeat,
            Runnable watch) {
        if (started) {
            return;
        }
        started = true;
        for (Runnable task : first) {
            thread.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        thread.scheduleWithFixedDelay(guarded(sync), syncEvery.toMillis(), syncEvery.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(
                guarded(heartbeat), heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(
                guarded(watch), WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the thread after {@code delay}, between the others, without waiting for it. */
    void later(Duration delay, Runnable task) {
        try {
            thread.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Closing: {} not run", task);
        }
    }

    /** Runs {@code task} on the thread now, between the others, and waits for it. */
    void runNow(Runnable task, String what) {
        try {
            thread.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("{} failed", what, e.getCause());
        }
    }

    /** A scheduled task that logs whatever it throws instead of being cancelled by it for good. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) { // an Error too: a repeating task that throws is never run again
                log.error("A platform task failed; it runs again at its next turn", t);
            }
        };
    }

    /** Stops the thread; a sync or registration in flight ends first (up to 5 s). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
