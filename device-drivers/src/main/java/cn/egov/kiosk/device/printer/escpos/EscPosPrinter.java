package cn.egov.kiosk.device.printer.escpos;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.PollThread;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.printer.PrinterCode;
import cn.egov.kiosk.device.printer.PrinterStatus;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ESC/POS receipt and ticket printer driver, over any byte link.
 *
 * <p>Every job: real-time status ({@code DLE EOT 1..4}) first, refused if paper out, cover open or
 * a cutter error; then the document's bytes; then, once the bytes have had time to leave the line,
 * the status again: paper out, cover open or a cutter error now means the job failed. While enabled
 * and idle, the status is polled so that paper low or out shows on screen before a citizen starts.
 */
public final class EscPosPrinter extends AbstractDevice implements ReceiptPrinter {
    private static final Set<Condition> STATUS_CONDITIONS = EnumSet.of(
            Condition.PAPER_LOW,
            Condition.PAPER_OUT,
            Condition.COVER_OPEN,
            Condition.CUTTER_ERROR,
            Condition.HARDWARE_FAULT);

    /** Tunables, from the device's {@code options} in configuration. */
    public record Options(int columns, Duration statusTimeout, Duration jobTimeout, Duration pollInterval) {
        public static final Options DEFAULTS =
                new Options(48, Duration.ofMillis(1000), Duration.ofSeconds(15), Duration.ofSeconds(3));

        /** Reads {@code columns}, {@code statusTimeoutMs}, {@code jobTimeoutMs}, {@code pollMs}. */
        public static Options read(OptionReader r) {
            return new Options(
                    r.integer("columns", DEFAULTS.columns(), 16, 96),
                    r.millis("statusTimeoutMs", DEFAULTS.statusTimeout(), 50, 10_000),
                    r.millis("jobTimeoutMs", DEFAULTS.jobTimeout(), 1_000, 120_000),
                    r.millis("pollMs", DEFAULTS.pollInterval(), 200, 60_000));
        }
    }

    private final ByteLink link;
    private final Options options;
    private final EscPosEncoder encoder = new EscPosEncoder();
    private final ReentrantLock wire = new ReentrantLock();
    private PollThread poller;

