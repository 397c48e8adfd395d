package cn.egov.kiosk.sync;

import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformClock;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.queue.CentralQueue;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.store.SyncStateRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the kiosk does with the platform, wired from the {@code platform} section: the
 * embedded simulator in demo mode, the store's key, the outbox and its sender, registration, the
 * down-sync schedule, heartbeats and the clock check. Background work runs on two threads of its
 * own ({@code platform-outbox}, {@code platform-sync}); the calls for a citizen waiting at the
 * screen (a queue number, a licence) use a client with short timeouts.
 *
 * <p>What the kiosk needs locally (the outbox, registration, the link) is made at once; what
 * reaches the platform (the HTTP clients, the sender, the down-sync, the embedded simulator) is
 * made on the {@code platform-sync} thread when {@link #start} runs, so that none of it delays the
 * kiosk's window.
 */
public final class PlatformServices implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlatformServices.class);
  /** The registration code the embedded simulator accepts, whatever the configuration says. */
  public static final String EMBEDDED_REGISTRATION_CODE = "DEMO-REG-0001";
  /** How long after start the platform is first asked. */
  static final Duration START_DELAY = Duration.ofMillis(1500);

  private final Platform config;
  private final Clock clock;
  private final ZoneId zone;
  private final OutboxRepository outbox;
  private final SyncStateRepository syncState;
  private final CatalogueRepository catalogue;
  private final Registration registration;
  private final PlatformLink link;
  /** The parts that reach the platform, made on first use (on the platform-sync thread). */
  private record Wire(Optional<PlatformSimulator> simulator, PlatformClient client, PlatformClient interactive, OutboxSender sender, DownSync downSync) {}

  private volatile Wire wire;
  private volatile boolean closed;
  private boolean started;
  private final cn.egov.kiosk.application.ApplicationService applications;
  private final cn.egov.kiosk.store.AuditRepository audit;
  private final String serialNumber;
  private final Supplier<List<Heartbeat.Device>> devices;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "platform-sync");
        t.setDaemon(true);
        return t;
      });
  private final long startedNanos = System.nanoTime();
  private final java.util.concurrent.ExecutorService auditWriter =
      Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-writer");
        t.setDaemon(true);
        return t;
      });
  private volatile boolean clockDrift;
  /** The platform's time, shared by both clients, corrected at most by maxClockCorrectionSeconds. */
  private final PlatformClock platformClock;
  /** The oldest successful sync of the local copies, cached for the screens (no store on the FX thread). */
  private volatile Optional<java.time.Instant> dataAsOf = Optional.empty();
  private final java.util.List<Runnable> noticeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param serialNumber the kiosk's id, sent at registration
   * @param devices the devices' states for heartbeats
   */
  public PlatformServices(Platform config, Database db, Clock clock, ZoneId zone, String serialNumber, Supplier<List<Heartbeat.Device>> devices) {
    this.config = config;
    this.clock = clock;
    this.zone = zone;
    this.serialNumber = serialNumber;
    this.devices = devices;
    boolean keyWasMissing = !java.nio.file.Files.exists(config.keyFile());
    SealedBox box = SealedBox.open(config.keyFile());
    this.outbox = new OutboxRepository(db, box, clock);
    if (keyWasMissing && outbox.sealedCount() > 0) {
      log.error("The store key {} was missing and a new one was made: {} sealed outbox record(s) cannot be opened any more;"
          + " they are set aside as dead letters (restore the key file to send them)", config.keyFile(), outbox.sealedCount());
    }
    this.syncState = new SyncStateRepository(db);
    this.catalogue = new CatalogueRepository(db);
    this.registration = new Registration(config, syncState, appVersion(), serialNumber, clock);
    this.link = new PlatformLink(clock, PlatformLink.State.STARTING);
    this.applications = new cn.egov.kiosk.application.ApplicationService(
        new cn.egov.kiosk.store.ApplicationRepository(outbox, clock), this::wakeSender, clock, zone);
    this.audit = new cn.egov.kiosk.store.AuditRepository(outbox);
    this.platformClock = new PlatformClock(clock, Duration.ofSeconds(config.maxClockCorrectionSeconds()));
    platformClock.addListener((offset, limit, source) -> {
      audit.record(clock.instant(), "clock.correction-refused", "SYSTEM",
          java.util.Map.of("offsetMs", offset.toMillis(), "limitMs", limit.toMillis(), "source", source));
      wakeSender();
    });
    this.dataAsOf = DownSync.freshness(syncState, clock, Duration.ofHours(config.staleAfterHours())).oldestSync();
    link.addListener(s -> {
      Wire w = wire;
      if (s.online() && w != null) {
        w.sender().retryNow(); // the platform is back: the backlog drains now
      }
    });
  }

  /** The parts that reach the platform, made the first time they are needed. */
  private synchronized Wire wire() {
    if (wire != null) {
      return wire;
    }
    if (closed) {
      throw new IllegalStateException("the platform services are closed");
    }
    Optional<PlatformSimulator> simulator;
    String url;
    if (config.embedded()) {
      try {
        PlatformSimulator sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        sim.allowRegistrationCode(config.registrationCode().orElse(EMBEDDED_REGISTRATION_CODE));
        sim.autoPay(Optional.of(Duration.ofSeconds(8)));
        // The embedded simulator starts afresh each time; the kiosk registered with an earlier one
        // brings its key along, as a real platform would still know it.
        registration.credentials().ifPresent(c -> sim.provision(c, registration.queuePrefix()));
        simulator = Optional.of(sim);
        url = sim.url();
      } catch (IOException e) {
        throw new IllegalStateException("the embedded platform simulator cannot start: " + e.getMessage(), e);
      }
    } else {
      simulator = Optional.empty();
      url = config.url().orElseThrow().toString();
    }
    PlatformConfig pc = PlatformConfig.of(url).withTls(config.caFile(), config.pins());
    PlatformClient client = new PlatformClient(pc.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)), registration::credentials, platformClock);
    PlatformClient interactive = new PlatformClient(pc.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)), registration::credentials, platformClock);
    OutboxSender sender = new OutboxSender(outbox, client::batch, link, clock, zone, RetryPolicy.DEFAULT);
    DownSync downSync = new DownSync(client, catalogue, syncState, link, clock, zone, 500);
    wire = new Wire(simulator, client, interactive, sender, downSync);
    return wire;
  }

  private void wakeSender() {
    Wire w = wire;
    if (w != null) {
      w.sender().wake();
    }
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

  private synchronized void start(Duration delay) {
    if (started) {
      return;
    }
    started = true;
    // The window and the devices come first: on a two-core kiosk the platform's start-up (the
    // clients, the embedded simulator, the first sync) would otherwise take CPU from the screen.
    scheduler.schedule(() -> {
      try {
        wire().sender().start();
      } catch (RuntimeException e) {
        log.error("The platform services cannot start", e);
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(guarded(this::syncQuietly), config.syncMinutes(), config.syncMinutes(), TimeUnit.MINUTES);
    scheduler.scheduleWithFixedDelay(guarded(this::heartbeat), config.heartbeatSeconds(), config.heartbeatSeconds(), TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(guarded(this::watch), 15, 15, TimeUnit.SECONDS);
  }

  /** A scheduled task that logs whatever it throws instead of being cancelled by it for good. */
  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (Throwable t) { // an Error too: a repeating task that throws is never run again
        log.error("A platform task failed; it runs again at its next turn", t);
      }
    };
  }

  private void connect() {
    try {
      if (!registration.ensure(wire().interactive(), serialNumber)) {
        link.notRegistered("no credentials and no registration code");
        return;
      }
      checkClock();
      rotateIfDue();
      // Online only once a signed call has gone through: the down-sync says so (or that the
      // platform refuses the kiosk's key).
      wire().downSync().syncAll();
      synced();
      wire().sender().wake();
    } catch (PlatformException e) {
      if (registration.registered()) {
        link.unreachable(e.getMessage());
      } else {
        link.notRegistered(e.getMessage());
      }
      log.warn("Platform not reached at start ({}); the kiosk serves from its local copy and tries again", e.getMessage());
    } catch (RuntimeException e) {
      log.error("Connecting to the platform failed", e);
    }
  }

  /**
   * Looks for the platform now (staff's "connect now", tests): registration, clock, sync, and the
   * outbox when it answers. Blocks until done.
   */
  public void checkNow() {
    try {
      scheduler.submit(this::connect).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      log.error("Connecting to the platform failed", e.getCause());
    }
  }

  /**
   * Every 15 s, one cheap unsigned call ({@code GET /v1/time}): while online it finds out that the
   * platform went away before a citizen does (the screens then say so); while away, whether it is
   * back (then registration, sync and the outbox resume at once).
   */
  private void watch() {
    if (!link.online()) {
      connect();
      return;
    }
    try {
      wire().interactive().time();
    } catch (PlatformException e) {
      link.failed(e);
    } catch (RuntimeException e) {
      log.error("Watching the platform failed", e);
    }
  }

  private void syncQuietly() {
    try {
      if (registration.registered()) {
        rotateIfDue();
        wire().downSync().syncAll();
        synced();
      }
    } catch (RuntimeException e) {
      log.error("Down-sync failed", e);
    }
  }

  /** A new key every platform.rotateDays (or the end of one begun before a crash); failures wait for the next turn. */
  private void rotateIfDue() {
    try {
      if (registration.rotateIfDue(wire().client())) {
        audit.record(clock.instant(), "credentials.rotated", "SYSTEM", java.util.Map.of("kioskId", registration.credentials().orElseThrow().kioskId()));
        wakeSender();
      }
    } catch (PlatformException e) {
      link.failed(e);
      log.warn("The key rotation did not go through ({}); it is asked again at the next sync", e.getMessage());
    } catch (IllegalStateException e) {
      log.error("The key rotation could not be saved; it is finished at the next sync with the same idempotency key", e);
    }
  }

  /** After a sync: the cached age of the local copies, and whoever shows it. */
  private void synced() {
    Optional<java.time.Instant> before = dataAsOf;
    dataAsOf = DownSync.freshness(syncState, clock, Duration.ofHours(config.staleAfterHours())).oldestSync();
    if (!before.equals(dataAsOf)) {
      noticeListeners.forEach(Runnable::run);
    }
  }

  /** The platform as the feature model and the screens see it. */
  public cn.egov.kiosk.feature.PlatformState featureState() {
    cn.egov.kiosk.feature.PlatformState fromLink = link.asFeatureState();
    return new cn.egov.kiosk.feature.PlatformState() {
      @Override
      public Optional<Unavailable> problem() {
        return fromLink.problem();
      }

      @Override
      public Notice notice() {
        Optional<java.time.Instant> asOf = dataAsOf;
        boolean stale = asOf.map(t -> t.plus(Duration.ofHours(config.staleAfterHours())).isBefore(clock.instant())).orElse(true);
        return new Notice(link.status().state() == PlatformLink.State.OFFLINE, asOf.map(t -> java.time.LocalDateTime.ofInstant(t, zone)), stale);
      }

      @Override
      public void addListener(Runnable listener) {
        fromLink.addListener(listener);
        noticeListeners.add(listener);
      }
    };
  }

  private void checkClock() throws PlatformException {
    PlatformClient client = wire().client();
    client.time(); // both clients sign with the one platform clock
    Duration offset = platformClock.offset();
    link.clockOffset(offset);
    boolean drift = Math.abs(offset.toMillis()) > config.clockDriftWarnSeconds() * 1000L;
    if (drift && !clockDrift) {
      log.warn("The kiosk's clock is {} s off the platform's (more than {} s): check the PC's time synchronisation", offset.toMillis() / 1000.0, config.clockDriftWarnSeconds());
      audit.record(clock.instant(), "clock.drift", "SYSTEM", java.util.Map.of("offsetMs", offset.toMillis(), "limitMs", config.clockDriftWarnSeconds() * 1000L));
      wakeSender();
    }
    clockDrift = drift;
  }

  /** Whether the kiosk's clock is further from the platform's than allowed. */
  public boolean clockDrift() {
    return clockDrift;
  }

  /** A dead letter as staff see it: what, when, how often tried, why; never its content. */
  public record DeadLetter(String key, String kind, java.time.Instant occurredAt, int attempts, String error) {}

  /** The platform at a glance, for staff. */
  public record Report(
      PlatformLink.Status link,
      boolean clockDrift,
      int catalogueItems,
      Optional<java.time.Instant> dataAsOf,
      long pending,
      long dead,
      Optional<java.time.Instant> oldestPending,
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
    return new Report(link.status(), clockDrift, catalogue.count(), dataAsOf, counts.pending(), counts.dead(), counts.oldestPending(), dead,
        registration.usedCodeConfigured(), platformClock.refused(), platformClock.maxCorrection());
  }

  /** Staff send every dead letter again; how many. The sender looks at once. */
  public int retryDeadLetters() {
    int n = outbox.retryDead(Optional.empty());
    log.info("Staff sent {} dead letter(s) again", n);
    Wire w = wire;
    if (w != null) {
      w.sender().retryNow();
    }
    return n;
  }

  /** Reports the kiosk's health now (besides every heartbeatSeconds); blocks. */
  public void heartbeatNow() {
    try {
      scheduler.submit(this::heartbeat).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      log.error("Heartbeat failed", e.getCause());
    }
  }

  private void heartbeat() {
    if (!registration.registered()) {
      return;
    }
    try {
      checkClock();
      OutboxRepository.Counts counts = outbox.counts();
      PlatformClient client = wire().client();
      client.heartbeat(new Heartbeat(OffsetDateTime.now(clock), (System.nanoTime() - startedNanos) / 1_000_000_000L, appVersion(), devices.get(),
          counts.pending(), counts.dead(), -client.clockOffset().toMillis(), syncState.get(DownSync.CATALOGUE).version())); // the contract: the kiosk's clock minus the platform's
      link.reached();
    } catch (PlatformException e) {
      link.failed(e);
    } catch (RuntimeException e) {
      log.error("Heartbeat failed", e);
    }
  }

  public PlatformLink link() {
    return link;
  }

  public OutboxRepository outbox() {
    return outbox;
  }

  /** The outbox's sender (made on first use). */
  public OutboxSender sender() {
    return wire().sender();
  }

  /** Applications, through the outbox. */
  public cn.egov.kiosk.application.ApplicationService applications() {
    return applications;
  }

  /** Audits sessions (start, end and why) for the platform, written off the JavaFX thread. */
  public cn.egov.kiosk.session.SessionListener sessionAudit() {
    return new SessionAudit(audit, auditWriter, clock);
  }

  /** The audit trail that goes to the platform. */
  public cn.egov.kiosk.store.AuditRepository audit() {
    return audit;
  }

  public CatalogueRepository catalogue() {
    return catalogue;
  }

  public DownSync downSync() {
    return wire().downSync();
  }

  public Registration registration() {
    return registration;
  }

  /** The client for calls a citizen waits on (short timeouts), made on first use: call it off the JavaFX thread. */
  public PlatformClient interactiveClient() {
    return wire().interactive();
  }

  /** The hall's central queue, falling back to the kiosk's own range. */
  public CentralQueue centralQueue() {
    return new PlatformCentralQueue(this::interactiveClient, link, registration);
  }

  /** The embedded simulator as a simulator {@code ./kiosk simctl} drives ({@code platform down 120}). */
  public java.util.Optional<cn.egov.kiosk.device.sim.Simulator> simulatorControl() {
    return config.embedded() ? Optional.of(new PlatformSimulatorControl(this::simulator)) : Optional.empty();
  }

  /** The embedded simulator, in demo mode, once it runs. */
  public Optional<PlatformSimulator> simulator() {
    Wire w = wire;
    return w == null ? Optional.empty() : w.simulator();
  }

  /** How old the local copies are, against {@code staleAfterHours}. */
  public DownSync.Freshness freshness() {
    return DownSync.freshness(syncState, clock, Duration.ofHours(config.staleAfterHours()));
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS); // a sync or registration in flight ends before the store closes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    auditWriter.shutdown();
    try {
      auditWriter.awaitTermination(2, TimeUnit.SECONDS); // the last session's end is written
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Wire w = wire;
    if (w != null) {
      w.sender().close();
      w.client().close();
      w.interactive().close();
      w.simulator().ifPresent(PlatformSimulator::close);
    }
  }
}
