package cn.egov.kiosk.sync;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.HealthProblem;
import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SyncStateRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's health for the platform, every {@code heartbeatSeconds} once registered, and at once
 * for an urgent device change ({@link UrgentReports}): the hall, uptime, version, the interval, each
 * device (id, class, state, conditions, counters, health level and code), the outbox's backlog and
 * dead letters, the clock and the catalogue version, and the urgent changes not yet delivered. Runs
 * on the {@code platform-sync} thread.
 */
public final class Heartbeats {
    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Registration registration;
    private final PlatformWire wire;
    private final ClockCheck clockCheck;
    private final PlatformLink link;
    private final OutboxRepository outbox;
    private final SyncStateRepository syncState;
    private final Supplier<List<Heartbeat.Device>> devices;
    private final String appVersion;
    private final String hallName;
    private final long heartbeatSeconds;
    private final Clock clock;
    private UrgentReports urgent;
    private final long startedNanos = System.nanoTime();

    Heartbeats(
            Registration registration,
            PlatformWire wire,
            ClockCheck clockCheck,
            PlatformLink link,
            OutboxRepository outbox,
            SyncStateRepository syncState,
            Supplier<List<Heartbeat.Device>> devices,
            String appVersion,
            String hallName,
            long heartbeatSeconds,
            Clock clock) {
        this.registration = registration;
        this.wire = wire;
        this.clockCheck = clockCheck;
        this.link = link;
        this.outbox = outbox;
        this.syncState = syncState;
        this.devices = devices;
        this.appVersion = appVersion;
        this.hallName = hallName;
        this.heartbeatSeconds = heartbeatSeconds;
        this.clock = clock;
    }

    /** The urgent changes each heartbeat carries until delivered. */
    void urgentReports(UrgentReports reports) {
        this.urgent = reports;
    }

    /** The health code of a device still starting: neither a fault nor an urgent change. */
    static final String STARTING = HealthProblem.STARTING.wireName();

    /** The devices as a heartbeat reports them, in configuration order. */
    public static List<Heartbeat.Device> devicesOf(DeviceManager devices) {
        return devices.health().all().stream()
                .map(h -> new Heartbeat.Device(
                        h.id(),
                        h.deviceClass().name(),
                        h.state().name(),
                        h.conditions().stream().map(Enum::name).sorted().toList(),
                        devices.device(h.id())
                                .map(d -> d.statistics().snapshot())
                                .orElse(h.counters()),
                        healthOf(h)))
                .toList();
    }

    /**
     * A device's health level and code: {@code FAULT} with the problem ({@code paper-out},
     * {@code offline}...), {@code WARNING} while it starts ({@code starting}) or runs low on paper
     * ({@code paper-low}), else {@code OK}.
     */
    static Heartbeat.Health healthOf(DeviceHealth h) {
        if (h.problem().isPresent()) {
            HealthProblem p = h.problem().get();
            return new Heartbeat.Health(
                    p == HealthProblem.STARTING ? Heartbeat.Level.WARNING : Heartbeat.Level.FAULT,
                    p.wireName(),
                    h.text());
        }
        if (h.conditions().contains(Condition.PAPER_LOW)) {
            return new Heartbeat.Health(Heartbeat.Level.WARNING, Condition.PAPER_LOW.raisedName(), h.text());
        }
        return new Heartbeat.Health(Heartbeat.Level.OK, null, h.text());
    }

    /** Sends one heartbeat, when registered; a failure tells the link. */
    void send() {
        send(false);
    }

    /**
     * Sends one heartbeat, when registered; a failure tells the link. An urgent one is not tried
     * while the link is down: the next scheduled heartbeat carries its changes.
     */
    void send(boolean urgentOnly) {
        if (!registration.registered() || (urgentOnly && !link.online())) {
            return;
        }
        try {
            PlatformClient client = wire.get().client();
            clockCheck.check(client);
            OutboxRepository.Counts counts = outbox.counts();
            long uptime = (System.nanoTime() - startedNanos) / 1_000_000_000L;
            List<Heartbeat.UrgentEvent> changes = urgent == null ? List.of() : urgent.pending();
            // the contract's clock offset: the kiosk's clock minus the platform's
            client.heartbeat(new Heartbeat(
                    OffsetDateTime.now(clock),
                    uptime,
                    appVersion,
                    devices.get(),
                    counts.pending(),
                    counts.dead(),
                    -client.clockOffset().toMillis(),
                    syncState.get(DownSync.CATALOGUE).version(),
                    hallName,
                    heartbeatSeconds,
                    changes));
            if (urgent != null) {
                urgent.delivered(changes);
            }
            link.reached();
        } catch (PlatformException e) {
            link.failed(e);
        } catch (RuntimeException e) {
            log.error("Heartbeat failed", e);
        }
    }
}
