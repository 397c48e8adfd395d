package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.FileStatisticsStore;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.sim.SimulatorRegistry;
import cn.egov.kiosk.runtime.LogSetup;
import cn.egov.kiosk.speech.SpeechStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk diag [--json] [--level internal|external]}: every configured device, checked, and the
 * platform; {@code --monitor DEVICE} the bytes on a device's line; {@code --bundle FILE.zip} a
 * diagnostics bundle.
 */
@Command(
        name = "diag",
        mixinStandardHelpOptions = true,
        description = {
            "Opens every configured device, checks its health and prints one line per device, a SPEECH line",
            "(espeak-ng found and its version, an audio output or none: a kiosk that cannot speak stays silent), a",
            "WARNING line for each thing around the kiosk to change (a used registration code left in the",
            "configuration, a print server that keeps documents), and PLATFORM lines (reachable, registered,",
            "clock offset, outbox backlog, dead letters, catalogue age; under platform in --json). Warnings and",
            "the platform do not change the exit status: 0 when all devices are healthy, 1 when any is not,",
            "2 for a configuration error.",
            "--monitor DEVICE: the device opened as the kiosk opens it (its polling runs) and the bytes on its",
            "  line printed as they pass (time, arrow, hex, text), personal data masked ([文字 256 字节 已遮蔽]),",
            "  for --seconds or until Ctrl-C; exit 3 when the kiosk is running (the port is its own).",
            "--bundle FILE.zip: a diagnostics bundle (configuration without secrets, device states and counters,",
            "  the outbox's shape, versions, recent logs; no personal data), written atomically."
        })
public final class DiagCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: the kiosk's, demo mode).")
    Path config;

    @Option(names = "--json", description = "Print one JSON document instead of lines.")
    boolean json;

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            description = "Health check level: internal (default) or external (asks the hardware).")
    String level = "internal";

    @Option(
            names = "--monitor",
            paramLabel = "DEVICE",
            description = "Show the bytes on the line of this configured device (e.g. id-reader).")
    String monitor;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            description = "With --monitor: stop after S seconds (default: until Ctrl-C).")
    int seconds;

    @Option(
            names = "--show-personal-data",
            description = "With --monitor: do not mask card data; only on a demo configuration (kiosk.demo: true).")
    boolean showPersonalData;

    @Option(
            names = "--read-cards",
            description = "With --monitor on an ID card reader: read each card placed, as a login would (its data is"
                    + " wiped at once and never printed), so that the read's frames show.")
    boolean readCards;

    @Option(
            names = "--bundle",
            paramLabel = "FILE.zip",
            description = "Write a diagnostics bundle (no personal data) to FILE.zip.")
    Path bundle;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HealthLevel healthLevel;
        try {
            healthLevel = HealthLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("--level is internal or external, not \"" + level + "\"");
            return 2;
        }
        if (seconds < 0
                || (seconds > 0 && monitor == null)
                || (showPersonalData && monitor == null)
                || (readCards && monitor == null)) {
            err.println(
                    "--seconds, --show-personal-data and --read-cards go with --monitor DEVICE (seconds 1 or more)");
            err.flush();
            return 2;
        }
        if (monitor != null && bundle != null) {
            err.println("--monitor and --bundle are one at a time");
            err.flush();
            return 2;
        }
        Path file = Subcommands.configFile(spec, config);
        KioskConfig loaded;
        try {
            loaded = ConfigLoader.load(file);
        } catch (ConfigException e) {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("configuration", file.toString());
                doc.put("error", e.getMessage());
                out.println(mapper().writeValueAsString(doc));
            } else {
                err.println("Configuration error:");
                err.println(e.getMessage());
            }
            out.flush();
            err.flush();
            return 2;
        }
        LogSetup.useDirectory(loaded.storage().dataDir().resolve("logs"));
        if (monitor != null) {
            return new WireMonitorRun(loaded, out, err, json)
                    .run(monitor, Duration.ofSeconds(seconds), showPersonalData, readCards);
        }
        DeviceContext context = new DeviceContext(
                StatisticsStore.readOnly(
                        new FileStatisticsStore(loaded.storage().dataDir().resolve("device-stats"))),
                Clock.system(loaded.kiosk().timeZone()),
                new SimulatorRegistry());
        List<DeviceReport> reports = new Diagnostics(DriverRegistry.load(), context).run(loaded.devices(), healthLevel);
        boolean allHealthy = reports.stream().allMatch(DeviceReport::healthy);
        List<String> warnings = new ArrayList<>(KioskWarnings.of(loaded));
        reports.forEach(r -> r.advisories().forEach(a -> warnings.add(r.id() + ": " + a)));
        SpeechStatus speech = SpeechStatus.check();
        if (bundle != null) {
            return writeBundle(loaded, file, reports, out, err);
        }
        Map<String, Object> platform = PlatformReport.of(loaded, Clock.systemUTC());
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("kiosk", loaded.kiosk().id());
            doc.put("configuration", file.toString());
            doc.put("level", healthLevel.name().toLowerCase(Locale.ROOT));
            doc.put("healthy", allHealthy);
            doc.put("devices", reports);
            doc.put("speech", speech.asMap());
            doc.put("platform", platform);
            doc.put("warnings", warnings);
            out.println(mapper().writeValueAsString(doc));
        } else {
            printTable(out, reports);
            out.println(
                    allHealthy
                            ? "All " + reports.size() + " devices healthy."
                            : "NOT HEALTHY: "
                                    + reports.stream()
                                            .filter(r -> !r.healthy())
                                            .map(DeviceReport::id)
                                            .collect(Collectors.joining(", ")));
            out.println("SPEECH: " + speech.line());
            PlatformReport.lines(platform).forEach(out::println);
            warnings.forEach(w -> out.println("WARNING: " + w));
        }
        out.flush();
        return allHealthy ? 0 : 1;
    }

    private int writeBundle(
            KioskConfig loaded, Path file, List<DeviceReport> reports, PrintWriter out, PrintWriter err) {
        try {
            DiagnosticsBundle.Written written = new DiagnosticsBundle(loaded, file, Clock.systemUTC())
                    .deviceReports(reports)
                    .write(bundle);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("bundle", written.file().toString());
                doc.put("bytes", written.bytes());
                doc.put("entries", written.entries());
                out.println(mapper().writeValueAsString(doc));
            } else {
                out.println("Diagnostics bundle: " + written.file() + " ("
                        + written.entries().size() + " entries, " + written.bytes() + " bytes; no personal data)");
            }
            out.flush();
            return 0;
        } catch (UncheckedIOException | JsonProcessingException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static void printTable(PrintWriter out, List<DeviceReport> reports) {
        String format = "%-18s %-18s %-8s %-34s %-8s %-9s %s%n";
        out.printf(format, "DEVICE", "CLASS", "DRIVER", "CONNECTION", "STATE", "HEALTHY", "HEALTH / COUNTERS");
        for (DeviceReport r : reports) {
            String counters = r.counters().entrySet().stream()
                    .filter(e -> e.getValue() != 0)
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            out.printf(
                    format,
                    r.id(),
                    r.deviceClass(),
                    r.driver(),
                    r.connection(),
                    r.state(),
                    r.healthy() ? "yes" : "NO",
                    r.health() + (counters.isEmpty() ? "" : "  [" + counters + "]"));
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
