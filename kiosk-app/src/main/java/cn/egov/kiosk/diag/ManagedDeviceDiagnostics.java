package cn.egov.kiosk.diag;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.privacy.Masking;
import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.WireMonitor;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.printer.PrinterTrouble;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard;
import cn.egov.kiosk.device.smartcard.SocialSecurityCards;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.PrintLog;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engineer's diagnostics over the running kiosk's {@link DeviceManager}: the devices as it
 * publishes them, their checks, counters and recent errors, and the actions, each audited as {@code
 * device.action} with the actor given (the logged-in role). What a test read finds is shown masked
 * and never logged or audited.
 */
public final class ManagedDeviceDiagnostics implements DeviceDiagnostics {
    private static final Logger log = LoggerFactory.getLogger(ManagedDeviceDiagnostics.class);

    /** How long a test read waits for a card or a code. */
    static final Duration READ_WAIT = Duration.ofSeconds(15);

    /** Where audit records go: {@code store.AuditRepository::record} when there is an outbox. */
    @FunctionalInterface
    public interface Audit {
        void record(Instant at, String kind, String actor, Map<String, Object> detail);

        /** No audit trail (no platform): the log only. */
        Audit NONE = (at, kind, actor, detail) -> {};
    }

    /** Writes a bundle to a file: {@code DiagnosticsBundle} made with the running kiosk's configuration and devices. */
    @FunctionalInterface
    public interface BundleWriter {
        DiagnosticsBundle.Written write(Path target);
    }

    /** What a licence printer's test page is printed with (the runtime's templates and print log). */
    public record PageParts(TemplateLibrary templates, Renderings renderings, PrintLog printLog) {}

    private final DeviceManager devices;
    private final Optional<PageParts> pageParts;
    private final String kioskId;
    private final Clock clock;
    private final ZoneId zone;
    private final Audit audit;
    private final Supplier<String> actor;
    private final Duration readWait;
    private final Supplier<List<Path>> drives;
    private final Optional<BundleWriter> bundles;
    /** Each device's latest report per level, from the checks run here. */
    private final Map<String, Map<HealthLevel, HealthReport>> reports = new ConcurrentHashMap<>();

    public ManagedDeviceDiagnostics(
            DeviceManager devices,
            Optional<PageParts> pageParts,
            String kioskId,
            Clock clock,
            ZoneId zone,
            Audit audit,
            Supplier<String> actor) {
        this(devices, pageParts, kioskId, clock, zone, audit, actor, READ_WAIT, List::of, Optional.empty());
    }

    /**
     * @param drives the removable drives mounted now ({@link RemovableDrives#find})
     * @param bundles what writes a bundle to a file
     */
    public ManagedDeviceDiagnostics(
            DeviceManager devices,
            Optional<PageParts> pageParts,
            String kioskId,
            Clock clock,
            ZoneId zone,
            Audit audit,
            Supplier<String> actor,
            Supplier<List<Path>> drives,
            BundleWriter bundles) {
        this(devices, pageParts, kioskId, clock, zone, audit, actor, READ_WAIT, drives, Optional.of(bundles));
    }

    ManagedDeviceDiagnostics(
            DeviceManager devices,
            Optional<PageParts> pageParts,
            String kioskId,
            Clock clock,
            ZoneId zone,
            Audit audit,
            Supplier<String> actor,
            Duration readWait,
            Supplier<List<Path>> drives,
            Optional<BundleWriter> bundles) {
        this.devices = devices;
        this.pageParts = pageParts;
        this.kioskId = kioskId;
        this.clock = clock;
        this.zone = zone;
        this.audit = audit;
        this.actor = actor;
        this.readWait = readWait;
        this.drives = drives;
        this.bundles = bundles;
    }

    @Override
    public Optional<WireWatch> watch(String deviceId, Locale locale) {
        if (devices.device(deviceId).isEmpty() || !devices.tappable(deviceId)) {
            return Optional.empty();
        }
        // masked always: the screen offers no way to see a card's data
        WireMonitor monitor = devices.monitor(deviceId, false);
        log.info("Serial monitor on {} started", deviceId);
        return Optional.of(new WireWatch() {
            private final ArrayDeque<WireLine> ready = new ArrayDeque<>();

            /** One taker (the screen's thread); never waits: the tap's queue is lock-free. */
            @Override
            public List<WireLine> take(int max) {
                List<WireLine> out = new ArrayList<>();
                while (out.size() < max) {
                    if (ready.isEmpty()) {
                        WireMonitor.Line l = next(monitor);
                        if (l == null) {
                            break;
                        }
                        ready.addAll(WireLines.rows(l, locale));
                        continue;
                    }
                    out.add(ready.poll());
                }
                return out;
            }

            @Override
            public long dropped() {
                return monitor.dropped();
            }

            @Override
            public void close() {
                monitor.close();
                log.info("Serial monitor on {} stopped ({} chunks dropped)", deviceId, monitor.dropped());
            }
        });
    }

