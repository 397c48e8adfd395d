package cn.egov.kiosk.app;

import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskUi;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskStage;
import cn.egov.kiosk.ui.Msg;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: shows the kiosk on the primary stage. */
public final class KioskApplication extends Application {
  private static final Logger log = LoggerFactory.getLogger(KioskApplication.class);

  private static CompletableFuture<KioskConfig> configuring;
  private static CompletableFuture<KioskRuntime> booting;
  private static volatile Throwable bootFailure;
  private static PrintStream readySignal;

  private volatile KioskRuntime runtime;
  private FxTaskRunner tasks;
  private KioskUi ui;

  /**
   * Runs the kiosk until the staff close it; blocks. The window opens as soon as the configuration
   * is known; the screens are attached when the runtime (store, devices) is ready. A failed boot
   * closes JavaFX again; see {@link #bootFailure()}.
   *
   * @param ready where to write {@code KIOSK-READY <ms since JVM start>} once the attract screen is
   *     laid out (benchmarks), or null
   */
  static void run(CompletableFuture<KioskConfig> config, CompletableFuture<KioskRuntime> boot, PrintStream ready) {
    configuring = config;
    booting = boot;
    readySignal = ready;
    Application.launch(KioskApplication.class);
  }

  /** Why the kiosk could not be built (a configuration error, an unreadable store), if it could not. */
  static Optional<Throwable> bootFailure() {
    return Optional.ofNullable(bootFailure);
  }

  @Override
  public void start(Stage stage) {
    KioskFonts.load();
    KioskConfig config;
    try {
      config = configuring.join(); // a local file, read while JavaFX started
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      fail(e);
      return;
    }
    Scene scene = KioskStage.prepare(stage, config.ui().fullScreen(), new I18n(config.kiosk().locales()).text(Msg.APP_TITLE));
    stage.show();
    booting.whenComplete((built, error) -> Platform.runLater(() -> {
      if (error != null) {
        fail(error);
      } else {
        attach(built, scene);
      }
    }));
  }

  private void attach(KioskRuntime built, Scene scene) {
    long t0 = System.nanoTime();
    runtime = built;
    runtime.start();
    tasks = new FxTaskRunner();
    ui = new KioskUi(runtime, tasks, Platform::runLater, Platform::exit);
    ui.attach(scene);
    log.info("Start-up: runtime ready and screens attached at {} ms ({} ms on the JavaFX thread)",
        ManagementFactory.getRuntimeMXBean().getUptime(), (System.nanoTime() - t0) / 1_000_000);
    if (readySignal != null) {
      Runnable[] once = new Runnable[1];
      once[0] =
          () -> {
            scene.removePostLayoutPulseListener(once[0]);
            readySignal.println("KIOSK-READY " + ManagementFactory.getRuntimeMXBean().getUptime());
            readySignal.flush();
          };
      scene.addPostLayoutPulseListener(once[0]);
    }
  }

  private static void fail(Throwable error) {
    bootFailure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    Platform.exit();
  }

  /**
   * Closes the devices and the store on a thread of its own, so that the JavaFX thread never waits
   * on them; the JVM ends when that thread is done.
   */
  @Override
  public void stop() {
    if (ui != null) {
      ui.stop();
    }
    KioskRuntime closing = runtime;
    FxTaskRunner background = tasks;
    Thread shutdown =
        new Thread(
            () -> {
              if (background != null) {
                background.close();
              }
              if (closing != null) {
                closing.close();
              }
            },
            "kiosk-shutdown");
    shutdown.setDaemon(false);
    shutdown.start();
  }
}
