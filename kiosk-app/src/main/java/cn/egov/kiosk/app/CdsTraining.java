package cn.egov.kiosk.app;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.runtime.ConfigFiles;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskStage;
import cn.egov.kiosk.ui.KioskUi;
import cn.egov.kiosk.ui.Screen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The training run of the class-data-sharing archive ({@code ./kiosk} runs it once after each
 * build, under {@code -XX:ArchiveClassesAtExit}): the kiosk's start-up path as it really runs, on
 * the demo configuration in a temporary folder (simulated devices, nothing of a real kiosk's store
 * touched), and every screen built, styled in both themes and drawn off screen, but no window
 * shown. The JVM archives every class it loaded as it exits; a kiosk started with the archive
 * maps those classes instead of loading and verifying them again.
 */
final class CdsTraining {
    private CdsTraining() {}

    /** Exit 0 when the run went through (the archive is then written as the JVM exits). */
    static int run() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-cds-training-");
        try {
            Path config = Files.createDirectories(dir.resolve("config")).resolve("demo.yaml");
            Files.copy(
                    ConfigFiles.defaultConfig(),
                    config,
                    StandardCopyOption.REPLACE_EXISTING); // its ../var lands in the folder
            KioskWindow.startToolkit();
            KioskConfig loaded;
            try {
                loaded = ConfigLoader.load(config);
            } catch (ConfigException e) {
                return Main.EXIT_CONFIG;
            }
            KioskRuntime runtime = Main.boot(loaded);
            try (runtime) {
                KioskWindow.awaitToolkit();
                CompletableFuture<Void> drawn = new CompletableFuture<>();
                FxTaskRunner tasks = new FxTaskRunner();
                Platform.runLater(() -> {
                    try {
                        KioskFonts.load();
                        runtime.start();
                        KioskUi ui =
                                new KioskUi(UiWiring.services(runtime, tasks), tasks, Platform::runLater, () -> {});
                        Scene scene = KioskStage.prepare(new Stage(), false, "training");
                        ui.attach(scene);
                        for (boolean elderly : new boolean[] {false, true}) {
                            for (Screen screen : Screen.values()) {
                                ui.navigator().go(screen);
                                scene.getRoot().applyCss();
                                scene.getRoot().layout();
                                scene.snapshot(null);
                            }
                            ui.i18n().setLocale(Locale.ENGLISH);
                            ui.themes().toggleElderly();
                        }
                        ui.stop();
                        drawn.complete(null);
                    } catch (RuntimeException | Error e) {
                        drawn.completeExceptionally(e);
                    }
                });
                drawn.get(60, TimeUnit.SECONDS);
                tasks.close();
            } finally {
                Platform.exit();
            }
            return 0;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
