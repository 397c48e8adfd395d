package cn.egov.kiosk.today;

import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.HealthProblem;
import cn.egov.kiosk.store.DayFiguresRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the day at a glance counts and nothing else did: citizen flows as the screens say
 * they start and end ({@link FlowLog}, on the JavaFX thread), and device faults as the health model
 * reports them (a listener, on a device or supervisor thread): a fault is a device going into a
 * problem it was not in (paper out, offline, jam...; not "starting"), recorded with its device, class,
 * problem and time. The writes go to the store on a thread of their own ({@code day-figures}), so
 * that neither the screen nor a device waits on the disk. No person, no session.
 */
public final class DayRecorder implements FlowLog, Consumer<DeviceHealth>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DayRecorder.class);

    private final DayFiguresRepository store;
    private final Clock clock;
    private final Map<String, Optional<HealthProblem>> lastProblem = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "day-figures");
        t.setDaemon(true);
        return t;
    });

    public DayRecorder(DayFiguresRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void started(String flow) {
        Instant at = clock.instant();
        write(() -> store.flowStarted(at, flow), "flow start");
    }

    @Override
    public void ended(String flow, String outcome) {
        Instant at = clock.instant();
        write(() -> store.flowEnded(at, flow, outcome), "flow end");
    }

    /** A device's health changed: a problem it was not in before is a fault. */
    @Override
    public void accept(DeviceHealth health) {
        Optional<HealthProblem> now = health.problem().filter(p -> p != HealthProblem.STARTING);
        Optional<HealthProblem> before = lastProblem.put(health.id(), now);
        if (now.isEmpty() || now.equals(before)) {
            return;
        }
        Instant at = health.updatedAt() == null ? clock.instant() : health.updatedAt();
        String code = now.get().wireName();
        write(() -> store.fault(at, health.id(), health.deviceClass().name(), code), "device fault");
    }

    private void write(Runnable work, String what) {
        try {
            writer.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("The {} could not be recorded for the day's figures", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("The day's figures are closed; {} not recorded", what);
        }
    }

    /** Waits (a little) for what was handed over to be written. */
    public void flush() {
        try {
            writer.submit(() -> {}).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.debug("The day's figures did not flush: {}", e.toString());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
