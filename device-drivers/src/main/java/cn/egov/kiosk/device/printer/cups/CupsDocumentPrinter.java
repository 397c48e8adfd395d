package cn.egov.kiosk.device.printer.cups;

import cn.egov.kiosk.device.api.AbstractDevice;
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
import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.DocumentPrinter;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrintOutcome;
import cn.egov.kiosk.device.printer.PrinterCode;
import cn.egov.kiosk.device.printer.PrinterStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The licence printer behind a CUPS queue: {@code driver: cups}, {@code connection: "cups:QUEUE"}.
 *
 * <p><b>Status.</b> The queue's state comes from the CUPS server over IPP (Get-Printer-Attributes,
 * see {@link CupsQueueState} for how the state reasons are read): when the device opens, every
 * {@code pollMs} while it is enabled and idle, and before every job. Paper out, cover open and a
 * jam raise those conditions; an offline printer, a stopped queue ({@code cupsdisable}), a queue
 * that refuses jobs ({@code cupsreject}) and other printer errors raise {@code hardware-fault}. A
 * job is refused while any of them holds ({@link PrintFailedException#started()} false; extended
 * codes {@code COVER_OPEN, PAPER_OUT, JAM, OFFLINE, PRINTER_ERROR, QUEUE_STOPPED, NOT_ACCEPTING}).
 * The device itself goes offline only when the CUPS server cannot be reached ({@code
 * CUPS_UNREACHABLE}) or the queue is deleted ({@code NO_QUEUE}); the device manager then reopens
 * it.
 *
 * <p>CUPS learns the printer's state from the backend of a running job and keeps it after the job:
 * a paper-out stays until a later job's backend reports the paper back. So the engineer, having
 * refilled it, prints the {@link #printTestPage() test page} (the {@code INTERACTIVE} health
 * check), which goes to the printer whatever it last reported (only a stopped or rejecting queue
 * refuses it) and so brings the state up to date.
 *
 * <p><b>Printing.</b> Straight to CUPS over IPP (Print-Job, {@link CupsClient#printJob}): the PDF
 * travels in the request, so no copy of it is written on the kiosk's side (the JDK's print service
 * wrote each one to {@code /tmp/javaprint*} for {@code lpr}), and CUPS answers with the job's id.
 * The media is set explicitly ({@code iso_a4_210x297mm}, A5, A3; without it CUPS uses the queue's
 * default, Letter on many systems) and refused before anything is sent when the queue does not
 * offer it; portrait, the copies, no banner page, the template's name as the job's name (never a
 * citizen's data).
 *
 * <p><b>What the server keeps.</b> CUPS keeps a printed job's document for a day and its history
 * for ever unless told otherwise ({@code PreserveJobFiles}, {@code PreserveJobHistory} in
 * cupsd.conf): a citizen's licence would outlive the session in the spool. The driver reads the
 * local server's cupsd.conf when it opens, and the {@code job-preserved} of every job it followed
 * to its end, and says what to change in its {@link #advisories()} ({@code ./kiosk diag} prints
 * them; {@code docs/CUPS.md} shows the hall's cupsd.conf).
 *
 * <p><b>Following the job.</b> The driver checks that CUPS took the media and copies asked for, and
 * asks Get-Job-Attributes and the queue's state every 250 ms until the job is completed. Canceled ({@code
 * CANCELLED/JOB_CANCELED}), aborted ({@code HARDWARE_ERROR/JOB_ABORTED}), paper out, cover open,
 * a jam, a printer error or a stopped queue meanwhile (the codes above), or no completion within
 * {@code jobTimeoutMs} ({@code TIMEOUT/JOB_TIMEOUT}) fail the job with {@link
 * PrintFailedException#started()} true; a job still in CUPS is cancelled first, so that a voided
 * licence never comes out later. An offline printer does not end a running job early (the backend
 * retries it; a printer waking up answers late), the timeout does. "Completed" is CUPS's word:
 * with an IPP printer the backend waits for the printer's own job to end; with a USB or socket
 * printer it means the printer has taken all the data.
 */
public final class CupsDocumentPrinter extends AbstractDevice implements DocumentPrinter {
    /** The connection scheme. */
    public static final String SCHEME = "cups:";

    /** CUPS queue names (letters, digits, {@code _ . -}), as lpadmin takes them. */
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,126}");

    private static final Set<Condition> STATUS_CONDITIONS = EnumSet.of(
            Condition.PAPER_LOW, Condition.PAPER_OUT, Condition.COVER_OPEN, Condition.JAM, Condition.HARDWARE_FAULT);

    /** Tunables, from the device's {@code options} in configuration. */
    public record Options(Duration pollInterval, Duration jobTimeout, Duration statusTimeout) {
        public static final Options DEFAULTS =
                new Options(Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ofSeconds(2));

        /** Reads {@code pollMs}, {@code jobTimeoutMs}, {@code statusTimeoutMs}. */
        public static Options read(OptionReader r) {
            return new Options(
                    r.millis("pollMs", DEFAULTS.pollInterval(), 200, 60_000),
                    r.millis("jobTimeoutMs", DEFAULTS.jobTimeout(), 1_000, 600_000),
                    r.millis("statusTimeoutMs", DEFAULTS.statusTimeout(), 100, 30_000));
        }
    }

    /**
     * The queue name of a connection {@code cups:QUEUE}.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static String queueOf(String connection) {
        if (connection == null || !connection.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new IllegalArgumentException("cups:QUEUE, the name of a CUPS print queue (lpstat -p lists them)");
        }
        String queue = connection.substring(SCHEME.length()).trim();
        if (!QUEUE_NAME.matcher(queue).matches()) {
            throw new IllegalArgumentException(
                    "cups:QUEUE with a queue name of 1 to 127 letters, digits, '_', '.' or '-' (not starting with '.' or '-')");
        }
        return queue;
    }

    private final String queue;
    private final Options options;
    private final CupsClient cups;
    private volatile CupsQueueState lastState;
    /** What the server's cupsd.conf says it keeps, read when the device opens (empty: not local or unreadable). */
    private volatile List<String> retentionAdvice = List.of();
    /** A job CUPS kept the document of after it completed (job-preserved), if one was seen. */
    private volatile Optional<String> preservedJob = Optional.empty();

    private volatile CupsQueueState pendingState;
    private volatile String lastDescription = "";
    private PollThread poller;

    public CupsDocumentPrinter(
            String id, String driverName, String connection, Options options, StatisticsStore store, Clock clock) {
        this(id, driverName, connection, options, CupsServer.resolve(), store, clock);
    }

    CupsDocumentPrinter(
            String id,
            String driverName,
            String connection,
            Options options,
            CupsServer server,
            StatisticsStore store,
            Clock clock) {
        super(id, DeviceClass.DOCUMENT_PRINTER, driverName, store, clock);
        this.queue = queueOf(connection);
        this.options = options;
        this.cups = new CupsClient(server, options.statusTimeout(), System.getProperty("user.name", "kiosk"));
    }

    @Override
    public String connection() {
        return SCHEME + queue;
    }

    /** The CUPS queue name. */
    public String queue() {
        return queue;
    }

    /** The queue's state as last seen, for diagnostics. */
    public Optional<String> queueDescription() {
        CupsQueueState s = lastState;
        return s == null ? Optional.empty() : Optional.of(s.describe());
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    @Override
    protected void doOpen() throws DeviceException {
        CupsQueueState state;
        try {
            state = cups.queueState(queue);
        } catch (IppStatusException e) {
            if (e.status() == IppStatusException.NOT_FOUND) {
                throw new DeviceException(
                        ErrorCode.NO_HARDWARE,
                        PrinterCode.NO_QUEUE,
                        "CUPS at " + cups.server() + " has no print queue \"" + queue + "\" (lpstat -p lists them)",
                        e);
            }
            throw new DeviceException(ErrorCode.NO_HARDWARE, PrinterCode.CUPS_REFUSED, e.getMessage(), e);
        } catch (IppException e) {
            throw new DeviceException(ErrorCode.NO_HARDWARE, PrinterCode.CUPS_UNREACHABLE, e.getMessage(), e);
        }
        pendingState = state;
        List<String> advice = new ArrayList<>(CupsRetention.local(cups.server())
                .map(r -> r.advice(cups.server()))
                .orElse(List.of()));
        if (!CupsRetention.isLocal(cups.server().host())) {
            advice.add(
                    "CUPS at " + cups.server()
                            + " is on another machine and is reached over plain IPP: a licence (the holder's name and"
                            + " ID number) would cross the network unencrypted; print to a CUPS on the kiosk PC, which forwards to the printer (docs/CUPS.md)");
        }
        retentionAdvice = List.copyOf(advice);
        retentionAdvice.forEach(a -> log.warn("Licence printer {}: {}", id(), a));
        log.info("Licence printer {}: CUPS queue {} at {}: {}", id(), queue, cups.server(), state.describe());
    }

    @Override
    public List<String> advisories() {
        List<String> all = new ArrayList<>(retentionAdvice);
        preservedJob.ifPresent(all::add);
        return List.copyOf(all);
    }

    @Override
    protected void onOpened() {
        CupsQueueState first = pendingState;
        if (first != null) {
            applyState(first, false);
            pendingState = null;
        }
    }

    @Override
    protected void doEnable() {
        poller = PollThread.start(id(), options.pollInterval(), this::poll);
    }

    @Override
    protected void doDisable() {
        if (poller != null) {
            poller.stop(options.statusTimeout().multipliedBy(2).plusSeconds(1));
            poller = null;
        }
    }

    @Override
    protected void doClose() {
        // nothing held between jobs: every call to CUPS is one HTTP exchange
    }

    private void poll() {
        if (isOperating() || state() == DeviceState.OFFLINE || state() == DeviceState.CLOSED) {
            return;
        }
        try {
            CupsQueueState state = fetchState();
            if (!isOperating()) { // a job that started meanwhile applies its own view
                applyState(state, false);
            }
        } catch (DeviceException e) {
            log.debug("Licence printer {}: status poll failed: {}", id(), e.summary());
        } catch (RuntimeException e) {
            // an unchecked exception would silently end the scheduled polling: log it and poll on
            log.error("Licence printer {}: status poll failed unexpectedly", id(), e);
        }
    }

    // ---- operations ----------------------------------------------------------------------------

    @Override
    public PrinterStatus queryStatus() throws DeviceException {
        CupsQueueState state = fetchState();
        applyState(state, isOperating());
        return state.printerStatus();
    }

    @Override
    public PrintOutcome print(DocumentJob job) throws DeviceException {
        return operate("print", () -> printNow(job, false));
    }

    /**
     * Prints the engineer's {@link #testPage() test page}. Unlike a citizen's job it is not refused
     * for what the printer reported (paper out, cover open, offline...), only for a stopped or
     * rejecting queue, and only those stop it: CUPS keeps what a backend reported until the next
     * job's backend reports afresh, so after the paper is refilled it is this page that clears a
     * stale paper-out.
     */
    public PrintOutcome printTestPage() throws DeviceException {
        return operate(
                "test page", () -> printNow(new DocumentJob("test-page", testPage(), DocumentJob.Media.A4, 1), true));
    }

    private PrintOutcome printNow(DocumentJob job, boolean testPage) throws DeviceException {
        long start = System.nanoTime();
        long deadline = start + options.jobTimeout().toNanos();
        CupsJobRun run = new CupsJobRun(this, cups, log, options.jobTimeout(), job, testPage, deadline);
        CupsJob done = run.run();
        String jobId = run.jobId();
        if (done.preserved()) {
            String advice = "CUPS at " + cups.server() + " kept the document of job " + jobId
                    + " after it was printed (job-preserved):"
                    + " set PreserveJobFiles No in cupsd.conf, so that no licence stays in its spool (docs/CUPS.md)";
            if (preservedJob.isEmpty()) {
                log.warn("Licence printer {}: {}", id(), advice);
            }
            preservedJob = Optional.of(advice);
        }

        statistics().increment(DeviceStatistics.PRINTS);
        PrinterStatus after = statusAfterJob();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        log.info("Licence printer {}: job {} ({}) {} in {} ms", id(), jobId, job, done.describe(), elapsed.toMillis());
        publishOutputComplete(jobId);
        return new PrintOutcome(jobId, job.pdf().length, elapsed, after);
    }

    /** The queue's state once a job is completed; the job stands even if CUPS is gone by now. */
    private PrinterStatus statusAfterJob() {
        try {
            CupsQueueState after = cups.queueState(queue);
            applyState(after, false);
            return after.printerStatus();
        } catch (IppException e) {
            goOfflineIfOpen(queueFailure(e));
            return new PrinterStatus(false, false, false, false, false, false, false);
        }
    }

    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (level == HealthLevel.INTERNAL) {
            HealthReport r = report(level);
            CupsQueueState s = lastState;
            return s == null
                    ? r
                    : new HealthReport(
                            level,
                            r.healthy(),
                            r.text() + " (queue " + queue + ": " + s.describe() + ")",
                            r.checkedAt());
        }
        CupsQueueState state = fetchState();
        applyState(state, false);
        if (level == HealthLevel.INTERACTIVE) {
            printTestPage();
            state = lastState;
        }
        HealthReport r = report(level);
        return new HealthReport(
                level, r.healthy(), r.text() + " (queue " + queue + ": " + state.describe() + ")", r.checkedAt());
    }

    /** The engineer's test page: an A4 sheet with a frame 10 mm inside the edges and who printed it. */
    public byte[] testPage() {
        return TestPagePdf.a4(List.of(
                "KIOSK LICENCE PRINTER TEST",
                "device " + id() + ", CUPS queue " + queue + " at " + cups.server(),
                LocalDateTime.now(clock).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                "The frame is 10 mm inside the edges of an A4 sheet."));
    }

    // ---- CUPS ----------------------------------------------------------------------------------

    /** The queue's state now; the device goes offline when CUPS cannot be reached. */
    CupsQueueState fetchState() throws DeviceException {
        try {
            return cups.queueState(queue);
        } catch (IppException e) {
            DeviceException failure = queueFailure(e);
            goOfflineIfOpen(failure);
            throw failure;
        }
    }

    /** What a failure to reach CUPS means for the device: offline, the queue gone or CUPS unreachable. */
    DeviceException queueFailure(IppException e) {
        if (e instanceof IppStatusException s && s.status() == IppStatusException.NOT_FOUND) {
            return new DeviceException(
                    ErrorCode.OFFLINE,
                    PrinterCode.NO_QUEUE,
                    "CUPS at " + cups.server() + " no longer has queue \"" + queue + "\"",
                    e);
        }
        return new DeviceException(ErrorCode.OFFLINE, PrinterCode.CUPS_UNREACHABLE, e.getMessage(), e);
    }

    void goOfflineIfOpen(DeviceException failure) {
        if (state() != DeviceState.CLOSED) {
            goOffline(failure);
        }
    }

    /** Takes in the queue's state: logged when it changed, the device's conditions set from it. */
    void applyState(CupsQueueState state, boolean ownJobRunning) {
        if (state() == DeviceState.CLOSED) {
            return;
        }
        lastState = state;
        String description = state.describe();
        if (!description.equals(lastDescription)) {
            lastDescription = description;
            log.info("Licence printer {}: queue {} {}", id(), queue, description);
        }
        Set<Condition> now = EnumSet.noneOf(Condition.class);
        state.problems(ownJobRunning).forEach(p -> now.add(p.condition()));
        if (state.paperLow()) {
            now.add(Condition.PAPER_LOW);
        }
        for (Condition c : STATUS_CONDITIONS) {
            setCondition(c, now.contains(c));
        }
    }
}
