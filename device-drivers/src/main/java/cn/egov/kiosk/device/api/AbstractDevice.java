package cn.egov.kiosk.device.api;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle, state, conditions, events and statistics that every driver shares. A driver
 * implements the {@code do...} hooks and wraps each operation in {@link #operate}.
 *
 * <p>State follows the conditions: {@link Condition#OFFLINE} makes the device {@link
 * DeviceState#OFFLINE}; a jam, cutter error or hardware fault makes it {@link DeviceState#ERROR};
 * paper out and cover open are conditions of an otherwise idle device (as in UnifiedPOS), which a
 * health check reports as unhealthy.
 */
public abstract class AbstractDevice implements Device {
    private static final Set<Condition> ERROR_CONDITIONS =
            EnumSet.of(Condition.JAM, Condition.CUTTER_ERROR, Condition.HARDWARE_FAULT);

    protected final Logger log = LoggerFactory.getLogger(getClass());
    protected final Clock clock;

    private final String id;
    private final DeviceClass deviceClass;
    private final String driverName;
    private final DeviceStatistics statistics;
    private final Object lifecycle = new Object();
    private final Semaphore claimPermit = new Semaphore(1);
    private final Set<Condition> conditions = EnumSet.noneOf(Condition.class);
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean operating = new AtomicBoolean();
    private final ThreadPoolExecutor eventThread;

    private volatile DeviceState state = DeviceState.CLOSED;
    private volatile boolean claimed;
    private volatile boolean enabled;
    private volatile HealthReport lastHealth;

    protected AbstractDevice(
            String id, DeviceClass deviceClass, String driverName, StatisticsStore store, Clock clock) {
        this.id = id;
        this.deviceClass = deviceClass;
        this.driverName = driverName;
        this.clock = clock;
        this.statistics = new DeviceStatistics(id, store, clock);
        this.eventThread = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "device-" + id + "-events");
            t.setDaemon(true);
            return t;
        });
        this.eventThread.allowCoreThreadTimeOut(true);
    }

    // ---- hooks for drivers ---------------------------------------------------------------------

    /** Connects to the hardware. Throw {@link ErrorCode#NO_HARDWARE} when it is not there. */
    protected abstract void doOpen() throws DeviceException;

    /** Called once the device is open (state idle, conditions cleared): apply what opening learnt. */
    protected void onOpened() {}

    /** Starts polling or listening; called by {@link #enable()}. */
    protected void doEnable() throws DeviceException {}

    /** Stops polling; called by {@link #disable()}. */
    protected void doDisable() {}

    /** Disconnects; must not throw. */
    protected abstract void doClose();

    /**
     * Checks health at a level. The default reports the state and conditions without asking the
     * hardware; drivers ask the hardware at {@link HealthLevel#EXTERNAL} and above.
     */
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        return report(level);
    }

    // ---- Device --------------------------------------------------------------------------------

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final DeviceClass deviceClass() {
        return deviceClass;
    }

    @Override
    public final String driverName() {
        return driverName;
    }

    @Override
    public final DeviceState state() {
        return state;
    }

    @Override
    public final Set<Condition> conditions() {
        synchronized (conditions) {
            return conditions.isEmpty() ? Set.of() : Set.copyOf(conditions);
        }
    }

    @Override
    public final boolean isClaimed() {
        return claimed;
    }

    @Override
    public final boolean isEnabled() {
        return enabled;
    }

    @Override
    public final DeviceStatistics statistics() {
        return statistics;
    }

    @Override
    public final Optional<HealthReport> lastHealth() {
        return Optional.ofNullable(lastHealth);
    }

    @Override
    public final void open() throws DeviceException {
        synchronized (lifecycle) {
            if (state != DeviceState.CLOSED) {
                throw new DeviceException(ErrorCode.SEQUENCE_ERROR, "device " + id + " is already open");
            }
            doOpen();
            synchronized (conditions) {
                conditions.clear();
            }
            setState(DeviceState.IDLE);
            statistics.markOnline();
            log.info("Device {} ({} via {}) opened on {}", id, deviceClass, driverName, connection());
            onOpened();
        }
    }

    @Override
    public final void claim(Duration timeout) throws DeviceException {
        requireOpen("claim");
        try {
            if (!claimPermit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DeviceException(
                        ErrorCode.BUSY, CommonCode.CLAIMED, "device " + id + " is claimed by another user");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(ErrorCode.CANCELLED, null, "claim of " + id + " interrupted", e);
        }
        claimed = true;
    }

    @Override
    public final void enable() throws DeviceException {
        synchronized (lifecycle) {
            requireOpen("enable");
            if (!claimed) {
                throw new DeviceException(ErrorCode.SEQUENCE_ERROR, "device " + id + " is not claimed");
            }
            if (!enabled) {
                doEnable();
                enabled = true;
            }
        }
    }

    @Override
    public final void disable() throws DeviceException {
        synchronized (lifecycle) {
            requireOpen("disable");
            if (enabled) {
                enabled = false;
                doDisable();
            }
        }
    }

    @Override
    public final void release() throws DeviceException {
        synchronized (lifecycle) {
            requireOpen("release");
            if (enabled) {
                disable();
            }
            if (claimed) {
                claimed = false;
                claimPermit.release();
            }
        }
    }

    @Override
    public final void close() {
        synchronized (lifecycle) {
            if (state == DeviceState.CLOSED) {
                return;
            }
            if (enabled) {
                enabled = false;
                doDisable();
            }
            if (claimed) {
                claimed = false;
                claimPermit.release();
            }
            try {
                doClose();
            } catch (RuntimeException e) {
                log.warn("Device {}: error while closing", id, e);
            }
            statistics.markOffline();
            statistics.save();
            synchronized (conditions) {
                conditions.clear();
            }
            setState(DeviceState.CLOSED);
            log.info("Device {} closed", id);
        }
    }

    @Override
    public final HealthReport checkHealth(HealthLevel level) throws DeviceException {
        requireOpen("checkHealth");
        HealthReport result;
        try {
            result = doCheckHealth(level);
        } catch (DeviceException e) {
            if (e.code() == ErrorCode.SEQUENCE_ERROR) {
                throw e;
            }
            result = new HealthReport(level, false, e.summary(), clock.instant());
        }
        lastHealth = result;
        return result;
    }

    @Override
    public final void addListener(DeviceListener listener) {
        listeners.add(listener);
    }

    @Override
    public final void removeListener(DeviceListener listener) {
        listeners.remove(listener);
    }

    /**
     * The listeners now registered, in order: the device manager hands them to the device it builds
     * again for new settings, so that whoever listened hears the new one.
     */
    public final List<DeviceListener> listeners() {
        return List.copyOf(listeners);
    }

    // ---- for drivers ---------------------------------------------------------------------------

    /** The operation a driver runs inside {@link #operate}. */
    @FunctionalInterface
    protected interface Operation<T> {
        T run() throws DeviceException;
    }

    /**
     * Runs one operation: the device must be enabled and online, and not already busy. The state is
     * {@link DeviceState#BUSY} while it runs. A failure counts in the statistics.
     */
    protected final <T> T operate(String name, Operation<T> operation) throws DeviceException {
        if (!enabled) {
            throw new DeviceException(ErrorCode.SEQUENCE_ERROR, "device " + id + " is not enabled (" + name + ")");
        }
        if (state == DeviceState.OFFLINE) {
            throw new DeviceException(ErrorCode.OFFLINE, null, "device " + id + " is offline");
        }
        if (!operating.compareAndSet(false, true)) {
            throw new DeviceException(ErrorCode.BUSY, null, "device " + id + " is busy");
        }
        recomputeState();
        try {
            return operation.run();
        } catch (DeviceException e) {
            if (isDeviceFailure(e)) {
                statistics.increment(DeviceStatistics.FAILURES);
            }
            throw e;
        } finally {
            operating.set(false);
            recomputeState();
        }
    }

    /**
     * Whether an error counts as the device's failure: not the citizen's doing ({@code USER_ERROR}, a
     * card to lift), not a cancellation, not a wait in which nobody came ({@code TIMEOUT/NO_CARD}).
     */
    private static boolean isDeviceFailure(DeviceException e) {
        return e.code() != ErrorCode.USER_ERROR
                && e.code() != ErrorCode.CANCELLED
                && !(e.code() == ErrorCode.TIMEOUT && e.is(CommonCode.NO_CARD));
    }

    /** Whether an operation is running. */
    protected final boolean isOperating() {
        return operating.get();
    }

    /** A report of the current state and conditions, healthy when nothing blocks service. */
    protected final HealthReport report(HealthLevel level) {
        Set<Condition> now = conditions();
        boolean healthy = (state == DeviceState.IDLE || state == DeviceState.BUSY)
                && now.stream().noneMatch(Condition::blocking);
        return new HealthReport(level, healthy, HealthReport.describe(state, now), clock.instant());
    }

    /** Raises or clears a condition; fires a status event when it changes. */
    protected final void setCondition(Condition condition, boolean raised) {
        boolean changed;
        synchronized (conditions) {
            changed = raised ? conditions.add(condition) : conditions.remove(condition);
        }
        if (!changed) {
            return;
        }
        if (condition == Condition.OFFLINE) {
            if (raised) {
                statistics.markOffline();
            } else {
                statistics.markOnline();
            }
        }
        recomputeState();
        log.info("Device {}: {}", id, raised ? condition.raisedName() : condition.clearedName());
        dispatch(seq -> new DeviceEvent.StatusEvent(id, seq, clock.instant(), condition, raised));
    }

    /** Marks the device offline (link lost) and reports why. */
    protected final void goOffline(DeviceException why) {
        if (state == DeviceState.CLOSED) {
            return;
        }
        boolean wasOffline = conditions().contains(Condition.OFFLINE);
        setCondition(Condition.OFFLINE, true);
        if (!wasOffline) {
            log.warn("Device {} went offline: {}", id, why.summary());
            publishError(why);
        }
    }

    protected final void publishError(DeviceException error) {
        dispatch(seq -> new DeviceEvent.ErrorEvent(id, seq, clock.instant(), error));
    }

    protected final void publishData(Object payload) {
        dispatch(seq -> new DeviceEvent.DataEvent(id, seq, clock.instant(), payload));
    }

    protected final void publishOutputComplete(String jobId) {
        dispatch(seq -> new DeviceEvent.OutputCompleteEvent(id, seq, clock.instant(), jobId));
    }

    private void requireOpen(String what) throws DeviceException {
        if (state == DeviceState.CLOSED) {
            throw new DeviceException(ErrorCode.SEQUENCE_ERROR, "device " + id + " is not open (" + what + ")");
        }
    }

    private void recomputeState() {
        if (state == DeviceState.CLOSED) {
            return;
        }
        Set<Condition> now = conditions();
        DeviceState next;
        if (now.contains(Condition.OFFLINE)) {
            next = DeviceState.OFFLINE;
        } else if (now.stream().anyMatch(ERROR_CONDITIONS::contains)) {
            next = DeviceState.ERROR;
        } else if (operating.get()) {
            next = DeviceState.BUSY;
        } else {
            next = DeviceState.IDLE;
        }
        setState(next);
    }

    private void setState(DeviceState next) {
        DeviceState previous;
        synchronized (this) {
            previous = state;
            if (previous == next) {
                return;
            }
            state = next;
        }
        dispatch(seq -> new DeviceEvent.StateEvent(id, seq, clock.instant(), previous, next));
    }

    /** Numbers the event and queues it for the listeners, in order, on the device's event thread. */
    private void dispatch(LongFunction<DeviceEvent> factory) {
        DeviceEvent event;
        synchronized (sequence) {
            event = factory.apply(sequence.incrementAndGet());
            if (listeners.isEmpty()) {
                return;
            }
            eventThread.execute(() -> {
                for (DeviceListener listener : listeners) {
                    try {
                        listener.onEvent(event);
                    } catch (RuntimeException e) {
                        log.warn(
                                "Device {}: a listener failed on {}",
                                id,
                                event.getClass().getSimpleName(),
                                e);
                    }
                }
            });
        }
    }
}
