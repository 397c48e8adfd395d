package cn.egov.kiosk.runtime;

import cn.egov.kiosk.config.BusinessType;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.FileStatisticsStore;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.device.idcard.PhotoDecoder;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.identity.IdentityService;
import cn.egov.kiosk.printing.PrintService;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.print.ticket.QueueTicketTemplate;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.TicketRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: everything the kiosk is made of, wired from one configuration. The UI is
 * built on top of it; diagnostics and benchmarks use parts of it. Closing it closes the devices
 * (saving their statistics) and the store.
 */
public final class KioskRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KioskRuntime.class);

  private final KioskConfig config;
  private final Clock clock;
  private final InstanceLock instanceLock;
  private final Database database;
  private final QueueService queue;
  private final SimulatorRegistry simulators = new SimulatorRegistry();
  private final DeviceManager devices;
  private final TicketIssuer tickets;
  private final TemplateLibrary templates;
  private final PrintService printing;
  private final Renderings renderings = new Renderings(null);
  private final FeatureAvailability features;
  private final IdentityService identities;
  private final java.util.Optional<PhotoDecoder> photoDecoder = PhotoDecoder.installed();
  private final SessionManager sessions;
  private final SimulatorControl simulatorControl;
  private final java.util.Optional<cn.egov.kiosk.sync.PlatformServices> platform;

  /** A runtime with the print templates of {@link ConfigFiles#templatesDir()} (tests, tools). */
  public KioskRuntime(KioskConfig config, Clock clock, Backoff backoff) {
    this(config, shippedTemplates(), clock, backoff);
  }

  private static TemplateLibrary shippedTemplates() {
    try {
      return TemplateLibrary.load(ConfigFiles.templatesDir());
    } catch (TemplateException e) {
      throw new IllegalStateException("the print templates cannot be used:\n" + e.getMessage(), e);
    }
  }

  public KioskRuntime(KioskConfig config, TemplateLibrary templates, Clock clock, Backoff backoff) {
    this.config = config;
    this.templates = templates;
    this.clock = clock;
    DataFolders.prepare(config.storage());
    this.instanceLock = InstanceLock.acquire(config.storage().dataDir());
    Database opened;
    try {
      opened = Database.open(config.storage().database());
    } catch (RuntimeException e) {
      instanceLock.close();
      throw e;
    }
    this.database = opened;
    try {
      this.platform =
          config.platform().map(p -> new cn.egov.kiosk.sync.PlatformServices(
              p, database, clock, config.kiosk().timeZone(), config.kiosk().id(), this::deviceStates));
    } catch (RuntimeException e) {
      database.close();
      instanceLock.close();
      throw e;
    }
    java.util.Optional<cn.egov.kiosk.store.OutboxRepository> outbox = platform.map(cn.egov.kiosk.sync.PlatformServices::outbox);
    try {
      this.queue =
          new QueueService(
              new TicketRepository(database, outbox, config.kiosk().timeZone()),
              clock,
              config.kiosk().timeZone(),
              config.kiosk().id(),
              config.queue().businessTypes().stream().map(BusinessType::code).collect(Collectors.toSet()),
              platform.map(cn.egov.kiosk.sync.PlatformServices::centralQueue));
      queue.recoverAfterRestart();
      DeviceContext context =
          new DeviceContext(new FileStatisticsStore(config.storage().dataDir().resolve("device-stats")), clock, simulators);
      this.devices = new DeviceManager(config.devices(), DriverRegistry.load(), context, backoff);
    } catch (RuntimeException e) {
      platform.ifPresent(cn.egov.kiosk.sync.PlatformServices::close);
      database.close();
      instanceLock.close();
      throw e;
    }
    PrintRecordRepository printLog = new PrintRecordRepository(database, config.kiosk().id(), outbox);
    this.tickets =
        new TicketIssuer(
            queue,
            ticketTemplate(templates),
            () -> devices.first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class),
            printLog,
            new TicketIssuer.HallTexts(config.kiosk().hallName()::get, this::businessTypeName, config.kiosk().hotline()),
            config.kiosk().timeZone(),
            clock);
    this.printing =
        new PrintService(
            templates,
            renderings,
            () -> devices.first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class),
            () -> devices.first(DeviceClass.DOCUMENT_PRINTER, DocumentPrinter.class),
            printLog,
            clock);
    this.features =
        new FeatureAvailability(
            devices.health(),
            config.queue().printMaskedId()
                ? java.util.Map.of(cn.egov.kiosk.feature.Feature.QUEUE_TICKET, java.util.Set.of(DeviceClass.ID_CARD_READER))
                : java.util.Map.of(),
            platform.map(cn.egov.kiosk.sync.PlatformServices::featureState).orElse(cn.egov.kiosk.feature.PlatformState.NONE));
    this.identities =
        new IdentityService(
            () -> devices.first(DeviceClass.ID_CARD_READER, IdCardReader.class),
            () ->
                config.identity().socialSecurityCard()
                    ? devices.first(DeviceClass.SMART_CARD_READER, SmartCardReader.class)
                    : java.util.Optional.empty(),
            clock,
            config.kiosk().timeZone());
    this.sessions =
        new SessionManager(clock, config.session().inactivityTimeout(), config.session().warning());
    platform.ifPresent(p -> sessions.addListener(p.sessionAudit()));
    platform.flatMap(cn.egov.kiosk.sync.PlatformServices::simulatorControl).ifPresent(simulators::register);
    this.simulatorControl = new SimulatorControl(simulators, config.storage().dataDir());
  }

  private static QueueTicketTemplate ticketTemplate(TemplateLibrary templates) {
    try {
      return new QueueTicketTemplate(templates);
    } catch (TemplateException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Templates made into receipt documents and PDFs (one shared font for PDFs). */
  public Renderings renderings() {
    return renderings;
  }

  /** Prints documents from templates, recording each print. */
  public PrintService printing() {
    return printing;
  }

  /** The print templates. */
  public TemplateLibrary templates() {
    return templates;
  }

  /** The devices' states for the platform's heartbeats. */
  private java.util.List<cn.egov.kiosk.platform.api.Heartbeat.Device> deviceStates() {
    if (devices == null) {
      return java.util.List.of();
    }
    return devices.devices().stream()
        .map(d -> new cn.egov.kiosk.platform.api.Heartbeat.Device(
            d.id(), d.deviceClass().name(), d.state().name(), d.conditions().stream().map(Enum::name).sorted().toList(), d.statistics().snapshot()))
        .toList();
  }

  /** The platform's services, when the configuration has a platform. */
  public java.util.Optional<cn.egov.kiosk.sync.PlatformServices> platform() {
    return platform;
  }

  /** Brings the devices up in the background, and the work with the platform. */
  public void start() {
    devices.start();
    platform.ifPresent(cn.egov.kiosk.sync.PlatformServices::start);
    simulatorControl.start();
    log.info("Kiosk {} started with {} device(s)", config.kiosk().id(), devices.devices().size());
  }

  public String businessTypeName(String code, Locale locale) {
    return config.queue().businessType(code).map(t -> t.name().get(locale)).orElse(code);
  }

  public List<String> businessTypeCodes() {
    return config.queue().businessTypes().stream().map(BusinessType::code).toList();
  }

  public KioskConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public QueueService queue() {
    return queue;
  }

  public DeviceManager devices() {
    return devices;
  }

  public SimulatorRegistry simulators() {
    return simulators;
  }

  public TicketIssuer tickets() {
    return tickets;
  }

  public FeatureAvailability features() {
    return features;
  }

  public IdentityService identities() {
    return identities;
  }

  /** The id of the smart-card reader, if one is configured. */
  public java.util.Optional<String> smartCardReaderId() {
    return devices.first(DeviceClass.SMART_CARD_READER, SmartCardReader.class).map(SmartCardReader::id);
  }

  /** The vendor's ID card photo decoder, if one is installed (looked up once). */
  public java.util.Optional<PhotoDecoder> photoDecoder() {
    return photoDecoder;
  }

  /** The id of the ID card reader, if one is configured. */
  public java.util.Optional<String> idCardReaderId() {
    return devices.first(DeviceClass.ID_CARD_READER, IdCardReader.class).map(IdCardReader::id);
  }

  public SessionManager sessions() {
    return sessions;
  }

  @Override
  public void close() {
    simulatorControl.close();
    platform.ifPresent(cn.egov.kiosk.sync.PlatformServices::close);
    devices.close();
    simulators.closeAll();
    database.close();
    instanceLock.close();
    log.info("Kiosk {} stopped", config.kiosk().id());
  }
}
