package cn.egov.kiosk.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's tidying that does not wait for anything else to happen (kept print contents past
 * their retention deleted): each job at {@link #start()} and then every {@code every}, on a thread
 * of its own ({@code housekeeping}). A job that fails is logged and runs again next time.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    /** A job: what it is called in the log, and what it does. */
    record Job(String name, Runnable work) {}

    private final Duration every;
    private final List<Job> jobs;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "housekeeping");
        t.setDaemon(true);
        return t;
    });

    Housekeeping(Duration every, List<Job> jobs) {
        this.every = every;
        this.jobs = List.copyOf(jobs);
    }

    /** Runs the jobs now (on the {@code housekeeping} thread), then every {@code every}. */
    void start() {
        try {
            thread.scheduleWithFixedDelay(this::runAll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Housekeeping closed: nothing scheduled");
        }
    }

    private void runAll() {
        for (Job job : jobs) {
            try {
                job.work().run();
            } catch (RuntimeException e) {
                log.error("Housekeeping: {} failed; it runs again in {}", job.name(), every, e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
