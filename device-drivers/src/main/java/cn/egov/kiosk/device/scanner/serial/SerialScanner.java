package cn.egov.kiosk.device.scanner.serial;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.CommonCode;
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
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import cn.egov.kiosk.device.scanner.ScanQueue;
import cn.egov.kiosk.device.scanner.serial.LineAssembler.Code;
import cn.egov.kiosk.device.scanner.serial.LineAssembler.Line;
import cn.egov.kiosk.device.scanner.serial.LineAssembler.Rejected;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A code scanner in serial mode (RS-232, USB-CDC, or behind a serial server on TCP): it sends each
 * code as a line of text ended by CR, LF or CRLF, unasked; the kiosk never writes to it.
 *
 * <p>While enabled a reader thread ({@code device-<id>-poll}) reads the link in slices of at most
 * 50 ms and feeds a {@link LineAssembler}: each code becomes a data event (the code as a {@code
 * String}) and goes to a waiting {@link #awaitScan} (up to {@link #WAITING_LIMIT} codes wait for
 * one, the oldest dropped first; enabling again starts afresh). A line that is not a code (empty,
 * too long, not text, a control character) counts as a failure, is logged with its length and why
 * (never its content), and is published as an error event with its {@link
 * cn.egov.kiosk.device.scanner.ScannerCode}. A lost link (the cable pulled, the USB device gone, the
 * TCP peer closed) makes the scanner offline at once: a waiting {@code awaitScan} fails with {@code
 * OFFLINE/LINK_LOST}, and the device manager reopens it.
 *
 * <p>A scanned code may be a citizen's login or payment code: the log says a code of how many
 * characters came, never what it was.
 */
public final class SerialScanner extends AbstractDevice implements BarcodeScanner {
    /** Codes kept for {@link #awaitScan} while nobody waits; more drop the oldest. */
    public static final int WAITING_LIMIT = 16;

    /** The longest one read waits: the reader stops within this when disabled. */
    private static final Duration READ_SLICE = Duration.ofMillis(50);
    /** Rejected lines are logged at warning level at most once in this time; the rest at debug. */
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    /** The character sets a scanner may be set to send. */
    public static final List<String> CHARSETS = List.of("UTF-8", "GB18030");

    /** Tunables, from the device's {@code options}. */
    public record Options(Duration endGap, int maxLength, Charset charset) {
        /**
         * 150 ms of quiet ends a line without its end: the bytes of one code come within a few
         * milliseconds of each other, and nobody scans two codes within 150 ms. 1024 bytes hold any
         * payment code (18-19 digits), ID-login or licence QR code (a URL of a few hundred
         * characters); a longer line is taken for noise.
         */
        public static final Options DEFAULTS = new Options(Duration.ofMillis(150), 1024, StandardCharsets.UTF_8);

        /** Reads {@code endGapMs}, {@code maxLength} and {@code charset}. */
        public static Options read(OptionReader r) {
            return new Options(
                    r.millis("endGapMs", DEFAULTS.endGap(), 20, 5_000),
                    r.integer("maxLength", DEFAULTS.maxLength(), 16, 8_192),
                    Charset.forName(r.oneOf("charset", DEFAULTS.charset().name(), CHARSETS)));
        }
    }

    private final ByteLink link;
    private final Options options;
    private final ReentrantLock wire = new ReentrantLock();
    /** Used with the wire lock held. */
    private final LineAssembler assembler;
    /** Used with the wire lock held. */
    private final byte[] buffer = new byte[512];

    private final ScanQueue waiting = new ScanQueue(WAITING_LIMIT);

    private volatile PollThread reader;
    private volatile Consumer<Code> codeWatcher = code -> {};
    private long lastWarnNanos = System.nanoTime() - WARN_EVERY_NANOS;
    private int quietRejections;

