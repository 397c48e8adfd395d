package cn.egov.kiosk.device.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A device's own poll thread ({@code device-<id>-poll}): runs one look at the device every
 * interval, from {@code doEnable} to {@code doDisable}. Stopping lets a look in progress finish
 * rather than interrupting it: an interrupted read looks like a lost link (a false "offline"), and
 * a look that outlived the device's close would steal answers on the link once it is opened again.
 */
public final class PollThread {
    private final ScheduledExecutorService executor;

    private PollThread(String deviceId, Duration interval, Runnable look) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "device-" + deviceId + "-poll");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(look, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Starts looking every {@code interval}, the first time one interval from now. */
    public static PollThread start(String deviceId, Duration interval, Runnable look) {
        return new PollThread(deviceId, interval, look);
    }

    /** Runs {@code look} on the poll thread as soon as it is free (besides the schedule). */
    public void runNow(Runnable look) {
        try {
            executor.execute(look);
        } catch (RejectedExecutionException stopped) {
            // stopping: the device is being disabled
        }
    }

    /** Stops the schedule and waits up to {@code bound} for a look in progress; then interrupts it. */
    public void stop(Duration bound) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
