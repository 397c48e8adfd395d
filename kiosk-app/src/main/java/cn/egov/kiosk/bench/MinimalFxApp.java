package cn.egov.kiosk.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The startup baseline: the smallest JavaFX application, a label on a stage, started the same way
 * as the kiosk and reporting {@code FX-READY} at the same point (after the first layout pulse).
 */
public final class MinimalFxApp extends Application {

    public static void main(String[] args) {
        Application.launch(MinimalFxApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("baseline")), 800, 600);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.out.println(
                    "FX-READY " + ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.flush();
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setScene(scene);
        stage.show();
    }
}
