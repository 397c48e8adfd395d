package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceListener;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configured devices, brings each one up (open, claim, enable) on its own supervisor
 * thread, and keeps them up: a device that goes offline is closed and reopened with exponential
 * backoff until it answers again, without a restart of the kiosk. Publishes a {@link HealthModel}.
 *
 * <p>Nothing here runs on the caller's thread except construction: {@link #start()} returns at once.
 */
public final class DeviceManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceManager.class);
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);

    /** In configuration order; replaced whole (copy on write) when a device is reconfigured. */
    private volatile Map<String, Device> devices = Map.of();

    private final DriverRegistry drivers;
    private final DeviceContext context;
    /** The manager's own listener of each device, which stays with the device it was made for. */
    private final Map<String, DeviceListener> ownListeners = new ConcurrentHashMap<>();

    private final HealthModel health = new HealthModel();
    private final ErrorHistory errors = new ErrorHistory(ErrorHistory.DEFAULT_CAPACITY);
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService supervisor;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Object> connectLocks = new ConcurrentHashMap<>();
    private final Set<String> connecting = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstAttempts;
    private final WireTaps taps;
    private volatile boolean stopped;

    public DeviceManager(List<DeviceSpec> specs, DriverRegistry drivers, DeviceContext context, Backoff backoff) {
        this.backoff = backoff;
        this.clock = context.clock();
        this.taps = context.taps();
        this.drivers = drivers;
        this.context = context;
        Map<String, Device> made = new LinkedHashMap<>();
        for (DeviceSpec spec : specs) {
            made.put(spec.id(), build(spec));
        }
        this.devices = made;
        this.firstAttempts = new CountDownLatch(devices.size());
        this.supervisor = Executors.newScheduledThreadPool(Math.max(1, Math.min(devices.size(), 4)), r -> {
            Thread t = new Thread(r, "device-supervisor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Brings every device up in the background. */
    public void start() {
        for (Device device : devices.values()) {
            supervisor.execute(() -> connect(device, true));
        }
        // counters survive a power cut or a kill, not only a clean close
        supervisor.scheduleWithFixedDelay(this::saveStatistics, 60, 60, TimeUnit.SECONDS);
    }

    /** Writes every device's counters to the statistics store. */
    public void saveStatistics() {
        for (Device device : devices.values()) {
            try {
                device.statistics().save();
            } catch (RuntimeException e) {
                log.warn("Saving the statistics of {} failed", device.id(), e);
            }
        }
    }

    /** Waits until every device has been tried once; for diagnostics and benchmarks. */
    public boolean awaitFirstAttempts(Duration timeout) throws InterruptedException {
        return firstAttempts.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public HealthModel health() {
        return health;
    }

    public Collection<Device> devices() {
        return List.copyOf(devices.values());
    }

    public Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** The first device of a class, as its interface, for example {@code ReceiptPrinter.class}. */
    public <T extends Device> Optional<T> first(DeviceClass deviceClass, Class<T> type) {
        return devices.values().stream()
                .filter(d -> d.deviceClass() == deviceClass)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    /** A device's recent errors (its error events, the conditions that stopped it, failed connections), newest first. */
    public List<DeviceError> recentErrors(String id) {
        return errors.recent(id);
    }

    /**
     * Sets a device's counters to zero (an engineer's reset), saves them and publishes its health
     * with the new counters. Returns false when there is no such device.
     */
    public boolean resetStatistics(String id) {
        Device device = devices.get(id);
        if (device == null) {
            return false;
        }
        device.statistics().reset();
        log.warn("Device {}: counters reset", id);
        publish(device);
        return true;
    }

    /**
     * Attaches a tap to a device's byte link: it sees every byte the driver writes and reads, as the
     * bytes pass, on the link's thread (it must not block: {@link
     * cn.egov.kiosk.device.link.WireTapQueue} hands them to another thread). The tap stays while the
     * device reconnects; closing the result removes it. A device without a byte link (CUPS, PC/SC)
     * shows nothing: see {@link #tappable}. The bytes are as they are, personal data included: a view
     * for people masks them ({@code WireMonitor}).
     *
     * @throws IllegalArgumentException for an id the manager does not have
     */
    public AutoCloseable tap(String deviceId, WireTap tap) {
        if (!devices.containsKey(deviceId)) {
            throw new IllegalArgumentException("no device \"" + deviceId + "\"; devices: " + devices.keySet());
        }
        return taps.tap(deviceId, tap);
    }

    /**
     * A serial monitor on a device: its link's bytes as lines, personal data masked by the device
     * class's masker unless {@code showPersonalData} (which the kiosk allows only on a demo
     * configuration, at an engineer's request).
     *
     * @throws IllegalArgumentException for an id the manager does not have
     */
    public WireMonitor monitor(String deviceId, boolean showPersonalData) {
        Device device = devices.get(deviceId);
        if (device == null) {
            throw new IllegalArgumentException("no device \"" + deviceId + "\"; devices: " + devices.keySet());
        }
        return new WireMonitor(
                this,
                deviceId,
                showPersonalData ? () -> FrameMasker.SHOW_ALL : () -> FrameMaskers.of(device.deviceClass()),
                !showPersonalData);
    }

    /** Whether a device talks over a byte link that {@link #tap} can see. */
    public boolean tappable(String deviceId) {
        return devices.containsKey(deviceId) && taps.tappable(deviceId);
    }

    private Device build(DeviceSpec spec) {
        Device device = drivers.create(spec, context);
        DeviceListener own = event -> onEvent(device, event);
        ownListeners.put(spec.id(), own);
        device.addListener(own);
        publish(device, Optional.of(HealthProblem.STARTING), "starting");
        return device;
    }

    /**
     * Puts a device's new settings into effect without a restart (staff changed its connection or
     * driver): the device of that id is closed (an attempt to connect it in flight finishes first, its
     * poll thread stops, its counters are saved) and built again from {@code spec}, with the listeners
     * it had, and brought up in the background like any other; a new id adds a device. Safe from any
     * thread while the devices run; the health model follows.
     *
     * @throws IllegalArgumentException when the driver refuses the spec (nothing is changed)
     */
    public void reconfigure(DeviceSpec spec) {
        List<SpecProblem> problems = drivers.validate(spec);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "device " + spec.id() + ": " + problems.get(0).describe());
        }
        if (stopped) {
            return;
        }
        Device made;
        synchronized (connectLocks.computeIfAbsent(spec.id(), k -> new Object())) {
            ScheduledFuture<?> waiting = pending.remove(spec.id());
            if (waiting != null) {
                waiting.cancel(false);
            }
            Device old = devices.get(spec.id());
            List<DeviceListener> theirs = new ArrayList<>();
            if (old != null) {
                DeviceListener own = ownListeners.get(spec.id());
                if (old instanceof AbstractDevice a) {
                    a.listeners().stream().filter(l -> l != own).forEach(theirs::add);
                }
                old.removeListener(own);
                old.close();
            }
            made = build(spec);
            theirs.forEach(made::addListener);
            attempts.computeIfAbsent(spec.id(), k -> new AtomicInteger()).set(0);
            synchronized (this) {
                Map<String, Device> next = new LinkedHashMap<>(devices);
                next.put(spec.id(), made);
                devices = next;
            }
            log.info("Device {} reconfigured: {} over {}", spec.id(), spec.driver(), spec.connection());
        }
        try {
            supervisor.execute(() -> connect(made, false));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Takes a device out (no longer fitted): closed, forgotten, and gone from the health model. */
    public void remove(String id) {
        synchronized (connectLocks.computeIfAbsent(id, k -> new Object())) {
            ScheduledFuture<?> waiting = pending.remove(id);
            if (waiting != null) {
                waiting.cancel(false);
            }
            Device old = devices.get(id);
            if (old == null) {
                return;
            }
            old.removeListener(ownListeners.remove(id));
            old.close();
            synchronized (this) {
                Map<String, Device> next = new LinkedHashMap<>(devices);
                next.remove(id);
                devices = next;
            }
            health.remove(id);
            log.info("Device {} removed", id);
        }
    }

    /**
     * Runs {@code work} while the device of that id is closed, then brings the device up again in the
     * background: for work that needs the device's port to itself (a test of new settings on the port
     * the running device holds; a second open of a serial port would fail, or share its bytes). No
     * attempt to connect the device runs meanwhile (one in flight finishes first; a scheduled one
     * waits). Blocks for as long as {@code work} does: never call it from a UI thread. With no such
     * device, {@code work} just runs.
     */
    public <T> T whileClosed(String id, Supplier<T> work) {
        Device device;
        synchronized (connectLocks.computeIfAbsent(id, k -> new Object())) {
            device = devices.get(id);
            if (device == null || stopped) {
                return work.get();
            }
            ScheduledFuture<?> waiting = pending.remove(id);
            if (waiting != null) {
                waiting.cancel(false);
            }
            connecting.add(id);
            try {
                device.close();
                publish(device, Optional.of(HealthProblem.OFFLINE), "closed while its settings are tested");
                log.info("Device {} closed for a test of its port", id);
                return work.get();
            } finally {
                connecting.remove(id);
                ScheduledFuture<?> meanwhile = pending.remove(id); // its close's offline event: one attempt is enough
                if (meanwhile != null) {
                    meanwhile.cancel(false);
                }
                Device again = device;
                try {
                    supervisor.execute(() -> connect(again, false));
                } catch (RejectedExecutionException e) {
                    // closing
                }
            }
        }
    }

    /** Reconnects a device now (an engineer's request), whatever its state. */
    public void reconnect(String id) {
        Device device = devices.get(id);
        if (device != null) {
            scheduleReconnect(device, Duration.ZERO);
        }
    }

    /**
     * Reconnects a device now on the caller's thread (an engineer waiting for the outcome): closes
     * it, opens, claims and enables it again, and returns its health after the attempt; a failed
     * attempt leaves the device to the usual reconnection with backoff. Blocks: never call it from a
     * UI thread. Empty when there is no such device.
     */
    public Optional<DeviceHealth> reconnectNow(String id) {
        Device device = devices.get(id);
        if (device == null) {
            return Optional.empty();
        }
        ScheduledFuture<?> scheduled = pending.remove(id);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        connect(device, false);
        return health.get(id);
    }

    private void connect(Device device, boolean first) {
        if (stopped) {
            return;
        }
        // One attempt at a time per device: an engineer's reconnect may come during a scheduled one.
        synchronized (connectLocks.computeIfAbsent(device.id(), k -> new Object())) {
            if (!stopped) { // close() may have come while this attempt waited
                connectNow(device, first);
            }
        }
    }

    private void connectNow(Device device, boolean first) {
        if (stopped || devices.get(device.id()) != device) {
            if (first) {
                firstAttempts.countDown();
            }
            return; // reconfigured or removed meanwhile: the device that replaced it is brought up instead
        }
        // While an attempt runs, the device's own events (open makes it idle before it is claimed and
        // enabled) do not reach the health model: the attempt publishes its outcome when it ends.
        connecting.add(device.id());
        try {
            if (device.state() != DeviceState.CLOSED) {
                device.close();
            }
            device.open();
            device.claim(CLAIM_TIMEOUT);
            device.enable();
            device.checkHealth(HealthLevel.INTERNAL);
            attempts.computeIfAbsent(device.id(), k -> new AtomicInteger()).set(0);
            if (!first) {
                device.statistics().increment(DeviceStatistics.RECONNECTS);
                log.info("Device {} is back online", device.id());
            }
            connecting.remove(device.id());
            publish(device);
        } catch (DeviceException | RuntimeException e) {
            String why = e instanceof DeviceException de ? de.summary() : e.toString();
            device.close();
            connecting.remove(device.id());
            int attempt = attempts.computeIfAbsent(device.id(), k -> new AtomicInteger())
                    .incrementAndGet();
            Duration delay = backoff.delay(attempt, ThreadLocalRandom.current());
            if (attempt == 1 || attempt % 10 == 0) {
                errors.add(
                        device.id(),
                        new DeviceError(
                                clock.instant(),
                                e instanceof DeviceException de ? de.code().name() : "UNEXPECTED",
                                e instanceof DeviceException de
                                        ? de.extendedCode()
                                        : e.getClass().getSimpleName(),
                                "connection attempt " + attempt + " failed: " + why));
                log.warn(
                        "Device {} unavailable ({}); attempt {}, next in {} ms",
                        device.id(),
                        why,
                        attempt,
                        delay.toMillis());
            }
            publish(device, Optional.of(HealthProblem.OFFLINE), why);
            scheduleReconnect(device, delay);
        } finally {
            connecting.remove(device.id());
            if (first) {
                firstAttempts.countDown();
            }
        }
    }

    private void scheduleReconnect(Device device, Duration delay) {
        if (stopped) {
            return;
        }
        pending.compute(device.id(), (id, existing) -> {
            if (existing != null && !existing.isDone()) {
                if (delay.isZero()) {
                    existing.cancel(false);
                } else {
                    return existing;
                }
            }
            AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
            ScheduledFuture<?> next;
            try {
                next = supervisor.schedule(
                        () -> {
                            // Running, no longer pending: a failure of this attempt, or an offline event
                            // during it, must schedule the next attempt instead of finding this one.
                            pending.computeIfPresent(id, (k, f) -> f == self.get() ? null : f);
                            connect(device, false);
                        },
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return existing; // closing
            }
            self.set(next);
            return next;
        });
    }

    private void onEvent(Device device, DeviceEvent event) {
        errors.accept(event);
        if (event instanceof DeviceEvent.StatusEvent s && s.condition() == Condition.OFFLINE && s.raised()) {
            int attempt = attempts.computeIfAbsent(device.id(), k -> new AtomicInteger())
                    .get();
            scheduleReconnect(device, backoff.delay(attempt + 1, ThreadLocalRandom.current()));
        }
        if ((event instanceof DeviceEvent.StatusEvent || event instanceof DeviceEvent.StateEvent)
                && !connecting.contains(device.id())) {
            publish(device);
        }
    }

    private void publish(Device device) {
        Set<Condition> conditions = device.conditions();
        DeviceState state = device.state();
        Optional<HealthProblem> problem = DeviceHealth.problemOf(state, conditions);
        publish(device, problem, HealthReport.describe(state, conditions));
    }

    private void publish(Device device, Optional<HealthProblem> problem, String text) {
        health.update(new DeviceHealth(
                device.id(),
                device.deviceClass(),
                device.driverName(),
                device.connection(),
                device.state(),
                device.conditions(),
                problem,
                text,
                device.statistics().snapshot(),
                clock.instant()));
    }

    /** Disables, releases and closes every device, saving its statistics. */
    @Override
    public void close() {
        stopped = true;
        supervisor.shutdownNow();
        List<Device> all = new ArrayList<>(devices.values());
        for (Device device : all) {
            // under the device's connect lock: an attempt in flight finishes before the device closes
            synchronized (connectLocks.computeIfAbsent(device.id(), k -> new Object())) {
                device.close();
            }
        }
    }
}
