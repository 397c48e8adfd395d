package cn.egov.kiosk.sync;

import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.platform.api.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The device changes the hall must hear of at once (paper out or low, offline, a fault, and the end
 * of one), sent as an urgent heartbeat instead of waiting for the next one. Rate-limited: the first
 * goes at once, then at most one urgent heartbeat every {@link #MIN_GAP}; the changes of a flapping
 * device wait for it together. The changes stay here, in memory (at most {@link
 * Heartbeat#MAX_URGENT}, the oldest dropped), until a heartbeat the platform answered carried them:
 * while the platform is away they go with the next heartbeat that gets through (not through the
 * outbox: the heartbeat carries the devices' present state anyway, and a restart starts afresh).
 *
 * <p>Fed by the device manager's health model (on device and supervisor threads); the heartbeat
 * itself is sent on the {@code platform-sync} thread, through {@link Scheduler}.
 */
final class UrgentReports implements Consumer<DeviceHealth> {
    /** At most one urgent heartbeat this often. */
    static final Duration MIN_GAP = Duration.ofSeconds(10);

    /** Runs a task on the platform thread after a delay. */
    @FunctionalInterface
    interface Scheduler {
        void after(Duration delay, Runnable task);
    }

    private final Clock clock;
    private final ZoneId zone;
    private final Duration minGap;
    private final Scheduler scheduler;
    private final Runnable sendUrgent;
    private final Map<String, Heartbeat.Health> reported = new HashMap<>();
    private final Deque<Heartbeat.UrgentEvent> pending = new ArrayDeque<>();
    private Instant lastSent;
    private boolean scheduled;

    /**
     * @param sendUrgent sends an urgent heartbeat with {@link #pending()} (on the platform thread)
     */
    UrgentReports(Clock clock, ZoneId zone, Duration minGap, Scheduler scheduler, Runnable sendUrgent) {
        this.clock = clock;
        this.zone = zone;
        this.minGap = minGap;
        this.scheduler = scheduler;
        this.sendUrgent = sendUrgent;
    }

    /** A device's health as the health model publishes it. */
    @Override
    public void accept(DeviceHealth health) {
        Heartbeat.Health now = Heartbeats.healthOf(health);
        synchronized (this) {
            Heartbeat.Health before = reported.put(health.id(), now);
            if (!urgent(before, now)) {
                return;
            }
            String code = now.level() == Heartbeat.Level.OK ? before.code() : now.code();
            pending.addLast(new Heartbeat.UrgentEvent(
                    OffsetDateTime.ofInstant(clock.instant(), zone), health.id(), now.level(), code));
            while (pending.size() > Heartbeat.MAX_URGENT) {
                pending.removeFirst();
            }
            if (scheduled) {
                return; // the heartbeat already due takes this change too
            }
            scheduled = true;
            Duration wait = lastSent == null ? Duration.ZERO : Duration.between(clock.instant(), lastSent.plus(minGap));
            scheduler.after(wait.isNegative() ? Duration.ZERO : wait, this::fire);
        }
    }

    /**
     * Whether a change is urgent: into or out of a fault or a warning; not the start-up (a device
     * starting, or found working), nor a new text for the same trouble.
     */
    static boolean urgent(Heartbeat.Health before, Heartbeat.Health now) {
        if (before == null) {
            return now.level() != Heartbeat.Level.OK && !Heartbeats.STARTING.equals(now.code());
        }
        if (before.level() == now.level() && Objects.equals(before.code(), now.code())) {
            return false;
        }
        if (Heartbeats.STARTING.equals(before.code()) && now.level() == Heartbeat.Level.OK) {
            return false;
        }
        return !Heartbeats.STARTING.equals(now.code());
    }

    private void fire() {
        synchronized (this) {
            scheduled = false;
            lastSent = clock.instant();
        }
        sendUrgent.run();
    }

    /** The changes not yet delivered, oldest first. */
    synchronized List<Heartbeat.UrgentEvent> pending() {
        return List.copyOf(pending);
    }

    /** A heartbeat the platform answered carried these: they are done. */
    synchronized void delivered(List<Heartbeat.UrgentEvent> sent) {
        for (Heartbeat.UrgentEvent e : sent) {
            pending.remove(e);
        }
    }
}
