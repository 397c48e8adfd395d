package cn.egov.kiosk.device.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A kiosk device, whatever its class: one lifecycle for all.
 *
 * <pre>
 *   open → claim(timeout) → enable → (work) → disable → release → close
 * </pre>
 *
 * Calls out of order fail with {@link ErrorCode#SEQUENCE_ERROR}. Every call may block on the
 * hardware: never call one from the JavaFX thread. Events go to listeners on the device's own event
 * thread.
 */
public interface Device extends AutoCloseable {

    /** The id given in configuration, for example {@code ticket-printer}. */
    String id();

    DeviceClass deviceClass();

    /** The driver's name as used in configuration, for example {@code escpos} or {@code sim}. */
    String driverName();

    /** Where the device is connected, for display: {@code serial:/dev/ttyUSB0@115200}. */
    String connection();

    DeviceState state();

    /** The conditions that hold now (paper low, card present...). */
    Set<Condition> conditions();

    boolean isClaimed();

    boolean isEnabled();

    /** Opens the connection to the hardware. */
    void open() throws DeviceException;

    /** Takes exclusive use of the device, waiting up to {@code timeout} for another holder. */
    void claim(Duration timeout) throws DeviceException;

    /** Makes the device ready for work: starts polling, status reporting. */
    void enable() throws DeviceException;

    void disable() throws DeviceException;

    void release() throws DeviceException;

    /** Closes the connection; never throws. A closed device can be opened again. */
    @Override
    void close();

    /** Checks the device at the given level; the device must be open. */
    HealthReport checkHealth(HealthLevel level) throws DeviceException;

    /** The last health report, if a check has run. */
    Optional<HealthReport> lastHealth();

    DeviceStatistics statistics();

    /**
     * What an engineer should change around the device that does not stop it working (a print
     * server that keeps the documents it printed), one sentence each, saying what to change; empty
     * when nothing. Known once the device has been opened.
     */
    default List<String> advisories() {
        return List.of();
    }

    void addListener(DeviceListener listener);

    void removeListener(DeviceListener listener);
}
