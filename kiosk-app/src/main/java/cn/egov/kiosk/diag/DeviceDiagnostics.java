package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.HealthReport;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.manage.DeviceError;
import cn.egov.kiosk.device.manage.DeviceHealth;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The field engineer's diagnostics as the screen uses them ({@code ui.diag}): the running kiosk's
 * devices, one device's page (health at every level, counters, recent errors, what can be done to
 * it) and the actions. Every method but {@link #devices()} may block on a device: call them off the
 * JavaFX thread. What changes something is audited ({@code device.action}) with the actor the
 * implementation was given.
 */
public interface DeviceDiagnostics {

    /** What an engineer can do to a device; a device class offers some of them. */
    enum Action {
        /** Close and open the device again now. */
        RECONNECT,
        /** Ask the hardware how it is (the {@code EXTERNAL} health check). */
        SELF_TEST,
        /** A receipt printer's short test slip; a licence printer's A4 test page. */
        TEST_PRINT,
        /** One read: an ID card, a social security card, a scanned code; shown masked. */
        TEST_READ,
        /** A receipt printer feeds and cuts. */
        CUT
    }

    /** Why an action did not work, in the terms the engineer is told. */
    enum Problem {
        PAPER_OUT,
        COVER_OPEN,
        JAM,
        OFFLINE,
        BUSY,
        /** Nothing came to read in time (no card placed, nothing scanned). */
        NOTHING_TO_READ,
        /** The card could not be read (a card to lift and place again, an unknown card). */
        UNREADABLE,
        /** The device is not ready: still starting, or not opened. */
        NOT_READY,
        /** The hardware reports a fault (a health check that is not healthy, a printer error). */
        FAULT,
        /** The device has no such action, or there is no such device. */
        NOT_OFFERED
    }

    /**
     * One device's page.
     *
     * @param health the latest report at each level checked (a level not checked yet is absent)
     * @param errors the device's recent errors, newest first
     * @param actions what this device offers, in the order of {@link Action}
     * @param advisories what an engineer should change around the device, one sentence each
     */
    record Page(
            DeviceHealth device,
            Map<HealthLevel, HealthReport> health,
            List<DeviceError> errors,
            List<Action> actions,
            List<String> advisories) {
        public Page {
            health = Map.copyOf(health);
            errors = List.copyOf(errors);
            actions = List.copyOf(actions);
            advisories = List.copyOf(advisories);
        }
    }

    /**
     * How an action went.
     *
     * @param problem why it did not work (empty when it did)
     * @param detail the engineer's detail: what was read (masked), the printer's status, the codes of a failure
     */
    record Outcome(String deviceId, Action action, Optional<Problem> problem, String detail) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /**
     * One line of the serial monitor: up to 16 bytes that passed together, as hex and as text
     * (printable ASCII, a dot for anything else), personal data masked (a part such as {@code [文字
     * 256 字节 已遮蔽]} in the hex, {@code *} in the text).
     */
    record WireLine(Instant at, WireTap.Direction direction, String hex, String text) {}

    /**
     * A device's bytes as they pass, taken from a bounded queue that never blocks the link (what the
     * reader does not take in time is dropped and counted). Taking never blocks either: the screen
     * takes on its own thread every 100 ms. Closing removes the tap.
     */
    interface WireWatch extends AutoCloseable {
        /** The lines waiting now, oldest first, at most {@code max}; the rest stay for the next take. */
        List<WireLine> take(int max);

        /** Chunks dropped because nobody took them in time. */
        long dropped();

        @Override
        void close();
    }

    /**
     * Starts watching a device's byte link, personal data masked (hidden parts named in {@code
     * locale}'s words); empty when the device has none (CUPS, PC/SC).
     */
    Optional<WireWatch> watch(String deviceId, Locale locale);

    /** A diagnostics bundle written to a drive. */
    record BundleWritten(Path file, int entries, long bytes) {}

    /** The removable drives mounted now (USB sticks), writable; empty when none. */
    List<Path> removableDrives();

    /**
     * Writes a diagnostics bundle ({@link DiagnosticsBundle}: no personal data) into a drive's top
     * folder, named after the kiosk and the time; audited as {@code diag.bundle}.
     *
     * @throws java.io.UncheckedIOException when the drive cannot be written
     * @throws IllegalStateException when this kiosk makes no bundles
     */
    BundleWritten writeBundle(Path drive);

    /** The devices with their health as the device manager publishes it, in configuration order. */
    List<DeviceHealth> devices();

    /**
     * A device's page; with {@code checkHardware} its health is checked at the {@code INTERNAL} and
     * {@code EXTERNAL} levels first. Empty when there is no such device.
     */
    Optional<Page> page(String deviceId, boolean checkHardware);

    /** Runs an action on a device and says how it went (never throws for a device's failure). */
    Outcome run(String deviceId, Action action);

    /** Sets a device's counters to zero; false when there is no such device. */
    boolean resetCounters(String deviceId);
}
