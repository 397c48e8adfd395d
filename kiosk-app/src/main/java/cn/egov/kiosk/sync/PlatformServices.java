package cn.egov.kiosk.sync;

import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.appointment.AppointmentPlatform;
import cn.egov.kiosk.appointment.OpenDays;
import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.feature.PlatformState;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.PlatformOrders;
import cn.egov.kiosk.payment.QrGateway;
import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformClock;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.embedded.EmbeddedPlatform;
import cn.egov.kiosk.queue.CentralQueue;
import cn.egov.kiosk.session.SessionListener;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.AppointmentDayRepository;
import cn.egov.kiosk.store.AuditRepository;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.store.SyncStateRepository;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of everything the kiosk does with the platform, wired from the {@code
 * platform} section; the work is done by the parts: {@link PlatformWire} (the clients, the sender,
 * the down-sync, the embedded simulator in demo mode, made on first use), {@link LinkWatch}
 * (connecting, watching the link, the scheduled sync), {@link Heartbeats}, {@link ClockCheck},
 * {@link DataFreshness} and {@link PlatformSchedule} (the {@code platform-sync} thread). The calls
 * for a citizen waiting at the screen (a queue number, a licence) use a client with short timeouts.
 */
public final class PlatformServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlatformServices.class);
    /** How long after start the platform is first asked. */
    static final Duration START_DELAY = Duration.ofMillis(1500);
    /** How long a query of a wallet order waits on the platform for it to settle. */
    static final Duration QR_LONG_POLL = Duration.ofSeconds(2);

    private final Platform config;
    private final Clock clock;
    private final ZoneId zone;
    private final OutboxRepository outbox;
    private final CatalogueRepository catalogue;
    private final SyncStateRepository syncState;
    private final Registration registration;
    private final PlatformLink link;
    private final PlatformClock platformClock;
    private final PlatformWire wire;
    private final ClockCheck clockCheck;
    private final DataFreshness freshness;
    private final LinkWatch watch;
    private final Heartbeats heartbeats;
    private final PlatformSchedule schedule = new PlatformSchedule();
    private final ApplicationService applications;
    private final AuditRepository audit;
    private final ExecutorService auditWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-writer");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param serialNumber the kiosk's id, sent at registration
     * @param devices the devices' states for heartbeats
     */
    public PlatformServices(
            Platform config,
            Database db,
            Clock clock,
            ZoneId zone,
            String serialNumber,
            Supplier<List<Heartbeat.Device>> devices) {
        this.config = config;
        this.clock = clock;
        this.zone = zone;
        this.outbox = sealedOutbox(config, db, clock);
        this.syncState = new SyncStateRepository(db);
        this.catalogue = new CatalogueRepository(db);
        this.registration = new Registration(config, syncState, appVersion(), serialNumber, clock);
        this.link = new PlatformLink(clock, PlatformLink.State.STARTING);
        this.platformClock = new PlatformClock(clock, Duration.ofSeconds(config.maxClockCorrectionSeconds()));
        this.wire =
                new PlatformWire(config, registration, platformClock, outbox, catalogue, syncState, link, clock, zone);
        this.applications =
                new ApplicationService(new ApplicationRepository(outbox, clock), wire::wakeSender, clock, zone);
        this.audit = new AuditRepository(outbox);
        this.clockCheck = new ClockCheck(config, platformClock, link, audit, clock, wire::wakeSender);
        this.freshness = new DataFreshness(syncState, Duration.ofHours(config.staleAfterHours()), clock, zone);
        this.watch = new LinkWatch(registration, wire, clockCheck, link, audit, freshness, serialNumber, clock);
        this.heartbeats =
                new Heartbeats(registration, wire, clockCheck, link, outbox, syncState, devices, appVersion(), clock);
    }

    /** The outbox, with the installation's key (made at the first start). */
    private static OutboxRepository sealedOutbox(Platform config, Database db, Clock clock) {
        boolean keyWasMissing = !Files.exists(config.keyFile());
        OutboxRepository outbox = new OutboxRepository(db, SealedBox.open(config.keyFile()), clock);
        if (keyWasMissing && outbox.sealedCount() > 0) {
            log.error(
                    "The store key {} was missing and a new one was made: {} sealed outbox record(s) cannot be opened any more;"
                            + " they are set aside as dead letters (restore the key file to send them)",
                    config.keyFile(),
                    outbox.sealedCount());
        }
        return outbox;
    }

    private static String appVersion() {
        String v = PlatformServices.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Starts the background work: registration, clock check, sync, heartbeats, the outbox sender. */
    public void start() {
        start(START_DELAY);
    }

    /**
     * As {@link #start()} without the wait for the window: for a kiosk without a screen (the
     * engineer's tools, the crash test's worker), where nothing competes for the CPU.
     */
    public void startNow() {
        start(Duration.ZERO);
    }

    private void start(Duration delay) {
        // The window and the devices come first: on a two-core kiosk the platform's start-up (the
        // clients, the embedded simulator, the first sync) would otherwise take CPU from the screen.
        Runnable startSender = () -> {
            try {
                wire.get().sender().start();
            } catch (RuntimeException e) {
                log.error("The platform services cannot start", e);
            }
        };
        schedule.start(
                delay,
                List.of(startSender, watch::connect),
                Duration.ofMinutes(config.syncMinutes()),
                watch::sync,
                Duration.ofSeconds(config.heartbeatSeconds()),
                heartbeats::send,
                watch::watch);
    }

    /**
     * Looks for the platform now (staff's "connect now", tests): registration, clock, sync, and the
     * outbox when it answers. Blocks until done.
     */
    public void checkNow() {
        schedule.runNow(watch::connect, "Connecting to the platform");
    }

    /** Reports the kiosk's health now (besides every heartbeatSeconds); blocks. */
    public void heartbeatNow() {
        schedule.runNow(heartbeats::send, "Heartbeat");
    }

    /** The platform as the feature model and the screens see it. */
    public PlatformState featureState() {
        return freshness.featureState(link);
    }

    /** Whether the kiosk's clock is further from the platform's than allowed. */
    public boolean clockDrift() {
        return clockCheck.drift();
    }

    /** A dead letter as staff see it: what, when, how often tried, why; never its content. */
    public record DeadLetter(String key, String kind, Instant occurredAt, int attempts, String error) {}

    /** The platform at a glance, for staff. */
    public record Report(
            PlatformLink.Status link,
            boolean clockDrift,
            int catalogueItems,
            Optional<Instant> dataAsOf,
            long pending,
            long dead,
            Optional<Instant> oldestPending,
            List<DeadLetter> deadLetters,
            boolean usedCodeConfigured,
            Optional<Duration> clockCorrectionRefused,
            Duration maxClockCorrection) {}

    /** The platform at a glance (reads the store: off the JavaFX thread). */
    public Report report() {
        OutboxRepository.Counts counts = outbox.counts();
        List<DeadLetter> dead = outbox.deadLetters(20).stream()
                .map(d -> new DeadLetter(d.idempotencyKey(), d.kind(), d.occurredAt(), d.attempts(), d.error()))
                .toList();
        return new Report(
                link.status(),
                clockCheck.drift(),
                catalogue.count(),
                freshness.dataAsOf(),
                counts.pending(),
                counts.dead(),
                counts.oldestPending(),
                dead,
                registration.usedCodeConfigured(),
                platformClock.refused(),
                platformClock.maxCorrection());
    }

    /**
     * The platform as an engineer checks it from a shell: one unsigned {@code GET /v1/time} (reachable,
     * the clock's offset), whether the kiosk holds credentials, and the store's figures; nothing is
     * registered, synced or sent. Blocks (the network): not on the JavaFX thread.
     */
    public Probe probe() {
        boolean reachable;
        Optional<String> problem = Optional.empty();
        Optional<Duration> offset = Optional.empty();
        try {
            wire.get().interactive().time();
            reachable = true;
            offset = Optional.of(platformClock.offset());
        } catch (PlatformException | RuntimeException e) {
            reachable = false;
            problem = Optional.of(String.valueOf(e.getMessage()));
        }
        return new Probe(
                config.url().map(Object::toString).orElse(Platform.EMBEDDED),
                config.embedded(),
                reachable,
                problem,
                registration.registered(),
                registration.credentials().map(Credentials::kioskId),
                offset,
                report(),
                freshness.now());
    }

    /** What {@link #probe()} found. */
    public record Probe(
            String baseUrl,
            boolean embedded,
            boolean reachable,
            Optional<String> problem,
            boolean registered,
            Optional<String> kioskId,
            Optional<Duration> clockOffset,
            Report report,
            DownSync.Freshness freshness) {}

    /** Staff send every dead letter again; how many. The sender looks at once. */
    public int retryDeadLetters() {
        int n = outbox.retryDead(Optional.empty());
        log.info("Staff sent {} dead letter(s) again", n);
        wire.made().ifPresent(p -> p.sender().retryNow());
        return n;
    }

    public PlatformLink link() {
        return link;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    /** The outbox's sender (made on first use). */
    public OutboxSender sender() {
        return wire.get().sender();
    }

    /** The citizens' licences: listed and printed through the platform, collections told through the outbox. */
    public LicenceSource licences() {
        return new PlatformLicenceSource(this::interactiveClient, link, Optional.of(outbox), wire::wakeSender, clock);
    }

    /** Applications, through the outbox. */
    public ApplicationService applications() {
        return applications;
    }

    /** Audits sessions (start, end and why) for the platform, written off the JavaFX thread. */
    public SessionListener sessionAudit() {
        return new SessionAudit(audit, auditWriter, clock);
    }

    /** The audit trail that goes to the platform. */
    public AuditRepository audit() {
        return audit;
    }

    public CatalogueRepository catalogue() {
        return catalogue;
    }

    /** Where each synchronised resource stands: the local copies' versions and ages. */
    public SyncStateRepository syncState() {
        return syncState;
    }

    public DownSync downSync() {
        return wire.get().downSync();
    }

    public Registration registration() {
        return registration;
    }

    /** The client for calls a citizen waits on (short timeouts), made on first use: call it off the JavaFX thread. */
    public PlatformClient interactiveClient() {
        return wire.get().interactive();
    }

    /** The hall's central queue, falling back to the kiosk's own range. */
    public CentralQueue centralQueue() {
        return new PlatformCentralQueue(this::interactiveClient, link, registration);
    }

    /** The embedded platform as a simulator {@code ./kiosk simctl} drives ({@code platform down 120}). */
    public Optional<Simulator> simulatorControl() {
        return config.embedded() ? Optional.of(new PlatformSimulatorControl(this::embedded)) : Optional.empty();
    }

    /** The embedded platform (the simulator), in demo mode, once it runs. */
    public Optional<EmbeddedPlatform> embedded() {
        return wire.made().flatMap(PlatformWire.Parts::embedded);
    }

    /** How old the local copies are, against {@code staleAfterHours}. */
    public DownSync.Freshness freshness() {
        return freshness.now();
    }

    // payments

    /** Wallet payments (主扫, 被扫) through the platform, with the client for calls a citizen waits on. */
    public QrGateway qrGateway() {
        return new PlatformQrGateway(this::interactiveClient, link, QR_LONG_POLL);
    }

    /** The platform's payment orders of a day, for the reconciliation. */
    public PlatformOrders paymentOrders() {
        return new PlatformPaymentOrders(this::interactiveClient, link);
    }

    /** The delivery of a social insurance due or an application's fee: the platform's order of the payment seen PAID. */
    public Delivery orderPaid() {
        return new PlatformOrderPaid(this::interactiveClient, link);
    }

    /** {@code delivery} with each card payment reported to the platform first. */
    public Delivery cardReport(Delivery delivery) {
        return new PlatformCardReport(delivery, this::interactiveClient, link);
    }

    // appointments

    /** Appointments through the platform, with the client for calls a citizen waits on. */
    public AppointmentPlatform appointments() {
        return new PlatformAppointments(this::interactiveClient, link);
    }

    /** The days items can be booked, from the local copy the down-sync keeps. */
    public OpenDays openDays() {
        return new OpenDays(
                new AppointmentDayRepository(syncState.database()),
                () -> syncState.get(DownSync.APPOINTMENT_AVAILABILITY).syncedAt(),
                clock,
                zone);
    }

    @Override
    public void close() {
        wire.closing();
        schedule.close(); // a sync or registration in flight ends before the store closes
        auditWriter.shutdown();
        try {
            auditWriter.awaitTermination(2, TimeUnit.SECONDS); // the last session's end is written
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wire.close();
    }
}