    public SerialScanner(
            String id, String driverName, ByteLink link, Options options, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.BARCODE_SCANNER, driverName, store, clock);
        this.link = link;
        this.options = options;
        this.assembler = new LineAssembler(options.charset(), options.maxLength(), options.endGap());
    }

    @Override
    public String connection() {
        return link.describe();
    }

    public Options options() {
        return options;
    }

    /**
     * Also hands every code, with its length in bytes and timing, to {@code watcher} on the reader
     * thread: for the engineer's {@code diag scanner}, which prints them.
     */
    public void watchCodes(Consumer<Code> watcher) {
        this.codeWatcher = watcher;
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    @Override
    protected void doOpen() throws DeviceException {
        try {
            link.open();
        } catch (LinkException e) {
            throw new DeviceException(ErrorCode.NO_HARDWARE, CommonCode.linkOpenFailure(e), e.getMessage(), e);
        }
        forget();
    }

    @Override
    protected void doEnable() throws DeviceException {
        wire.lock();
        try {
            link.drainInput(); // what was scanned while nobody listened is not a scan for now
            forget();
        } catch (LinkException e) {
            throw new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, e.getMessage(), e);
        } finally {
            wire.unlock();
        }
        reader = PollThread.start(id(), Duration.ofMillis(1), this::look);
    }

    @Override
    protected void doDisable() {
        PollThread r = reader;
        reader = null;
        if (r != null) {
            r.stop(READ_SLICE.plusSeconds(1));
        }
        waiting.fail(new DeviceException(ErrorCode.CANCELLED, null, "the scanner " + id() + " was disabled"));
    }

    @Override
    protected void doClose() {
        link.close();
        wire.lock();
        try {
            forget();
        } finally {
            wire.unlock();
        }
    }

    private void forget() {
        int dropped = assembler.reset();
        if (dropped > 0) {
            log.info("Scanner {}: an unfinished line of {} bytes dropped", id(), dropped);
        }
        waiting.clear();
    }

    /**
     * {@code INTERNAL}: the driver's view (state, the line settings). {@code EXTERNAL}: the link is
     * open and reads (one read, whose bytes go to the codes as usual): a scanner answers nothing, so
     * a lost port is what can be seen of it.
     */
    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (level != HealthLevel.INTERNAL && state() != DeviceState.OFFLINE) {
            if (!link.isOpen()) {
                throw new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, link.describe() + " is not open");
            }
            wire.lock();
            try {
                readOnce(Duration.ofMillis(1));
            } finally {
                wire.unlock();
            }
        }
        HealthReport r = report(level);
        return new HealthReport(
                level,
                r.healthy(),
                r.text() + " (" + options.charset().name() + ", lines up to " + options.maxLength() + " bytes, end gap "
                        + options.endGap().toMillis() + " ms)",
                r.checkedAt());
    }

    // ---- scanning ------------------------------------------------------------------------------

    @Override
    public Optional<String> awaitScan(Duration timeout) throws DeviceException {
        return operate("awaitScan", () -> waiting.await(timeout));
    }

    /** One look at the link, on the reader thread. */
    private void look() {
        if (state() == DeviceState.OFFLINE || !wire.tryLock()) {
            return;
        }
        try {
            readOnce(READ_SLICE);
        } catch (RuntimeException e) {
            log.error("Scanner {}: reading failed unexpectedly", id(), e);
        } finally {
            wire.unlock();
        }
    }

    /** Reads what comes within {@code slice} (less when a line without its end is due); wire lock held. */
    private void readOnce(Duration slice) {
        long wait = slice.toNanos();
        OptionalLong due = assembler.deadline();
        if (due.isPresent()) {
            wait = Math.max(Duration.ofMillis(1).toNanos(), Math.min(wait, due.getAsLong() - System.nanoTime()));
        }
        int n;
        try {
            n = link.read(buffer, 0, buffer.length, Duration.ofNanos(wait));
        } catch (LinkException e) {
            linkLost(e);
            return;
        }
        long now = System.nanoTime();
        List<Line> lines;
        try {
            lines = n > 0 ? assembler.accept(buffer, 0, n, now) : assembler.quiet(now);
        } finally {
            Arrays.fill(buffer, 0, Math.max(n, 0), (byte) 0);
        }
        for (Line line : lines) {
            if (line instanceof Code code) {
                deliver(code);
            } else if (line instanceof Rejected rejected) {
                reject(rejected);
            }
        }
    }

    private void deliver(Code code) {
        statistics().increment(DeviceStatistics.READS);
        log.debug(
                "Scanner {}: a code of {} characters ({} bytes, {})",
                id(),
                code.text().length(),
                code.bytes(),
                code.ending());
        if (waiting.add(code.text()) > 0) {
            log.info("Scanner {}: {} codes wait unasked; the oldest was dropped", id(), WAITING_LIMIT);
        }
        publishData(code.text());
        try {
            codeWatcher.accept(code);
        } catch (RuntimeException e) {
            log.warn("Scanner {}: the code watcher failed", id(), e);
        }
    }

    private void reject(Rejected rejected) {
        statistics().increment(DeviceStatistics.FAILURES);
        long now = System.nanoTime();
        String text = "Scanner " + id() + " on " + link.describe() + ": not a code, dropped (" + rejected.reason()
                + "): " + rejected.detail();
        if (now - lastWarnNanos >= WARN_EVERY_NANOS) {
            log.warn(
                    "{}{}", text, quietRejections == 0 ? "" : " (" + quietRejections + " more since the last warning)");
            lastWarnNanos = now;
            quietRejections = 0;
        } else {
            quietRejections++;
            log.debug("{}", text);
        }
        publishError(
                new DeviceException(ErrorCode.HARDWARE_ERROR, rejected.reason(), "not a code: " + rejected.detail()));
    }

    /** The link failed: offline at once, the unfinished line dropped, a waiting scan failed. */
    private void linkLost(LinkException e) {
        DeviceException lost = new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, e.getMessage(), e);
        int dropped = assembler.reset();
        goOffline(lost);
        if (dropped > 0) {
            log.warn("Scanner {}: an unfinished line of {} bytes was lost with the link", id(), dropped);
        }
        waiting.fail(lost);
    }
}
