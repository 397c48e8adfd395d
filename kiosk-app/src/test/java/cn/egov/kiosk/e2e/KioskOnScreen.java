package cn.egov.kiosk.e2e;

import cn.egov.kiosk.app.UiWiring;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskUi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The whole kiosk on a TestFX stage, as {@code app.KioskWindow} puts it up: the runtime started,
 * the font loaded and the texts warmed up off the JavaFX thread, then the screens built and shown
 * on it. Closed after each test: the screens stopped, the tasks and the runtime closed.
 */
final class KioskOnScreen implements AutoCloseable {
    /** Reconnection quick enough for a test that moves a device. */
    static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(500));

    private final KioskRuntime runtime;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private KioskUi ui;

    private KioskOnScreen(KioskRuntime runtime) {
        this.runtime = runtime;
    }

    /** The kiosk of this configuration file, on the system clock; exit does nothing. */
    static KioskOnScreen start(FxRobot robot, Stage stage, Path configFile) throws Exception {
        return start(robot, stage, new KioskRuntime(ConfigLoader.load(configFile), Clock.systemUTC(), QUICK), () -> {});
    }

    /** The kiosk of a runtime built by the test (its own clock, configuration); {@code exit} hears 退出程序. */
    static KioskOnScreen start(FxRobot robot, Stage stage, KioskRuntime runtime, Runnable exit) {
        KioskOnScreen kiosk = new KioskOnScreen(runtime);
        runtime.start();
        KioskFonts.load();
        new I18n(runtime.config().kiosk().locales())
                .warmUp(runtime.config().kiosk().timeZone());
        robot.interact(() -> {
            kiosk.ui = new KioskUi(UiWiring.services(runtime, kiosk.tasks), kiosk.tasks, Platform::runLater, exit);
            kiosk.ui.attach(stage, false);
            stage.show();
        });
        return kiosk;
    }

    KioskRuntime runtime() {
        return runtime;
    }

    KioskUi ui() {
        return ui;
    }

    FxTaskRunner tasks() {
        return tasks;
    }

    @Override
    public void close() {
        KioskUi shown = ui;
        if (shown != null) {
            Platform.runLater(shown::stop);
        }
        tasks.close();
        runtime.close();
    }
}
