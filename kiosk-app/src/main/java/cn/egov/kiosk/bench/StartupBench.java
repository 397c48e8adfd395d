package cn.egov.kiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  List<Figure> run(Map<String, String> displayEnvironment, Path scratch) throws IOException, InterruptedException {
    // the demo's configuration, with its files in a scratch folder
    Path configDir = Files.createDirectories(scratch.resolve("config"));
    Path config = configDir.resolve("demo.yaml");
    Files.copy(demoConfig, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    JvmLauncher launcher = new JvmLauncher(displayEnvironment);
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
      JvmLauncher.Started kiosk =
          launcher.start("cn.egov.kiosk.app.Main", List.of("--bench-ready", "--config", config.toString()), "KIOSK-READY", 60_000);
      Thread.sleep(500);
      kioskMs[i] = kiosk.millisToMarker();
      kioskRss[i] = kiosk.residentMiB();
      kiosk.stop();
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(
        Figure.against(
            "startup.attract-ready",
            Stats.median(kioskMs),
            Stats.median(baseMs),
            "ms",
            "process start to attract screen laid out, median of " + runs + "; baseline: minimal JavaFX app"));
    figures.add(
        Figure.against(
            "startup.rss",
            Stats.median(kioskRss),
            Stats.median(baseRss),
            "MiB",
            "resident memory 0.5 s after ready; baseline: minimal JavaFX app"));
    return figures;
  }
}
