package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.FileStatisticsStore;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceHealth;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.WireMonitor;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.runtime.InstanceLock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * {@code kiosk diag --monitor DEVICE}: the device opened through the device manager (its polling
 * runs as in the kiosk), its link's bytes printed as they pass, masked, until the time is up or
 * Ctrl-C. The port belongs to a running kiosk: then nothing is opened.
 */
final class WireMonitorRun {
    /** Exit status when the kiosk is running and holds the port. */
    static final int IN_USE = 3;

    private final KioskConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ConcurrentLinkedQueue<String> readings = new ConcurrentLinkedQueue<>();

    WireMonitorRun(KioskConfig config, PrintWriter out, PrintWriter err, boolean json) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.json = json;
    }

    int run(String deviceId, Duration seconds, boolean showPersonalData) throws InterruptedException {
        return run(deviceId, seconds, showPersonalData, false);
    }

    /**
     * @param readCards for an ID card reader: read each card placed on it (as the kiosk's login
     *     would), so that the read's frames pass; the card's data is wiped at once, never printed
     */
    int run(String deviceId, Duration seconds, boolean showPersonalData, boolean readCards)
            throws InterruptedException {
        Optional<DeviceSpec> found =
                config.devices().stream().filter(d -> d.id().equals(deviceId)).findFirst();
        if (found.isEmpty()) {
            err.println("No device \"" + deviceId + "\" in the configuration; its devices: "
                    + config.devices().stream().map(DeviceSpec::id).collect(Collectors.joining(", ")));
            err.flush();
            return 2;
        }
        if (showPersonalData && !config.kiosk().demo()) {
            err.println("Refused: --show-personal-data shows the card's data unmasked, which is allowed only on a demo"
                    + " configuration (kiosk.demo: true) with demo cards. This configuration is not a demo: the"
                    + " monitor masks personal data.");
            err.flush();
            return 2;
        }
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(config.storage().dataDir());
        if (lock.isEmpty()) {
            err.println("The kiosk is running (its data folder "
                    + config.storage().dataDir()
                    + " is locked): the port of " + deviceId + " belongs to it, and a second program on it would"
                    + " disturb it. Use the serial monitor of the diagnostics screen, or stop the kiosk first.");
            err.flush();
            return IN_USE;
        }
        try (InstanceLock held = lock.get()) {
            return monitor(found.get(), seconds, showPersonalData, readCards);
        }
    }

    private int monitor(DeviceSpec spec, Duration seconds, boolean showPersonalData, boolean readCards)
            throws InterruptedException {
        if (readCards && spec.deviceClass() != DeviceClass.ID_CARD_READER) {
            err.println("--read-cards is for an ID card reader; " + spec.id() + " is a "
                    + spec.deviceClass().configName());
            err.flush();
            return 2;
        }
        DeviceContext context = new DeviceContext(
                StatisticsStore.readOnly(
                        new FileStatisticsStore(config.storage().dataDir().resolve("device-stats"))),
                Clock.system(config.kiosk().timeZone()),
                new SimulatorRegistry());
        ZoneId zone = config.kiosk().timeZone();
        DeviceManager manager = new DeviceManager(List.of(spec), DriverRegistry.load(), context, Backoff.DEFAULT);
        Thread onCtrlC = new Thread(manager::close, "monitor-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try (WireMonitor monitor = manager.monitor(spec.id(), showPersonalData)) {
            if (!manager.tappable(spec.id())) {
                err.println(spec.id() + " (driver " + spec.driver() + ", " + spec.connection()
                        + ") does not talk over a serial line, TCP or a device file: there are no bytes to show.");
                err.flush();
                return 2;
            }
            if (!json) {
                out.println("# " + spec.id() + " (" + spec.deviceClass().configName() + ", driver " + spec.driver()
                        + ", "
                        + spec.connection() + "): "
                        + (showPersonalData ? "PERSONAL DATA SHOWN (demo configuration)" : "personal data masked")
                        + "; " + (seconds.isZero() ? "Ctrl-C to stop" : seconds.toSeconds() + " s"));
                out.flush();
            }
            manager.start();
            Thread reading = readCards ? startReading(manager, spec.id()) : null;
            long end = seconds.isZero() ? Long.MAX_VALUE : System.nanoTime() + seconds.toNanos();
            long outBytes = 0;
            long inBytes = 0;
            int lines = 0;
            String lastHealth = "";
            while (System.nanoTime() < end) {
                String health = manager.health()
                        .get(spec.id())
                        .map(WireMonitorRun::health)
                        .orElse("");
                if (!health.equals(lastHealth)) {
                    lastHealth = health;
                    if (!json) {
                        out.println("# " + health);
                    }
                }
                for (String r; (r = readings.poll()) != null; ) {
                    if (!json) {
                        out.println(r);
                    }
                }
                WireMonitor.Line line = monitor.poll(Duration.ofMillis(
                        Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000))));
                if (line == null) {
                    out.flush();
                    continue;
                }
                lines++;
                if (line.direction() == WireTap.Direction.OUT) {
                    outBytes += line.length();
                } else {
                    inBytes += line.length();
                }
                out.println(json ? json(line) : line.format(zone, Locale.CHINESE));
            }
            if (reading != null) {
                reading.interrupt();
            }
            if (!json) {
                out.println("# " + lines + " chunks: " + outBytes + " bytes to the device, " + inBytes + " from it"
                        + (monitor.dropped() > 0 ? ", " + monitor.dropped() + " chunks dropped" : ""));
            }
            out.flush();
            return 0;
        } finally {
            manager.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // shutting down already: the hook closes the manager
            }
        }
    }

    /** Reads each card placed (the data wiped at once), on a thread of its own, until interrupted. */
    private Thread startReading(DeviceManager manager, String id) {
        IdCardReader reader = manager.device(id)
                .filter(IdCardReader.class::isInstance)
                .map(IdCardReader.class::cast)
                .orElseThrow();
        Thread t = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            if (reader.state() == DeviceState.CLOSED || reader.state() == DeviceState.OFFLINE) {
                                Thread.sleep(200);
                                continue;
                            }
                            IdCard card = reader.read(Duration.ofSeconds(1));
                            IdCardType type = card.type();
                            card.wipe();
                            readings.add("# card read (" + type.name().toLowerCase(Locale.ROOT)
                                    + "; its data is not shown)");
                            while (reader.conditions().contains(Condition.CARD_PRESENT)) {
                                Thread.sleep(100);
                            }
                        } catch (DeviceException e) {
                            if (e.code() != ErrorCode.TIMEOUT) {
                                readings.add("# read failed: " + e.summary());
                                sleepQuietly();
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "monitor-read");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String health(DeviceHealth h) {
        return "state " + h.state().name().toLowerCase(Locale.ROOT) + ": " + h.text();
    }

    private String json(WireMonitor.Line line) {
        ObjectNode node = mapper.createObjectNode();
        node.put("at", line.at().toString());
        node.put("direction", line.direction().name().toLowerCase(Locale.ROOT));
        node.put("bytes", line.length());
        node.put("hex", line.hex(Locale.CHINESE));
        node.put("text", line.text());
        ArrayNode masked = node.putArray("masked");
        for (FrameMasker.Part p : line.parts()) {
            if (p.isHidden()) {
                masked.addObject()
                        .put("kind", p.kind().name().toLowerCase(Locale.ROOT))
                        .put("bytes", p.count());
            }
        }
        return node.toString();
    }
}
