package cn.egov.kiosk.app;

import cn.egov.kiosk.runtime.ServiceNotifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's side of systemd's watchdog: tells systemd the kiosk lives ({@code WATCHDOG=1}) only
 * while its JavaFX thread answers. Every few seconds (a third of the unit's {@code WatchdogSec}) a
 * probe goes through {@code Platform.runLater}; the next turn tells systemd only if that probe ran
 * meanwhile. A screen that hangs (a deadlock, an endless layout, a blocked JavaFX thread) stops the
 * notifications, and systemd restarts the kiosk after {@code WatchdogSec}; before that, the JavaFX
 * thread's stack goes to the log, for the engineer. A probe that has not run is not posted again:
 * a hung queue does not grow.
 *
 * <p>Runs on its own daemon thread {@code ui-watchdog}; never blocks the JavaFX thread.
 */
final class UiWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UiWatchdog.class);

    private final Consumer<Runnable> fxThread;
    private final ServiceNotifier notifier;
    private final Duration every;
    private ScheduledExecutorService thread;
    private long posted;
    private volatile long answered;
    private int lateTurns;

    /**
     * @param fxThread runs a task on the JavaFX thread ({@code Platform::runLater})
     */
    UiWatchdog(Consumer<Runnable> fxThread, ServiceNotifier notifier, Duration every) {
        this.fxThread = fxThread;
        this.notifier = notifier;
        this.every = every;
    }

    /**
     * Under systemd: tells it the kiosk is ready and, when the unit has a watchdog, starts the
     * probes. Call it on the JavaFX thread once the screens show.
     */
    static Optional<UiWatchdog> ready(Consumer<Runnable> fxThread, ServiceNotifier notifier) {
        notifier.send("READY=1");
        notifier.send("STATUS=终端已就绪 · kiosk ready");
        return notifier.watchdogEvery().map(d -> {
            UiWatchdog w = new UiWatchdog(fxThread, notifier, d);
            w.start();
            return w;
        });
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-watchdog");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::turn, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One turn: systemd is told the kiosk lives if the last probe ran; a new probe is posted then. */
    synchronized void turn() {
        try {
            if (answered >= posted) {
                if (lateTurns > 0) {
                    log.info("The JavaFX thread answers again");
                }
                lateTurns = 0;
                notifier.send("WATCHDOG=1");
                long probe = ++posted;
                fxThread.accept(() -> answered = probe);
                return;
            }
            lateTurns++;
            if (lateTurns == 1) {
                log.warn(
                        "The JavaFX thread has not answered for {} ms; systemd restarts the kiosk if it stays so. Its stack:{}",
                        every.toMillis(),
                        fxStack());
            }
        } catch (RuntimeException e) { // a turn that throws must not end the probes for good
            log.error("The UI watchdog's turn failed", e);
        }
    }

    /** How many turns in a row the JavaFX thread has not answered. */
    synchronized int lateTurns() {
        return lateTurns;
    }

    private static String fxStack() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("JavaFX Application Thread"))
                .findFirst()
                .map(e -> Arrays.stream(e.getValue())
                        .limit(40)
                        .map(f -> "\n    at " + f)
                        .collect(Collectors.joining()))
                .orElse(" (no JavaFX thread)");
    }

    /** Stops the probes and tells systemd the kiosk is stopping. */
    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
        notifier.send("STOPPING=1");
    }
}
