package cn.egov.kiosk.app;

import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskUi;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: shows the kiosk on the primary stage. */
public final class KioskApplication extends Application {
  private static final Logger log = LoggerFactory.getLogger(KioskApplication.class);

  private static KioskRuntime runtime;
  private static PrintStream readySignal;

  private FxTaskRunner tasks;
  private KioskUi ui;

  /**
   * Runs the kiosk until the staff close it; blocks.
   *
   * @param ready where to write {@code KIOSK-READY <ms since JVM start>} once the attract screen is
   *     laid out (benchmarks), or null
   */
  static void run(KioskRuntime kiosk, PrintStream ready) {
    runtime = kiosk;
    readySignal = ready;
    Application.launch(KioskApplication.class);
  }

  @Override
  public void start(Stage stage) {
    KioskFonts.load();
    runtime.start();
    tasks = new FxTaskRunner();
    ui = new KioskUi(runtime, tasks, Platform::runLater, Platform::exit);
    Scene scene = ui.attach(stage, runtime.config().ui().fullScreen());
    if (readySignal != null) {
      Runnable[] once = new Runnable[1];
      once[0] =
          () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            readySignal.println("KIOSK-READY " + uptime);
            readySignal.flush();
          };
      scene.addPostLayoutPulseListener(once[0]);
    }
    stage.show();
    log.info("Kiosk screen shown");
  }

  @Override
  public void stop() {
    if (ui != null) {
      ui.stop();
    }
    if (tasks != null) {
      tasks.close();
    }
    runtime.close();
  }
}
