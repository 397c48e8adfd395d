package cn.egov.kiosk.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's window, before and after its screens exist: undecorated at the screen's bounds
 * (full-screen mode gives a centred 1024x768 window without a window manager), always on top,
 * refusing close requests, Escape and Alt+F4. Shows a neutral "starting" view until the screens are
 * attached, so the window is up while the store and devices are still being prepared.
 */
public final class KioskStage {
    private static final Logger log = LoggerFactory.getLogger(KioskStage.class);

    private KioskStage() {}

    /** Sets the stage up and gives it a scene with the starting view; the caller shows it. */
    public static Scene prepare(Stage stage, boolean fullScreen, String title) {
        StackPane starting = new StackPane(); // plain: nothing to lay out or animate while starting
        starting.setId("starting");
        starting.setStyle("-fx-background-color: #0b5cad;");
        Scene scene;
        if (fullScreen) {
            Rectangle2D bounds = Screen.getPrimary().getBounds();
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            scene = new Scene(starting, bounds.getWidth(), bounds.getHeight());
            stage.setAlwaysOnTop(true);
        } else {
            scene = new Scene(starting, 1280, 800);
        }
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(e -> {
            e.consume();
            log.info("Close request refused: the kiosk closes only through the staff PIN");
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || (e.getCode() == KeyCode.F4 && e.isAltDown())) {
                e.consume();
            }
        });
        return scene;
    }
}
