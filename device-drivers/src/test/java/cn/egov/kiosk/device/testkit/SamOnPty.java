package cn.egov.kiosk.device.testkit;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The virtual SAM ID card reader on the device end of a socat pseudo-terminal pair, at 115200 8N1,
 * as the kiosk's SAM driver meets it on a serial port: the driver goes on {@link #hostPath()}. The
 * line can be pulled ({@link #pull()}) and plugged back in on the same paths ({@link #plugBackIn()});
 * the virtual reader keeps serving through it. {@link #close()} stops the reader and socat.
 */
public final class SamOnPty implements AutoCloseable {
    /** The line rate the reader serves at and {@link #connection()} names. */
    public static final int BAUD = 115200;

    /** The device id {@link #manager} gives the reader. */
    public static final String DEVICE_ID = "id-reader";

    private static final Duration SAFETY = Duration.ofSeconds(10);

    private final Path dir;
    private final SerialLink deviceEnd;
    private final VirtualSamReader virtual;
    private volatile PtyPair pty;

    private SamOnPty(Path dir, PtyPair pty, SerialLink deviceEnd, VirtualSamReader virtual) {
        this.dir = dir;
        this.pty = pty;
        this.deviceEnd = deviceEnd;
        this.virtual = virtual;
    }

    /**
     * Starts socat with its links in {@code dir}, and the virtual reader (thread {@code threadName})
     * on the device end; returns once the reader has the port open.
     */
    public static SamOnPty start(Path dir, String threadName) throws IOException {
        PtyPair pty = PtyPair.start(dir);
        SerialLink deviceEnd = new SerialLink(pty.devicePath(), BAUD, 8, SerialLink.Parity.NONE, 1);
        VirtualSamReader virtual = new VirtualSamReader();
        virtual.setLineRate(BAUD);
        virtual.serve(deviceEnd, threadName);
        SamOnPty rig = new SamOnPty(dir, pty, deviceEnd, virtual);
        try {
            Await.until(deviceEnd::isOpen, SAFETY, "the virtual reader to open " + pty.devicePath());
        } catch (AssertionError e) {
            rig.close();
            throw e;
        }
        return rig;
    }

    /** The virtual reader: place and lift cards, inject faults. */
    public VirtualSamReader virtual() {
        return virtual;
    }

    /** The end the driver opens. */
    public String hostPath() {
        return pty.hostPath();
    }

    /** The end the virtual reader holds. */
    public String devicePath() {
        return pty.devicePath();
    }

    /** The driver's connection string: {@code serial:<host end>?baud=115200}. */
    public String connection() {
        return "serial:" + hostPath() + "?baud=" + BAUD;
    }

    /** The SAM driver on the host end, as the kiosk configures it, polling every 100 ms. */
    public DeviceSpec spec() {
        return new DeviceSpec(DEVICE_ID, DeviceClass.ID_CARD_READER, "sam", connection(), Map.of("pollMs", "100"));
    }

    /** A device manager (not started) with only {@link #spec()}, no statistics, the system clock. */
    public DeviceManager manager(Backoff backoff) {
        return new DeviceManager(
                List.of(spec()),
                DriverRegistry.load(),
                new DeviceContext(StatisticsStore.NONE, Clock.systemUTC(), new SimulatorRegistry()),
                backoff);
    }

    /** Pulls the cable: socat dies and its links vanish. */
    public void pull() {
        pty.kill();
    }

    /** Plugs the cable back in: a new socat on the same paths. */
    public void plugBackIn() throws IOException {
        pty = PtyPair.start(dir);
    }

    @Override
    public void close() {
        virtual.stop();
        pty.close();
    }
}
