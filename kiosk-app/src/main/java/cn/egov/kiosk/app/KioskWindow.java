package cn.egov.kiosk.app;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.scanner.wedge.WedgeScanner;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.runtime.ServiceNotifier;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskStage;
import cn.egov.kiosk.ui.KioskUi;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.scan.WedgeInput;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk on screen. The JavaFX runtime is started as early as possible, on a thread of its own,
 * while the command line is read and the configuration, store and devices are prepared on others;
 * the window opens with its screens once both are ready. The JavaFX thread never waits: the
 * runtime is attached when it is ready, and closed on a thread of its own at the end.
 */
final class KioskWindow {
    private static final Logger log = LoggerFactory.getLogger(KioskWindow.class);
    private static final CompletableFuture<Void> toolkit = new CompletableFuture<>();
    private static final AtomicBoolean toolkitRequested = new AtomicBoolean();

    private final CompletableFuture<KioskRuntime> booting;
    private final PrintStream readySignal;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile KioskRuntime runtime;
    private FxTaskRunner tasks;
    private KioskUi ui;
    private volatile Optional<UiWatchdog> watchdog = Optional.empty();

    private KioskWindow(CompletableFuture<KioskRuntime> booting, PrintStream readySignal) {
        this.booting = booting;
        this.readySignal = readySignal;
    }

    /** Starts the JavaFX runtime in the background, once; {@link #run} waits for it. */
    static void startToolkit() {
        if (!toolkitRequested.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        Platform.startup(() -> toolkit.complete(null));
                    } catch (RuntimeException | Error e) {
                        toolkit.completeExceptionally(e);
                    }
                },
                "fx-startup");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the JavaFX runtime {@link #startToolkit} started. */
    static void awaitToolkit() {
        try {
            toolkit.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Shows the kiosk until the staff close it; blocks the calling (main) thread, never the JavaFX
     * one.
     *
     * @param ready where to write {@code KIOSK-READY <ms since JVM start>} once the attract screen is
     *     laid out (benchmarks), or null
     * @return why the kiosk could not be built (a configuration error, an unreadable store, a data
     *     folder in use), if it could not
     * @throws IllegalStateException when JavaFX cannot start (no display reachable)
     */
    static Optional<Throwable> run(
            CompletableFuture<KioskConfig> configuring, CompletableFuture<KioskRuntime> booting, PrintStream ready)
            throws InterruptedException {
        startToolkit();
        awaitToolkit();
        KioskFonts.load(); // reads the font file: here, not on the JavaFX thread
        Platform.setImplicitExit(false);
        KioskWindow window = new KioskWindow(booting, ready);
        configuring.whenComplete((config, error) -> Platform.runLater(() -> {
            if (error != null) {
                window.end(error);
            } else {
                window.open(config);
            }
        }));
        window.ended.await();
        return Optional.ofNullable(window.failure);
    }

    private void open(KioskConfig config) {
        Stage stage = new Stage();
        Scene scene = KioskStage.prepare(
                stage, config.ui().fullScreen(), new I18n(config.kiosk().locales()).text(Msg.APP_TITLE));
        // shown with its screens in one go; a plain starting view only if the runtime keeps us waiting
        PauseTransition slowBoot = new PauseTransition(Duration.seconds(1));
        slowBoot.setOnFinished(e -> stage.show());
        slowBoot.play();
        booting.whenComplete((built, error) -> Platform.runLater(() -> {
            slowBoot.stop();
            if (error != null) {
                end(error);
            } else {
                attach(built, scene);
                stage.show();
            }
        }));
    }

    /**
     * Puts the screens in the window. The devices, the platform and the simulator control start
     * once the attract screen is laid out: the two cores draw it first, and the screen shows the
     * devices' state as they come up (as after any reconnection).
     */
    private void attach(KioskRuntime built, Scene scene) {
        long t0 = System.nanoTime();
        runtime = built;
        tasks = new FxTaskRunner();
        ui = new KioskUi(UiWiring.services(runtime, tasks), tasks, Platform::runLater, () -> end(null));
        ui.attach(scene);
        // a scanner that types like a keyboard: its keys are caught on the scene, before any field;
        // the catcher follows the device staff reconfigure (a new device object) or remove
        WedgeInput wedge = new WedgeInput(
                scene, () -> runtime.devices().first(DeviceClass.BARCODE_SCANNER, WedgeScanner.class), tasks);
        wedge.follow();
        runtime.devices().health().addListener(h -> {
            if (h.deviceClass() == DeviceClass.BARCODE_SCANNER) {
                Platform.runLater(wedge::follow);
            }
        });
        log.info(
                "Start-up: screens attached at {} ms ({} ms on the JavaFX thread)",
                ManagementFactory.getRuntimeMXBean().getUptime(),
                (System.nanoTime() - t0) / 1_000_000);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (readySignal != null) {
                readySignal.println(
                        "KIOSK-READY " + ManagementFactory.getRuntimeMXBean().getUptime());
                readySignal.flush();
            }
            // under systemd: ready now, and the watchdog told only while this thread answers (its
            // helper process is started off this thread)
            Thread notifying = new Thread(
                    () -> watchdog = UiWatchdog.ready(Platform::runLater, ServiceNotifier.fromEnvironment()),
                    "ui-watchdog-start");
            notifying.setDaemon(true);
            notifying.start();
            // the devices, the platform and the simulator control open files and sockets: not here
            tasks.run(
                    () -> {
                        runtime.start();
                        return null;
                    },
                    started -> {},
                    error -> log.error("The kiosk's services did not start", error));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * Ends the kiosk: a failed start ({@code error}), or the staff closing it. Devices and the store
     * are closed on a thread of its own; JavaFX ends after them.
     */
    private void end(Throwable error) {
        failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (ui != null) {
            ui.stop();
        }
        watchdog.ifPresent(UiWatchdog::close);
        KioskRuntime closing = runtime;
        FxTaskRunner background = tasks;
        Thread shutdown = new Thread(
                () -> {
                    try {
                        if (background != null) {
                            background.close();
                        }
                        if (closing != null) {
                            closing.close();
                        }
                    } finally {
                        Platform.exit();
                        ended.countDown();
                    }
                },
                "kiosk-shutdown");
        shutdown.start();
    }
}