    /** The next line waiting, without waiting for one. */
    private static WireMonitor.Line next(WireMonitor monitor) {
        try {
            return monitor.poll(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static final DateTimeFormatter BUNDLE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Override
    public List<Path> removableDrives() {
        return bundles.isEmpty() ? List.of() : List.copyOf(drives.get());
    }

    @Override
    public BundleWritten writeBundle(Path drive) {
        BundleWriter writer = bundles.orElseThrow(() -> new IllegalStateException("this kiosk makes no bundles"));
        String name = "kiosk-" + kioskId + "-diag-"
                + BUNDLE_TIME.format(clock.instant().atZone(zone)) + ".zip";
        DiagnosticsBundle.Written written = writer.write(drive.resolve(name));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("entries", written.entries().size());
        detail.put("bytes", written.bytes());
        detail.put("to", "removable drive");
        try {
            audit.record(clock.instant(), "diag.bundle", actor.get(), detail);
        } catch (RuntimeException e) {
            log.error("The bundle written to a drive could not be audited", e);
        }
        log.info("Diagnostics bundle written to {} ({} bytes)", written.file(), written.bytes());
        return new BundleWritten(written.file(), written.entries().size(), written.bytes());
    }

    @Override
    public List<DeviceHealth> devices() {
        return List.copyOf(devices.health().all());
    }

    @Override
    public Optional<Page> page(String deviceId, boolean checkHardware) {
        Optional<Device> found = devices.device(deviceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Device device = found.get();
        if (checkHardware) {
            check(device, HealthLevel.INTERNAL);
            check(device, HealthLevel.EXTERNAL);
        }
        DeviceHealth health = devices.health().get(deviceId).orElseThrow();
        // the counters as they are now, not as last published
        DeviceHealth now = new DeviceHealth(
                health.id(),
                health.deviceClass(),
                health.driver(),
                health.connection(),
                health.state(),
                health.conditions(),
                health.problem(),
                health.text(),
                device.statistics().snapshot(),
                health.updatedAt());
        return Optional.of(new Page(
                now,
                reports.getOrDefault(deviceId, Map.of()),
                devices.recentErrors(deviceId),
                actions(device),
                device.advisories()));
    }

    /** The actions a device offers, by its class and what its driver implements. */
    static List<Action> actions(Device device) {
        List<Action> offered = new ArrayList<>(List.of(Action.RECONNECT, Action.SELF_TEST));
        DeviceClass c = device.deviceClass();
        if ((c == DeviceClass.RECEIPT_PRINTER && device instanceof ReceiptPrinter)
                || (c == DeviceClass.DOCUMENT_PRINTER && device instanceof DocumentPrinter)) {
            offered.add(Action.TEST_PRINT);
        }
        if ((c == DeviceClass.ID_CARD_READER && device instanceof IdCardReader)
                || (c == DeviceClass.SMART_CARD_READER && device instanceof SmartCardReader)
                || (c == DeviceClass.BARCODE_SCANNER && device instanceof BarcodeScanner)) {
            offered.add(Action.TEST_READ);
        }
        if (c == DeviceClass.RECEIPT_PRINTER && device instanceof ReceiptPrinter) {
            offered.add(Action.CUT);
        }
        return List.copyOf(offered);
    }

    @Override
    public Outcome run(String deviceId, Action action) {
        Optional<Device> found = devices.device(deviceId);
        Outcome outcome;
        if (found.isEmpty() || !actions(found.get()).contains(action)) {
            outcome = new Outcome(deviceId, action, Optional.of(Problem.NOT_OFFERED), "");
        } else {
            outcome = runOn(found.get(), action);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("device", deviceId);
        detail.put("action", name(action));
        detail.put(
                "result",
                outcome.problem().map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("ok"));
        record(detail);
        log.info(
                "Engineer's {} on {}: {}",
                name(action),
                deviceId,
                outcome.problem().map(Enum::name).orElse("ok"));
        return outcome;
    }

    @Override
    public boolean resetCounters(String deviceId) {
        boolean done = devices.resetStatistics(deviceId);
        if (done) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("device", deviceId);
            detail.put("action", "reset-counters");
            detail.put("result", "ok");
            record(detail);
        }
        return done;
    }

    private void record(Map<String, Object> detail) {
        try {
            audit.record(clock.instant(), "device.action", actor.get(), detail);
        } catch (RuntimeException e) {
            log.error("The engineer's action on {} could not be audited", detail.get("device"), e);
        }
    }

    private static String name(Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Outcome runOn(Device device, Action action) {
        try {
            return switch (action) {
                case RECONNECT -> reconnect(device);
                case SELF_TEST -> selfTest(device);
                case TEST_PRINT -> interactive(device, action, testPrint(device));
                case TEST_READ -> interactive(device, action, testRead(device));
                case CUT -> cut(device);
            };
        } catch (DeviceException e) {
            Outcome failed = failure(device, action, e);
            if (action == Action.TEST_PRINT || action == Action.TEST_READ) {
                remember(device.id(), new HealthReport(HealthLevel.INTERACTIVE, false, e.summary(), clock.instant()));
            }
            return failed;
        } catch (RuntimeException e) {
            log.warn("The engineer's {} on {} failed unexpectedly", name(action), device.id(), e);
            return new Outcome(device.id(), action, Optional.of(Problem.FAULT), e.toString());
        }
    }

    private Outcome interactive(Device device, Action action, String detail) {
        remember(device.id(), new HealthReport(HealthLevel.INTERACTIVE, true, detail, clock.instant()));
        return new Outcome(device.id(), action, Optional.empty(), detail);
    }

    private Outcome reconnect(Device device) {
        DeviceHealth after = devices.reconnectNow(device.id()).orElseThrow();
        return after.healthy()
                ? new Outcome(device.id(), Action.RECONNECT, Optional.empty(), after.text())
                : new Outcome(device.id(), Action.RECONNECT, Optional.of(problemOf(after)), after.text());
    }

    private Outcome selfTest(Device device) throws DeviceException {
        HealthReport r = device.checkHealth(HealthLevel.EXTERNAL);
        remember(device.id(), r);
        if (r.healthy()) {
            return new Outcome(device.id(), Action.SELF_TEST, Optional.empty(), r.text());
        }
        Problem p = devices.health()
                .get(device.id())
                .map(ManagedDeviceDiagnostics::problemOf)
                .orElse(Problem.FAULT);
        return new Outcome(device.id(), Action.SELF_TEST, Optional.of(p), r.text());
    }

    private String testPrint(Device device) throws DeviceException {
        if (device instanceof ReceiptPrinter printer) {
            PrintOutcome done = printer.print(testSlip(printer));
            return "printed " + done.bytesSent() + " bytes in " + done.elapsed().toMillis() + " ms ("
                    + done.statusAfter().describe() + ")";
        }
        return testPage((DocumentPrinter) device);
    }

    /** The receipt printer's short test slip: who, where, when, Chinese text, a full line, a cut. */
    ReceiptDocument testSlip(ReceiptPrinter printer) {
        TextStyle center = TextStyle.NORMAL.aligned(Align.CENTER);
        int columns = Math.max(10, printer.columns());
        return ReceiptDocument.builder("diag-test-slip")
                .text("打印测试 PRINT TEST", center.withBold(true))
                .text(kioskId + " / " + printer.id(), center)
                .text(
                        LocalDateTime.now(clock.withZone(zone))
                                .withNano(0)
                                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                                .replace('T', ' '),
                        center)
                .text("中文：政务服务 一网通办", TextStyle.NORMAL)
                .text("0123456789".repeat(columns / 10 + 1).substring(0, columns), TextStyle.NORMAL)
                .feed(2)
                .cut()
                .build();
    }

    /** The licence printer's A4 test page, as {@code ./kiosk diag test-page} prints it. */
    private String testPage(DocumentPrinter printer) throws DeviceException {
        PageParts parts = pageParts.orElseThrow(
                () -> new DeviceException(ErrorCode.SEQUENCE_ERROR, "no templates to print the test page with"));
        Printing printing = new Printing(
                parts.templates(),
                parts.renderings(),
                Optional::empty,
                () -> Optional.of(printer),
                parts.printLog(),
                clock);
        ObjectNode data;
        try {
            data = TestPageCommand.data(parts.templates(), kioskId, printer, clock.withZone(zone));
        } catch (TemplateException e) {
            throw new DeviceException(ErrorCode.SEQUENCE_ERROR, "the test page template: " + e.getMessage());
        }
        Printing.Outcome outcome = printing.print(
                "test-page",
                data,
                Locale.SIMPLIFIED_CHINESE,
                "test-page:" + printer.id(),
                false,
                Optional.of(Medium.PDF));
        if (outcome instanceof Printing.NotPrinted np) {
            Problem p = switch (np.problem()) {
                case PAPER_OUT -> Problem.PAPER_OUT;
                case COVER_OPEN -> Problem.COVER_OPEN;
                case OFFLINE, NO_PRINTER -> Problem.OFFLINE;
                case PRINTER_FAULT, TEMPLATE, PLATFORM -> Problem.FAULT;
            };
            throw new PageNotPrinted(p, np.problem() + ": " + np.detail());
        }
        return "printed (record " + outcome.record().id() + ")";
    }

    /** A licence printer's test page that did not print, with the problem already known. */
    private static final class PageNotPrinted extends DeviceException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        PageNotPrinted(Problem problem, String message) {
            super(ErrorCode.HARDWARE_ERROR, message);
            this.problem = problem;
        }
    }

    private String testRead(Device device) throws DeviceException {
        if (device instanceof IdCardReader reader) {
            IdCard card = reader.read(readWait);
            try {
                return card.type() + " " + card.maskedName() + " " + card.maskedNumber()
                        + card.validUntil().map(d -> " → " + d).orElse(" → -");
            } finally {
                card.wipe();
            }
        }
        if (device instanceof SmartCardReader reader) {
            Optional<byte[]> atr = reader.atr();
            if (atr.isEmpty()) {
                throw new DeviceException(ErrorCode.TIMEOUT, null, "no card in the reader");
            }
            String atrHex = HexFormat.of().withUpperCase().formatHex(atr.get());
            SocialSecurityCard card = SocialSecurityCards.read(reader);
            return "ATR " + atrHex
                    + card.cardNumber().map(n -> " " + Masking.cardNumber(n)).orElse("")
                    + card.generation().map(g -> " gen " + g).orElse("")
                    + card.expiryDate().map(d -> " → " + d).orElse("");
        }
        BarcodeScanner scanner = (BarcodeScanner) device;
        Optional<String> code = scanner.awaitScan(readWait);
        if (code.isEmpty()) {
            throw new DeviceException(ErrorCode.TIMEOUT, null, "nothing scanned");
        }
        return maskedCode(code.get());
    }

    /** A scanned code as it may be shown: its length, the first two and last two characters. */
    static String maskedCode(String code) {
        int n = code.length();
        String masked = n <= 8 ? "*".repeat(n) : code.substring(0, 2) + "*".repeat(n - 4) + code.substring(n - 2);
        return n + ": " + masked;
    }

    private Outcome cut(Device device) throws DeviceException {
        ReceiptPrinter printer = (ReceiptPrinter) device;
        PrintOutcome done =
                printer.print(ReceiptDocument.builder("diag-cut").feed(3).cut().build());
        return new Outcome(
                device.id(), Action.CUT, Optional.empty(), done.statusAfter().describe());
    }

    private void check(Device device, HealthLevel level) {
        HealthReport r;
        try {
            r = device.checkHealth(level);
        } catch (DeviceException e) {
            r = new HealthReport(level, false, e.summary(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("The {} health check of {} failed unexpectedly", level, device.id(), e);
            r = new HealthReport(level, false, e.toString(), clock.instant());
        }
        remember(device.id(), r);
    }

    private void remember(String deviceId, HealthReport report) {
        reports.compute(deviceId, (id, was) -> {
            Map<HealthLevel, HealthReport> next = was == null ? new EnumMap<>(HealthLevel.class) : new EnumMap<>(was);
            next.put(report.level(), report);
            return Map.copyOf(next);
        });
    }

    private Outcome failure(Device device, Action action, DeviceException e) {
        Problem p;
        if (e instanceof PageNotPrinted np) {
            p = np.problem;
        } else if (device instanceof ReceiptPrinter || device instanceof DocumentPrinter) {
            p = e.code() == ErrorCode.BUSY
                    ? Problem.BUSY
                    : switch (PrinterTrouble.of(e)) {
                        case PAPER_OUT -> Problem.PAPER_OUT;
                        case COVER_OPEN -> Problem.COVER_OPEN;
                        case OFFLINE -> Problem.OFFLINE;
                        case FAULT -> e.code() == ErrorCode.TIMEOUT ? Problem.OFFLINE : byCode(e.code());
                    };
        } else {
            p = byCode(e.code());
        }
        return new Outcome(device.id(), action, Optional.of(p), e.summary());
    }

    private static Problem byCode(ErrorCode code) {
        return switch (code) {
            case NO_HARDWARE, OFFLINE -> Problem.OFFLINE;
            case TIMEOUT -> Problem.NOTHING_TO_READ;
            case BUSY -> Problem.BUSY;
            case USER_ERROR, CANCELLED -> Problem.UNREADABLE;
            case SEQUENCE_ERROR -> Problem.NOT_READY;
            case HARDWARE_ERROR -> Problem.FAULT;
        };
    }

    private static Problem problemOf(DeviceHealth health) {
        return health.problem()
                .map(p -> switch (p) {
                    case STARTING -> Problem.NOT_READY;
                    case OFFLINE -> Problem.OFFLINE;
                    case COVER_OPEN -> Problem.COVER_OPEN;
                    case PAPER_OUT -> Problem.PAPER_OUT;
                    case JAM, CUTTER_ERROR -> Problem.JAM;
                    case HARDWARE_FAULT, HARDWARE_ERROR -> Problem.FAULT;
                })
                .orElse(Problem.FAULT);
    }
}
