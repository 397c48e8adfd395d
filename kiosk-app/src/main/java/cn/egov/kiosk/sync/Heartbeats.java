package cn.egov.kiosk.sync;

import cn.egov.kiosk.device.manage.DeviceManager;
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
 * The kiosk's health for the platform, every {@code heartbeatSeconds} once registered: uptime,
 * version, the devices, the outbox, the clock and the catalogue version. Runs on the {@code
 * platform-sync} thread.
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
    private final Clock clock;
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
            Clock clock) {
        this.registration = registration;
        this.wire = wire;
        this.clockCheck = clockCheck;
        this.link = link;
        this.outbox = outbox;
        this.syncState = syncState;
        this.devices = devices;
        this.appVersion = appVersion;
        this.clock = clock;
    }

    /** The devices as a heartbeat reports them. */
    public static List<Heartbeat.Device> devicesOf(DeviceManager devices) {
        return devices.devices().stream()
                .map(d -> new Heartbeat.Device(
                        d.id(),
                        d.deviceClass().name(),
                        d.state().name(),
                        d.conditions().stream().map(Enum::name).sorted().toList(),
                        d.statistics().snapshot()))
                .toList();
    }

    /** Sends one heartbeat, when registered; a failure tells the link. */
    void send() {
        if (!registration.registered()) {
            return;
        }
        try {
            PlatformClient client = wire.get().client();
            clockCheck.check(client);
            OutboxRepository.Counts counts = outbox.counts();
            long uptime = (System.nanoTime() - startedNanos) / 1_000_000_000L;
            // the contract's clock offset: the kiosk's clock minus the platform's
            client.heartbeat(new Heartbeat(
                    OffsetDateTime.now(clock),
                    uptime,
                    appVersion,
                    devices.get(),
                    counts.pending(),
                    counts.dead(),
                    -client.clockOffset().toMillis(),
                    syncState.get(DownSync.CATALOGUE).version()));
            link.reached();
        } catch (PlatformException e) {
            link.failed(e);
        } catch (RuntimeException e) {
            log.error("Heartbeat failed", e);
        }
    }
}