    public EscPosPrinter(
            String id, String driverName, ByteLink link, Options options, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.RECEIPT_PRINTER, driverName, store, clock);
        this.link = link;
        this.options = options;
    }

    @Override
    public String connection() {
        return link.describe();
    }

    @Override
    public int columns() {
        return options.columns();
    }

    public ByteLink link() {
        return link;
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    @Override
    protected void doOpen() throws DeviceException {
        try {
            link.open();
        } catch (LinkException e) {
            throw new DeviceException(ErrorCode.NO_HARDWARE, CommonCode.linkOpenFailure(e), e.getMessage(), e);
        }
        wire.lock();
        try {
            PrinterStatus status = readStatusOnWire();
            log.info("Printer {} answers: {}", id(), status.describe());
            pendingStatus = status;
        } catch (DeviceException e) {
            link.close();
            throw new DeviceException(
                    ErrorCode.NO_HARDWARE,
                    e.extended().orElse(null),
                    "no ESC/POS printer answers on " + link.describe() + " (" + e.getMessage() + ")",
                    e);
        } finally {
            wire.unlock();
        }
    }

    /** The status read while opening, applied once the device is open (conditions need it open). */
    private volatile PrinterStatus pendingStatus;

    @Override
    protected void onOpened() {
        PrinterStatus first = pendingStatus;
        if (first != null) {
            applyStatus(first);
            pendingStatus = null;
        }
    }

    @Override
    protected void doEnable() {
        poller = PollThread.start(id(), options.pollInterval(), this::poll);
    }

    @Override
    protected void doDisable() {
        if (poller != null) {
            poller.stop(Duration.ofMillis(2 * options.statusTimeout().toMillis() + 1000));
        }
    }

    @Override
    protected void doClose() {
        link.close();
    }

    private void poll() {
        if (isOperating() || state() == DeviceState.OFFLINE) {
            return;
        }
        if (!wire.tryLock()) {
            return;
        }
        try {
            applyStatus(readStatusOnWire());
        } catch (DeviceException e) {
            log.debug("Printer {}: status poll failed: {}", id(), e.summary());
        } catch (RuntimeException e) {
            // an unchecked exception would silently end the scheduled polling: log it and poll on
            log.error("Printer {}: status poll failed unexpectedly", id(), e);
        } finally {
            wire.unlock();
        }
    }

    // ---- operations ----------------------------------------------------------------------------

    @Override
    public PrinterStatus queryStatus() throws DeviceException {
        wire.lock();
        try {
            PrinterStatus status = readStatusOnWire();
            applyStatus(status);
            return status;
        } finally {
            wire.unlock();
        }
    }

    @Override
    public PrintOutcome print(ReceiptDocument document) throws DeviceException {
        return operate("print", () -> printNow(document));
    }

    private PrintOutcome printNow(ReceiptDocument document) throws DeviceException {
        long start = System.nanoTime();
        String jobId = UUID.randomUUID().toString();
        wire.lock();
        try {
            PrinterStatus before = readStatusOnWire();
            applyStatus(before);
            Optional<Condition> problem = before.blockingProblem();
            if (problem.isPresent()) {
                log.warn("Printer {}: job {} ({}) refused: {}", id(), jobId, document.name(), before.describe());
                throw new PrintFailedException(
                        ErrorCode.HARDWARE_ERROR,
                        extendedCodeOf(problem.get()),
                        "printer " + id() + " cannot print: " + before.describe(),
                        false,
                        null);
            }
            byte[] payload = encoder.encode(document);
            try {
                link.drainInput();
                link.write(payload);
                link.write(EscPos.IN_SEQUENCE_PAPER_STATUS);
            } catch (LinkException e) {
                throw linkFailure(e, true);
            }
            statistics().add(DeviceStatistics.BYTES_WRITTEN, payload.length);
            PrinterStatus after = awaitPrinted(jobId, document.name(), payload.length);
            statistics().increment(DeviceStatistics.PRINTS);
            statistics().add(DeviceStatistics.CUTS, document.cuts());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            log.info(
                    "Printer {}: job {} ({}) done, {} bytes, {} ms",
                    id(),
                    jobId,
                    document.name(),
                    payload.length,
                    elapsed.toMillis());
            publishOutputComplete(jobId);
            return new PrintOutcome(jobId, payload.length, elapsed, after);
        } finally {
            wire.unlock();
        }
    }

    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (level == HealthLevel.INTERNAL) {
            return report(level);
        }
        PrinterStatus status = queryStatus();
        if (level == HealthLevel.INTERACTIVE) {
            print(testPage());
        }
        HealthReport r = report(level);
        return new HealthReport(level, r.healthy(), r.text() + " (" + status.describe() + ")", r.checkedAt());
    }

    /** The engineer's test page: what the driver can do, on one short slip. */
    public ReceiptDocument testPage() {
        TextStyle center = TextStyle.NORMAL.aligned(Align.CENTER);
        return ReceiptDocument.builder("test-page")
                .text("ESC/POS TEST 打印测试", center.withBold(true).sized(2, 2))
                .text(id() + " @ " + link.describe(), center)
                .text(LocalDateTime.now(clock).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), center)
                .text("中文 GB18030：政务服务 一网通办", TextStyle.NORMAL)
                .text("0123456789".repeat(Math.max(1, options.columns() / 10)), TextStyle.NORMAL)
                .qr("TEST:" + id(), 6, Align.CENTER)
                .feed(2)
                .cut()
                .build();
    }

    // ---- the wire ------------------------------------------------------------------------------

    /** How often the status is asked while a job prints. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

    /**
     * Waits until the printer answers the {@code GS r 1} sent after the job, which it does only once
     * everything before it is printed, asking the real-time status meanwhile: paper out, cover open
     * or a cutter error stop the wait at once, and the job has failed. No answer within the job
     * timeout fails the job too: the paper cannot be vouched for. Returns the status after the job.
     */
    private PrinterStatus awaitPrinted(String jobId, String documentName, int bytes) throws DeviceException {
        long deadline = System.nanoTime()
                + options.jobTimeout().plus(link.wireTime(bytes)).toNanos();
        long nextProbe = System.nanoTime() + PROBE_INTERVAL.toNanos();
        byte[] statusBytes = new byte[4];
        int statusCount = -1; // -1: no probe outstanding
        byte[] chunk = new byte[16];
        boolean printed = false;
        try {
            while (!printed) {
                long now = System.nanoTime();
                if (now > deadline) {
                    PrinterStatus status = readStatusOnWire();
                    applyStatus(status);
                    failJob(
                            jobId,
                            documentName,
                            status,
                            "no end-of-job answer within "
                                    + options.jobTimeout().toMillis() + " ms");
                }
                if (statusCount < 0 && now >= nextProbe) {
                    link.write(EscPos.FULL_STATUS_REQUEST);
                    statusCount = 0;
                }
                int n = link.read(chunk, 0, chunk.length, Duration.ofMillis(50));
                for (int i = 0; i < n; i++) {
                    int b = chunk[i] & 0xFF;
                    if (EscPosStatus.wellFormed(b) && statusCount >= 0) {
                        statusBytes[statusCount++] = (byte) b;
                        if (statusCount == 4) {
                            PrinterStatus status = EscPosStatus.decode(
                                    statusBytes[0] & 0xFF,
                                    statusBytes[1] & 0xFF,
                                    statusBytes[2] & 0xFF,
                                    statusBytes[3] & 0xFF);
                            applyStatus(status);
                            if (status.blockingProblem().isPresent()) {
                                failJob(jobId, documentName, status, status.describe());
                            }
                            statusCount = -1;
                            nextProbe = System.nanoTime() + PROBE_INTERVAL.toNanos();
                        }
                    } else if (EscPos.isInSequenceAnswer(b)) {
                        printed = true;
                    }
                }
            }
            // the job is on paper; the last word on it (a cut that jammed) is the status now
            PrinterStatus after = readStatusOnWire();
            applyStatus(after);
            if (after.blockingProblem().isPresent()) {
                failJob(jobId, documentName, after, after.describe());
            }
            return after;
        } catch (LinkException e) {
            throw linkFailure(e, true);
        }
    }

    /** Clears what the printer still holds of a failed job, and reports it failed. */
    private void failJob(String jobId, String documentName, PrinterStatus status, String why)
            throws PrintFailedException {
        log.warn("Printer {}: job {} ({}) failed: {}", id(), jobId, documentName, why);
        try {
            link.write(EscPos.CLEAR_AFTER_ERROR); // so that the rest of a voided ticket never comes out later
        } catch (LinkException e) {
            log.debug("Printer {}: could not clear the buffer: {}", id(), e.getMessage());
        }
        Optional<Condition> problem = status.blockingProblem();
        throw new PrintFailedException(
                problem.isPresent() ? ErrorCode.HARDWARE_ERROR : ErrorCode.TIMEOUT,
                problem.map(EscPosPrinter::extendedCodeOf).orElse(PrinterCode.JOB_NOT_CONFIRMED),
                "printer " + id() + " did not finish the job: " + why,
                true,
                null);
    }

    /** Sends {@code DLE EOT 1..4} and decodes the four answers. The caller holds the wire lock. */
    private PrinterStatus readStatusOnWire() throws DeviceException {
        DeviceException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                link.drainInput();
                link.write(EscPos.FULL_STATUS_REQUEST);
                byte[] answer = link.readExactly(4, options.statusTimeout());
                boolean ok = true;
                for (byte b : answer) {
                    ok &= EscPosStatus.wellFormed(b & 0xFF);
                }
                if (ok) {
                    return EscPosStatus.decode(answer[0] & 0xFF, answer[1] & 0xFF, answer[2] & 0xFF, answer[3] & 0xFF);
                }
                last = new DeviceException(
                        ErrorCode.HARDWARE_ERROR,
                        PrinterCode.BAD_STATUS,
                        String.format(
                                "malformed status answer %02X %02X %02X %02X",
                                answer[0], answer[1], answer[2], answer[3]));
                log.warn("Printer {}: {}", id(), last.getMessage());
                sleep(Duration.ofMillis(50));
            } catch (LinkException e) {
                throw linkFailure(e, false);
            }
        }
        throw last;
    }

    private DeviceException linkFailure(LinkException e, boolean started) {
        DeviceException failure;
        if (e.kind() == LinkException.Kind.TIMEOUT) {
            failure = new DeviceException(
                    ErrorCode.OFFLINE,
                    PrinterCode.NO_STATUS_ANSWER,
                    "printer " + id() + " does not answer: " + e.getMessage(),
                    e);
        } else {
            failure = new DeviceException(
                    ErrorCode.OFFLINE, CommonCode.LINK_LOST, "printer " + id() + " link lost: " + e.getMessage(), e);
        }
        if (state() != DeviceState.CLOSED) {
            goOffline(failure);
        }
        if (started) {
            return new PrintFailedException(
                    failure.code(), failure.extended().orElse(null), failure.getMessage(), true, e);
        }
        return failure;
    }

    private void applyStatus(PrinterStatus status) {
        if (state() == DeviceState.CLOSED) {
            return;
        }
        Set<Condition> now = status.conditions();
        for (Condition c : STATUS_CONDITIONS) {
            setCondition(c, now.contains(c));
        }
    }

    private static PrinterCode extendedCodeOf(Condition c) {
        return switch (c) {
            case PAPER_OUT -> PrinterCode.PAPER_OUT;
            case COVER_OPEN -> PrinterCode.COVER_OPEN;
            case CUTTER_ERROR -> PrinterCode.CUTTER_ERROR;
            case JAM -> PrinterCode.JAM;
            case OFFLINE, PAPER_LOW, HARDWARE_FAULT, CARD_PRESENT -> PrinterCode.PRINTER_FAULT;
        };
    }

    private static void sleep(Duration d) throws DeviceException {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(ErrorCode.CANCELLED, null, "interrupted", e);
        }
    }
}
