package cn.egov.kiosk.device.scanner.wedge;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import cn.egov.kiosk.device.scanner.ScanQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A code scanner that types like a USB keyboard (a keyboard wedge): the code, then Enter, much faster
 * than a person. There is no link of its own: the kiosk's window catches the keys before any field
 * sees them, tells a scan from a person with a {@link BurstDetector} built from {@link #options()},
 * and hands each scan to {@link #typed}. The device publishes it as a data event and to {@link
 * #awaitScan}, like any scanner.
 *
 * <p>Health: the state, and at {@code EXTERNAL} whether a window feeds it ({@link #attachInput}); a
 * process without the kiosk's window (the engineer's {@code diag}) cannot see a wedge's keys, which
 * is said, not held against it.
 */
public final class WedgeScanner extends AbstractDevice implements BarcodeScanner {
    /** The connection a wedge scanner is configured with: the kiosk's keyboard input. */
    public static final String CONNECTION = "keyboard:";

    private final BurstDetector.Options options;
    private final ScanQueue waiting = new ScanQueue(16);
    private volatile String input;

    public WedgeScanner(
            String id, String driverName, BurstDetector.Options options, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.BARCODE_SCANNER, driverName, store, clock);
        this.options = options;
    }

    @Override
    public String connection() {
        return CONNECTION;
    }

    /** How a scan is told from a person: the gap and the length, from the device's options. */
    public BurstDetector.Options options() {
        return options;
    }

    /** What feeds the scanner (the kiosk's window), for health and diagnostics; any thread. */
    public void attachInput(String what) {
        input = what;
        log.info("Scanner {}: keys come from {}", id(), what);
    }

    /** Nothing feeds the scanner any more (the window closed). */
    public void detachInput() {
        input = null;
    }

    /** What feeds the scanner, if anything does. */
    public Optional<String> input() {
        return Optional.ofNullable(input);
    }

    /**
     * A code the keyboard typed, from the catcher (never the JavaFX thread's work to wait on: this
     * only queues and hands over). A scanner that is not enabled drops it.
     */
    public void typed(String code) {
        if (!isEnabled() || state() == DeviceState.CLOSED) {
            log.info("Scanner {}: not enabled; a code of {} characters was dropped", id(), code.length());
            return;
        }
        statistics().increment(DeviceStatistics.READS);
        log.debug("Scanner {}: a code of {} characters", id(), code.length());
        if (waiting.add(code) > 0) {
            log.info("Scanner {}: codes wait unasked; the oldest was dropped", id());
        }
        publishData(code);
    }

    @Override
    public Optional<String> awaitScan(Duration timeout) throws DeviceException {
        return operate("awaitScan", () -> waiting.await(timeout));
    }

    @Override
    protected void doOpen() {
        waiting.clear();
    }

    @Override
    protected void doEnable() {
        waiting.clear();
    }

    @Override
    protected void doDisable() {
        waiting.fail(new DeviceException(ErrorCode.CANCELLED, null, "the scanner " + id() + " was disabled"));
    }

    @Override
    protected void doClose() {
        waiting.clear();
    }

    @Override
    protected HealthReport doCheckHealth(HealthLevel level) {
        HealthReport r = report(level);
        String fed = level == HealthLevel.INTERNAL
                ? ""
                : input().map(w -> "; keys from " + w)
                        .orElse("; no window feeds it in this process (its keys reach only the kiosk's window)");
        return new HealthReport(
                level,
                r.healthy(),
                r.text() + " (keyboard wedge: a scan is " + options.minLength() + "+ characters less than "
                        + options.maxGap().toMillis() + " ms apart, then Enter" + fed + ")",
                r.checkedAt());
    }
}
