package cn.egov.kiosk.tour;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.config.Ui;
import cn.egov.kiosk.runtime.ConfigFiles;
import cn.egov.kiosk.runtime.LogSetup;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk tour}: the acceptance walk. Walks the citizen flows in the real kiosk screens,
 * headless, on the demo devices and the embedded platform, tapping controls as a citizen would; a PNG
 * of every screen it passes, and what each flow did.
 */
@Command(
        name = "tour",
        mixinStandardHelpOptions = true,
        description = {
            "Walks the citizen flows in the real kiosk screens, headless (no display needed), on a demo",
            "configuration's simulated devices and embedded platform, in a scratch data folder: taps the",
            "controls a citizen would, photographs every screen (PNG in --out), and reports for each flow",
            "whether it completed, the taps, what the platform received and what was printed (the text read",
            "back from the printer). Flows: ticket, licences, postal, guide, apply, appointment, checkin,",
            "progress, enterprise, pay-insurance-card, pay-insurance-qr.",
            "Every screen is measured: its smallest text and heading (device pixels), its smallest touch",
            "target, its lowest text contrast (WCAG), its tightest line height; the table is printed",
            "against what the theme promises on that window size (its full-HD figures scaled).",
            "Exit 0 when every flow completed and every screen met the theme's figures, 1 otherwise",
            "(naming the flow and the screen), 2 bad arguments or configuration."
        })
public final class TourCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{3,4})x(\\d{3,4})");

    @Option(names = "--flows", split = ",", paramLabel = "NAME", description = "The flows to walk (default: all).")
    List<String> flows = new ArrayList<>();

    @Option(names = "--theme", paramLabel = "THEME", description = "standard or elderly (default standard).")
    String theme = Ui.STANDARD;

    @Option(names = "--lang", paramLabel = "LANG", description = "zh or en (default zh).")
    String lang = "zh";

    @Option(
            names = "--size",
            paramLabel = "WxH",
            description = "The window, e.g. 1280x800 or 1080x1920 (default 1920x1080; cut to the headless screen).")
    String size = Tour.WIDTH + "x" + Tour.HEIGHT;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the screenshots go.")
    Path outDir;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "A demo configuration (default: config/demo.yaml).")
    Path config;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Flows.Flow> chosen = new ArrayList<>();
        for (String name :
                flows.isEmpty() ? Flows.ALL.stream().map(Flows.Flow::name).toList() : flows) {
            Optional<Flows.Flow> f = Flows.named(name.strip());
            if (f.isEmpty()) {
                return refuse(
                        err,
                        "no flow \"" + name + "\"; the flows are "
                                + String.join(
                                        ", ",
                                        Flows.ALL.stream().map(Flows.Flow::name).toList()));
            }
            chosen.add(f.get());
        }
        if (!Ui.THEMES.contains(theme)) {
            return refuse(err, "--theme is standard or elderly, not \"" + theme + "\"");
        }
        Locale locale = switch (lang) {
            case "zh", "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> null;
        };
        if (locale == null) {
            return refuse(err, "--lang is zh or en, not \"" + lang + "\"");
        }
        Matcher wxh = SIZE.matcher(size.strip());
        if (!wxh.matches()) {
            return refuse(err, "--size is WIDTHxHEIGHT in pixels, e.g. 1280x800, not \"" + size + "\"");
        }
        int width = Integer.parseInt(wxh.group(1));
        int height = Integer.parseInt(wxh.group(2));
        if (!"Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return refuse(err, "the tour runs headless on Monocle: run it as ./kiosk tour (the launcher sets it up)");
        }
        KioskConfig demo;
        try {
            demo = ConfigLoader.load(config != null ? config : ConfigFiles.defaultConfig());
        } catch (ConfigException e) {
            return refuse(err, "configuration error:\n" + e.getMessage());
        }
        if (!demo.kiosk().demo()) {
            return refuse(err, "the tour drives simulated devices: it needs a demo configuration (kiosk.demo: true)");
        }
        Path scratch = Files.createTempDirectory("kiosk-tour-");
        try {
            LogSetup.useDirectory(scratch.resolve("logs"));
            Path dir = outDir.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            Tour tour = new Tour(demo, scratch, dir, theme, locale, width, height);
            List<TourReport.FlowReport> reports = tour.walk(chosen);
            boolean all = reports.stream().allMatch(TourReport.FlowReport::completed);
            List<String> shortfalls = Legibility.shortfalls(reports, tour.limits());
            TourReport report = new TourReport(
                    theme,
                    lang,
                    width + "x" + height,
                    tour.limits(),
                    dir.toString(),
                    all,
                    shortfalls.isEmpty(),
                    reports);
            ObjectMapper mapper = new ObjectMapper()
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .enable(SerializationFeature.INDENT_OUTPUT);
            mapper.writeValue(dir.resolve("tour.json").toFile(), report);
            if (json) {
                out.println(mapper.writeValueAsString(report));
            } else {
                summary(out, report);
                out.print(Legibility.table(reports, tour.limits()));
                shortfalls.forEach(line -> out.println("tour: below the " + theme + " theme's figures: " + line));
                if (!shortfalls.isEmpty()) {
                    out.println("tour: every text and target below them, by screen, is in tour.json (\"below\")");
                }
            }
            out.flush();
            return all && shortfalls.isEmpty() ? 0 : 1;
        } finally {
            wipe(scratch); // the demo citizens' session data, the scratch store and its logs
        }
    }

    private static void summary(PrintWriter out, TourReport report) {
        for (TourReport.FlowReport f : report.flows()) {
            out.printf(
                    "tour: %-8s %s, %d taps, %d screens, %.1f s%s%n",
                    f.name(),
                    f.completed() ? "completed" : "STOPPED on " + f.stoppedAt() + ": " + f.reason(),
                    f.taps(),
                    f.screenshots().size(),
                    f.ms() / 1000.0,
                    f.platformReceived().isEmpty() ? "" : ", platform received " + f.platformReceived());
            for (TourReport.Printed p : f.printed()) {
                out.printf(
                        "      printed %s on %s (%s, %s)%s%n",
                        p.template(),
                        p.device(),
                        p.medium(),
                        p.result(),
                        p.codes() == null || p.codes().isEmpty() ? "" : ", QR " + p.codes());
            }
        }
        out.println("tour: screenshots and tour.json in " + report.out());
    }

    private static int refuse(PrintWriter err, String why) {
        err.println("tour: " + why);
        err.flush();
        return 2;
    }

    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
