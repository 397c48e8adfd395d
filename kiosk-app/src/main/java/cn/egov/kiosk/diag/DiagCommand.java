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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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

/** {@code kiosk diag [--json] [--level internal|external]}: every configured device, checked. */
@Command(
        name = "diag",
        mixinStandardHelpOptions = true,
        description = {
            "Opens every configured device, checks its health and prints one line per device, a SPEECH line",
            "(espeak-ng found and its version, an audio output or none: a kiosk that cannot speak stays silent), a",
            "WARNING line for each thing around the kiosk to change (a used registration code left in the",
            "configuration, a print server that keeps documents). Warnings do not change the exit status:",
            "0 when all devices are healthy, 1 when any is not, 2 for a configuration error."
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
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("kiosk", loaded.kiosk().id());
            doc.put("configuration", file.toString());
            doc.put("level", healthLevel.name().toLowerCase(Locale.ROOT));
            doc.put("healthy", allHealthy);
            doc.put("devices", reports);
            doc.put("speech", speech.asMap());
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
            warnings.forEach(w -> out.println("WARNING: " + w));
        }
        out.flush();
        return allHealthy ? 0 : 1;
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
