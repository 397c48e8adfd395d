package cn.egov.kiosk.feature;

import cn.egov.kiosk.config.Hours;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's opening hours as the feature model sees them: which features are offered at this
 * moment (all while the hall is open, the {@code hours.afterHours} ones outside), and when the hall
 * opens next. The hours are read from the live configuration at every question, so hours staff
 * change apply at once.
 *
 * <p>Opening and closing happen on whole minutes: once {@link #start() started}, a daemon thread
 * looks just after every minute and tells the listeners when the hall has opened or closed (and
 * {@link #changed()} tells them at once when staff saved new hours). Listeners are called on that
 * thread, or on the thread that saved, and hand the change to their own thread.
 */
public final class OpeningHours implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpeningHours.class);

    /** How far a day's search for the next opening looks ahead: a week and a day. */
    private static final int DAYS_AHEAD = 8;

    /** Open all day, every day, with nothing to watch (a kiosk whose hours are not set, tests). */
    public static OpeningHours always() {
        return new OpeningHours(() -> Hours.DEFAULTS, Clock.systemUTC(), ZoneId.of("UTC"));
    }

    private final Supplier<Hours> hours;
    private final Clock clock;
    private final ZoneId zone;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private ScheduledExecutorService timer;
    /** What the listeners last heard: the state, and the day (the screens say "today", "tomorrow"). */
    private Seen lastSeen;

    /**
     * @param hours the hours now (the live configuration's)
     * @param zone the hall's time zone, in which the hours are written
     */
    public OpeningHours(Supplier<Hours> hours, Clock clock, ZoneId zone) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.lastSeen = seen();
    }

    /** The state and the hall's day, as the listeners last heard them. */
    private record Seen(State state, LocalDate day) {}

    private Seen seen() {
        return new Seen(state(), now().toLocalDate());
    }

    /** The hall's time now. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    /** Whether the hall is open now. */
    public boolean open() {
        return hours.get().isOpen(now());
    }

    /** Empty when the feature is offered now; {@link Unavailable#AFTER_HOURS} when the hall is closed. */
    public Optional<Unavailable> problem(Feature feature) {
        return hours.get().offers(feature.configName(), now())
                ? Optional.empty()
                : Optional.of(Unavailable.AFTER_HOURS);
    }

    /**
     * When the hall opens next, in its time zone: empty while it is open, or when it opens on none of
     * the next eight days (closed every day).
     */
    public Optional<ZonedDateTime> nextOpening() {
        Hours h = hours.get();
        ZonedDateTime now = now();
        if (h.isOpen(now)) {
            return Optional.empty();
        }
        for (int day = 0; day <= DAYS_AHEAD; day++) {
            ZonedDateTime from =
                    day == 0 ? now : now.truncatedTo(ChronoUnit.DAYS).plusDays(day);
            Optional<ZonedDateTime> start = h.opensAt(from);
            if (start.isPresent()) {
                return start;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the hall is open, and when closed, when it opens next (empty: not in the next eight
     * days).
     */
    public record State(boolean open, Optional<ZonedDateTime> nextOpening) {
        public static final State OPEN = new State(true, Optional.empty());
    }

    /** The hall's state now; cheap (the screens ask on the JavaFX thread). */
    public State state() {
        return open() ? State.OPEN : new State(false, nextOpening());
    }

    /** {@code listener} hears (on any thread) whenever the hall may have opened or closed. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** The hours were changed (saved by staff): every listener hears it now. */
    public void changed() {
        Seen now = seen();
        synchronized (lock) {
            lastSeen = now;
        }
        fire();
    }

    /**
     * Looks whether the hall opened or closed (or the day or the next opening changed) since the last
     * look, and tells the listeners if so;
     * the timer calls it after every minute, tests with a clock of their own call it themselves.
     */
    public void check() {
        Seen now = seen();
        Seen before;
        synchronized (lock) {
            before = lastSeen;
            lastSeen = now;
        }
        if (!now.equals(before)) {
            if (before.state().open() != now.state().open()) {
                log.info("The hall is now {}: features follow the opening hours", open() ? "open" : "closed");
            }
            fire();
        }
    }

    /** Starts the minute timer (a daemon thread); once. */
    public void start() {
        synchronized (lock) {
            if (timer != null) {
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opening-hours");
                t.setDaemon(true);
                return t;
            });
            scheduleNext();
        }
    }

    private void scheduleNext() {
        // just after the next whole minute of the clock (hours are written to the minute)
        long millis = clock.millis();
        long delay = Duration.ofMinutes(1).toMillis() - Math.floorMod(millis, 60_000L) + 50;
        timer.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("the opening hours could not be checked", e);
        }
        synchronized (lock) {
            if (timer != null && !timer.isShutdown()) {
                scheduleNext();
            }
        }
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }
    }
}
