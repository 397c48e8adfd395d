package cn.egov.kiosk.runtime;

import cn.egov.kiosk.admin.AdminAudit;
import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.admin.PinHasher;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.config.BusinessType;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.FileStatisticsStore;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.PhotoDecoder;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.feature.OpeningHours;
import cn.egov.kiosk.feature.PlatformState;
import cn.egov.kiosk.identity.IdentityService;
import cn.egov.kiosk.payment.Delivery;
import cn.egov.kiosk.payment.DueRef;
import cn.egov.kiosk.payment.PaymentServices;
import cn.egov.kiosk.payment.TerminalCardGateway;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.print.ticket.QueueTicketTemplate;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.printing.WatchedPrintLog;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.settings.ConfigAudit;
import cn.egov.kiosk.settings.LiveConfig;
import cn.egov.kiosk.settings.Settings;
import cn.egov.kiosk.speech.Speaker;
import cn.egov.kiosk.store.AdminRepository;
import cn.egov.kiosk.store.AuditRepository;
import cn.egov.kiosk.store.CatalogueUseRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.DayFiguresRepository;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.PaymentJournalRepository;
import cn.egov.kiosk.store.PrintContentRepository;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.SealedBox;
import cn.egov.kiosk.store.TicketRepository;
import cn.egov.kiosk.sync.Heartbeats;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.today.DayFigures;
import cn.egov.kiosk.today.DayRecorder;
import cn.egov.kiosk.today.Reprints;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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

    /** How long the recovery at start-up waits for the card terminal's link to be up. */
    private static final Duration TERMINAL_WAIT = Duration.ofSeconds(30);

    private final KioskConfig config;
    /** The configuration as staff change it while the kiosk runs. */
    private final LiveConfig live;

    private final Clock clock;
    private final InstanceLock instanceLock;
    private final Database database;
    private final Optional<ServiceGuide> guide;
    private final WatchedPrintLog printLog;
    private final QueueService queue;
    private final SimulatorRegistry simulators = new SimulatorRegistry();
    private final DeviceManager devices;
    /** The drivers on the class path, looked up once (the settings screen offers them). */
    private final DriverRegistry drivers;

    private final TicketIssuer tickets;
    private final TemplateLibrary templates;
    private final Printing printing;
    private final Renderings renderings = new Renderings(null);
    private final FeatureAvailability features;
    private final IdentityService identities;
    private final Optional<PhotoDecoder> photoDecoder = PhotoDecoder.installed();
    private final SessionManager sessions;
    private final SimulatorControl simulatorControl;
    private final Optional<PlatformServices> platform;
    private final PaymentServices payments;
    private final AdminGate admin;
    private final TicketRepository ticketStore;
    private final PrintRecordRepository printRecords;
    private final PaymentJournalRepository paymentJournal;
    private final DayFiguresRepository dayRecords;
    private final DayRecorder dayRecorder;
    private final Housekeeping housekeeping;
    /** The voice, made the first time something is said (most sessions say nothing). */
    private Speaker speaker;

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
        this.live = new LiveConfig(config);
        this.templates = templates;
        this.clock = clock;
        DataFolders.prepare(config.storage());
        // What is opened is closed again, in reverse, if a later part cannot be made.
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            this.instanceLock =
                    push(opened, InstanceLock.acquire(config.storage().dataDir()));
            this.database = push(opened, Database.open(config.storage().database()));
            DeviceContext context = new DeviceContext(
                    new FileStatisticsStore(config.storage().dataDir().resolve("device-stats")), clock, simulators);
            this.drivers = DriverRegistry.load();
            this.devices = push(opened, new DeviceManager(config.devices(), drivers, context, backoff));
            DeviceManager madeDevices = devices;
            this.platform = config.platform()
                    .map(p -> new PlatformServices(
                            p,
                            database,
                            clock,
                            config.kiosk().timeZone(),
                            config.kiosk().id(),
                            config.kiosk().hallName().get(Locale.SIMPLIFIED_CHINESE),
                            () -> Heartbeats.devicesOf(madeDevices)));
            platform.ifPresent(opened::push);
            platform.ifPresent(p -> p.watchDevices(madeDevices.health()));
            this.guide = platform.map(p -> new ServiceGuide(
                    p.catalogue(),
                    p.syncState(),
                    new CatalogueUseRepository(database),
                    clock,
                    config.kiosk().timeZone()));
            Optional<OutboxRepository> outbox = platform.map(PlatformServices::outbox);
            this.ticketStore =
                    new TicketRepository(database, outbox, config.kiosk().timeZone());
            this.queue = new QueueService(
                    ticketStore,
                    clock,
                    config.kiosk().timeZone(),
                    config.kiosk().id(),
                    config.queue().businessTypes().stream()
                            .map(BusinessType::code)
                            .collect(Collectors.toSet()),
                    platform.map(PlatformServices::centralQueue));
            queue.recoverAfterRestart();
            this.printRecords =
                    new PrintRecordRepository(database, config.kiosk().id(), outbox);
            this.printLog = new WatchedPrintLog(printRecords);
            // the day at a glance: flows and device faults recorded, prints' contents kept for a reprint
            this.dayRecords = new DayFiguresRepository(database, outbox);
            this.dayRecorder = push(opened, new DayRecorder(dayRecords, clock));
            devices.health().addListener(dayRecorder);
            SealedBox box = SealedBox.open(config.platform()
                    .map(p -> p.keyFile())
                    .orElse(config.storage().dataDir().resolve("store.key")));
            PrintContentRepository printContents =
                    new PrintContentRepository(database, box, Reprints::keeps, Reprints.RETENTION, clock);
            // kept print contents past their retention go at start and once a day, prints or none
            this.housekeeping = push(
                    opened,
                    new Housekeeping(
                            Duration.ofDays(1), List.of(new Housekeeping.Job("the purge of kept print contents", () -> {
                                int purged = printContents.purge();
                                if (purged > 0) {
                                    log.info("{} kept print content(s) past their retention deleted", purged);
                                }
                            }))));
            this.tickets = new TicketIssuer(
                    queue,
                    ticketTemplate(templates),
                    () -> madeDevices.first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class),
                    printLog,
                    new TicketIssuer.HallTexts(
                            locale -> live.get().kiosk().hallName().get(locale),
                            this::businessTypeName,
                            () -> live.get().kiosk().hotline()),
                    config.kiosk().timeZone(),
                    clock);
            this.printing = new Printing(
                    templates,
                    renderings,
                    () -> madeDevices.first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class),
                    () -> madeDevices.first(DeviceClass.DOCUMENT_PRINTER, DocumentPrinter.class),
                    printLog,
                    clock,
                    printContents);
            // the hall's opening hours as staff last saved them: outside them only the after-hours features
            OpeningHours hours = push(
                    opened,
                    new OpeningHours(
                            () -> live.get().hours(), clock, config.kiosk().timeZone()));
            live.onChange(c -> hours.changed());
            this.features = new FeatureAvailability(
                    devices.health(),
                    config.queue().printMaskedId()
                            ? Map.of(Feature.QUEUE_TICKET, Set.of(DeviceClass.ID_CARD_READER))
                            : Map.of(),
                    platform.map(PlatformServices::featureState).orElse(PlatformState.NONE),
                    hours);
            this.identities = new IdentityService(
                    () -> madeDevices.first(DeviceClass.ID_CARD_READER, IdCardReader.class),
                    () -> config.identity().socialSecurityCard()
                            ? madeDevices.first(DeviceClass.SMART_CARD_READER, SmartCardReader.class)
                            : Optional.empty(),
                    clock,
                    config.kiosk().timeZone());
            this.sessions = new SessionManager(
                    clock,
                    config.session().inactivityTimeout(),
                    config.session().warning());
            platform.ifPresent(p -> sessions.addListener(p.sessionAudit()));
            this.paymentJournal = new PaymentJournalRepository(database);
            // inactivity limits changed by staff apply from the next check on
            live.onChange(c ->
                    sessions.limits(c.session().inactivityTimeout(), c.session().warning()));
            this.payments = push(
                    opened,
                    new PaymentServices(
                            paymentJournal,
                            new TerminalCardGateway(
                                    () -> madeDevices.first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class),
                                    config.kiosk().timeZone()),
                            platform.map(PlatformServices::qrGateway),
                            platform.map(PlatformServices::paymentOrders),
                            platform.<UnaryOperator<Delivery>>map(p -> p::cardReport)
                                    .orElse(UnaryOperator.identity()),
                            clock,
                            config.kiosk().timeZone(),
                            config.payments().recoveryEvery(),
                            config.payments().reconciliationTime()));
            // 社保缴费 and an application's fee: the platform books the due, or the fee with its order, once
            // the order is PAID; registered before start(), whose recovery delivers
            platform.ifPresent(p -> payments.deliveries()
                    .register(DueRef.Kind.INSURANCE_DUE, p.orderPaid())
                    .register(DueRef.Kind.APPLICATION_FEE, p.orderPaid()));
            platform.flatMap(PlatformServices::simulatorControl).ifPresent(simulators::register);
            this.simulatorControl =
                    new SimulatorControl(simulators, config.storage().dataDir());
            this.admin = new AdminGate(
                    new AdminRepository(database),
                    new PinHasher(),
                    platform.<AdminAudit>map(p -> p.audit()::record).orElse(AdminAudit.LOG_ONLY),
                    clock,
                    config.storage().dataDir());
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T part) {
        opened.push(part);
        return part;
    }

    private static void closeAll(Deque<AutoCloseable> opened, RuntimeException cause) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
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
    public Printing printing() {
        return printing;
    }

    /** The print templates. */
    public TemplateLibrary templates() {
        return templates;
    }

    /** The platform's services, when the configuration has a platform. */
    public Optional<PlatformServices> platform() {
        return platform;
    }

    /**
     * Paying at the kiosk: the payments, the deliveries the flows register, the recovery (run at
     * {@link #start()}; {@link PaymentServices#recovered()} says when payments may be offered) and
     * the daily reconciliation. Card payments work without a platform; wallet payments need one
     * ({@link PaymentServices#qrAvailable()}).
     */
    public PaymentServices payments() {
        return payments;
    }

    /** Every print, as recorded for the audit trail; listeners hear of each. */
    public WatchedPrintLog printLog() {
        return printLog;
    }

    /**
     * The day at a glance's figures, from the store: tickets, flows and faults as recorded,
     * applications (with a platform), payments and their reconciliation, prints.
     */
    public DayFigures dayFigures() {
        return new DayFigures(
                ticketStore,
                platform.map(PlatformServices::applicationRecords),
                paymentJournal,
                printRecords,
                dayRecords,
                businessTypeCodes(),
                config.kiosk().timeZone(),
                clock);
    }

    /** Where the screens say that a citizen flow started or ended (recorded off their thread). */
    public DayRecorder dayRecorder() {
        return dayRecorder;
    }

    /** The print records, read by day for the day at a glance and the reprint. */
    public PrintRecordRepository printRecords() {
        return printRecords;
    }

    /** The service guide over the local copy of the catalogue, when the configuration has a platform. */
    public Optional<ServiceGuide> guide() {
        return guide;
    }

    /**
     * The admin side: the PIN pad's checks, the lock-out, PIN changes and the first start's set-up
     * (blocking: off the JavaFX thread).
     */
    public AdminGate admin() {
        return admin;
    }

    /** Brings the devices up in the background, and the work with the platform. */
    public void start() {
        prepareAdmin();
        devices.start();
        platform.ifPresent(PlatformServices::start);
        // the recovery at start-up asks the card terminal about payments in doubt: once its link is up
        payments.start(
                () -> devices.first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class)
                        .map(PaymentTerminal::isEnabled)
                        .orElse(true),
                TERMINAL_WAIT);
        simulatorControl.start();
        housekeeping.start();
        features.hours().start();
        log.info(
                "Kiosk {} started with {} device(s)",
                config.kiosk().id(),
                devices.devices().size());
    }

    /** No PIN yet: the demo's PINs, or a first start's set-up code (a failure is logged: the pad then refuses every entry). */
    private void prepareAdmin() {
        try {
            admin.prepare(config.kiosk().demo());
        } catch (RuntimeException e) {
            log.error("The admin side could not be prepared (PINs, set-up code)", e);
        }
    }

    public String businessTypeName(String code, Locale locale) {
        return config.queue().businessType(code).map(t -> t.name().get(locale)).orElse(code);
    }

    public List<String> businessTypeCodes() {
        return config.queue().businessTypes().stream().map(BusinessType::code).toList();
    }

    /** The configuration the kiosk started with. */
    public KioskConfig config() {
        return config;
    }

    /** The configuration as it is now: staff may have changed it since the start. */
    public LiveConfig live() {
        return live;
    }

    /**
     * Staff's configuration on screen, over the file the kiosk started from: each change audited
     * ({@code config.change}, through the outbox to the platform; in the log without one) as done by
     * {@code actor}.
     */
    public Settings settings(Supplier<String> actor) {
        Optional<AuditRepository> audit = platform.map(p -> new AuditRepository(p.outbox()));
        ConfigAudit trail = (at, kind, who, detail) -> {
            if (audit.isPresent()) {
                audit.get().record(at, kind, who, detail);
            } else {
                log.info("Audit {} by {}: {}", kind, who, detail.get("key"));
            }
        };
        return new Settings(config.source(), live, devices, drivers, trail, clock, actor);
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
    public Optional<String> smartCardReaderId() {
        return devices.first(DeviceClass.SMART_CARD_READER, SmartCardReader.class)
                .map(SmartCardReader::id);
    }

    /** The vendor's ID card photo decoder, if one is installed (looked up once). */
    public Optional<PhotoDecoder> photoDecoder() {
        return photoDecoder;
    }

    /** The id of the ID card reader, if one is configured. */
    public Optional<String> idCardReaderId() {
        return devices.first(DeviceClass.ID_CARD_READER, IdCardReader.class).map(IdCardReader::id);
    }

    public SessionManager sessions() {
        return sessions;
    }

    /**
     * The kiosk's voice: espeak-ng, the prompt cache in the data folder, the sound card; made (and its
     * thread started) at the first call. Quick to call on any thread.
     */
    public synchronized Speaker speaker() {
        if (speaker == null) {
            speaker = Speaker.start(config.storage().dataDir());
        }
        return speaker;
    }

    /** The voice, if something has been said. */
    public synchronized Optional<Speaker> startedSpeaker() {
        return Optional.ofNullable(speaker);
    }

    @Override
    public void close() {
        startedSpeaker().ifPresent(Speaker::close);
        simulatorControl.close();
        payments.close();
        housekeeping.close();
        platform.ifPresent(PlatformServices::close);
        devices.close();
        dayRecorder.close();
        simulators.closeAll();
        database.close();
        instanceLock.close();
        log.info("Kiosk {} stopped", config.kiosk().id());
    }
}
