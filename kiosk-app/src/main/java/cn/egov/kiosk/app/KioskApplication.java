package cn.egov.kiosk.app;

import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskUi;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: shows the kiosk on the primary stage. */
public final class KioskApplication extends Application {
  private static final Logger log = LoggerFactory.getLogger(KioskApplication.class);

  private static Future<KioskRuntime> booting;
  private static volatile Throwable bootFailure;
  private static PrintStream readySignal;

  private KioskRuntime runtime;

  private FxTaskRunner tasks;
  private KioskUi ui;

  /**
   * Runs the kiosk until the staff close it; blocks. The runtime may still be booting: the window
   * waits for it (a failed boot closes JavaFX again; see {@link #bootFailure()}).
   *
   * @param ready where to write {@code KIOSK-READY <ms since JVM start>} once the attract screen is
   *     laid out (benchmarks), or null
   */
  static void run(Future<KioskRuntime> boot, PrintStream ready) {
    booting = boot;
    readySignal = ready;
    Application.launch(KioskApplication.class);
  }

  /** Why the runtime could not be built (a configuration error, an unreadable store), if it could not. */
  static Optional<Throwable> bootFailure() {
    return Optional.ofNullable(bootFailure);
  }

  @Override
  public void start(Stage stage) {
    long t0 = System.nanoTime();
    KioskFonts.load();
    try {
      runtime = booting.get();
    } catch (ExecutionException e) {
      bootFailure = e.getCause();
      Platform.exit();
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      bootFailure = e;
      Platform.exit();
      return;
    }
    long t1 = System.nanoTime();
    runtime.start();
    tasks = new FxTaskRunner();
    ui = new KioskUi(runtime, tasks, Platform::runLater, Platform::exit);
    long t2 = System.nanoTime();
    Scene scene = ui.attach(stage, runtime.config().ui().fullScreen());
    log.info("Start-up: JavaFX up at {} ms, font and runtime {} ms, screens built {} ms, scene {} ms",
        ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - t0) / 1_000_000,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
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
    if (runtime != null) {
      runtime.close();
    }
  }
}
