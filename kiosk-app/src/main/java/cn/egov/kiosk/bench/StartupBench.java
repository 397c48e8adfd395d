package cn.egov.kiosk.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Time from process start to the attract screen shown and laid out, next to a minimal JavaFX
 * application started the same way; and the resident memory of both once shown. Runs each
 * alternately {@code runs} times and reports medians.
 */
final class StartupBench {
    private final Path demoConfig;
    private final int runs;

    StartupBench(Path demoConfig, int runs) {
        this.demoConfig = demoConfig;
        this.runs = runs;
    }

    /** Where ./kiosk keeps the class-data archive (the {@code kiosk.cds.archive} property it sets), if it does. */
    static final String ARCHIVE_PROPERTY = "kiosk.cds.archive";

    /**
     * The JVM options that start the kiosk with its class-data archive, as ./kiosk does; the archive
     * is made first (the kiosk's training run, on this display) when it is missing or older than the
     * kiosk's jar. Empty when ./kiosk did not say where it is.
     */
    private static List<String> classDataArchive(JvmLauncher launcher) throws IOException, InterruptedException {
        String where = System.getProperty(ARCHIVE_PROPERTY);
        if (where == null || where.isBlank()) {
            return List.of();
        }
        Path archive = Path.of(where);
        Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]);
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        if (!Files.exists(archive)
                || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(archive);
            List<String> training = new ArrayList<>(quiet);
            training.add("-XX:ArchiveClassesAtExit=" + archive);
            if (launcher.run(training, "cn.egov.kiosk.app.Main", List.of("--cds-training"), 120_000) != 0
                    || !Files.exists(archive)) {
                throw new IOException("the class-data archive's training run failed");
            }
        }
        List<String> options = new ArrayList<>(quiet);
        options.add("-XX:SharedArchiveFile=" + archive);
        options.add("-Xshare:auto");
        return options;
    }

    List<Figure> run(Map<String, String> displayEnvironment, Path scratch) throws IOException, InterruptedException {
        // the demo's configuration, with its files in a scratch folder
        Path configDir = Files.createDirectories(scratch.resolve("config"));
        Path config = configDir.resolve("demo.yaml");
        Files.copy(demoConfig, config, StandardCopyOption.REPLACE_EXISTING);

        JvmLauncher launcher = new JvmLauncher(displayEnvironment);
        List<String> kioskJvm = classDataArchive(launcher);
        double[] kioskMs = new double[runs];
        double[] baseMs = new double[runs];
        double[] kioskRss = new double[runs];
        double[] baseRss = new double[runs];
        for (int i = 0; i < runs; i++) {
            JvmLauncher.Started base = launcher.start(MinimalFxApp.class.getName(), List.of(), "FX-READY", 60_000);
            Thread.sleep(500);
            baseMs[i] = base.millisToMarker();
            baseRss[i] = base.residentMiB();
            base.stop();
            JvmLauncher.Started kiosk = launcher.start(
                    kioskJvm,
                    "cn.egov.kiosk.app.Main",
                    List.of("--bench-ready", "--config", config.toString()),
                    "KIOSK-READY",
                    60_000);
            Thread.sleep(500);
            kioskMs[i] = kiosk.millisToMarker();
            kioskRss[i] = kiosk.residentMiB();
            kiosk.stop();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.against(
                "startup.attract-ready",
                Stats.median(kioskMs),
                Stats.median(baseMs),
                "ms",
                "process start to attract screen laid out, median of " + runs
                        + ", the kiosk started as ./kiosk starts it"
                        + (kioskJvm.isEmpty()
                                ? " (without a class-data archive: none configured)"
                                : " (with its class-data archive)")
                        + "; baseline: minimal JavaFX app, a bare window (target ratio at most 1.5)"));
        figures.add(Figure.against(
                "startup.rss",
                Stats.median(kioskRss),
                Stats.median(baseRss),
                "MiB",
                "resident memory 0.5 s after ready; baseline: minimal JavaFX app"));
        return figures;
    }
}
