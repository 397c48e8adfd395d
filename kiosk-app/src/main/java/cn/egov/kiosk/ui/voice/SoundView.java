package cn.egov.kiosk.ui.voice;

import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The sound panel over the current screen: the voice on or off, quieter and louder, the volume as
 * words and as a row of blocks (filled up to the level, outlined above it: the level reads without
 * colour), and done.
 */
public final class SoundView {
    private final StackPane root = new StackPane();

    public SoundView(Guidance guidance) {
        I18n i18n = guidance.i18n();
        root.setId("sound-panel");
        root.getStyleClass().add("overlay");
        Label title = new Label();
        title.getStyleClass().add("dialog-title");
        title.textProperty().bind(i18n.bind(Msg.SOUND_TITLE));
        Label state = new Label();
        state.setId("sound-state");
        state.getStyleClass().add("sound-state");
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.text(guidance.onProperty().get() ? Msg.SOUND_ON : Msg.SOUND_OFF),
                        guidance.onProperty(),
                        i18n.localeProperty()));
        Button toggle = new Button();
        toggle.setId("sound-toggle");
        toggle.getStyleClass().add("primary-button");
        toggle.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.text(guidance.onProperty().get() ? Msg.SOUND_TURN_OFF : Msg.SOUND_TURN_ON),
                        guidance.onProperty(),
                        i18n.localeProperty()));
        toggle.setOnAction(e -> guidance.toggle());

        Button quieter = new Button();
        quieter.setId("sound-quieter");
        quieter.getStyleClass().add("nav-button");
        quieter.textProperty().bind(i18n.bind(Msg.SOUND_QUIETER));
        quieter.setOnAction(e -> guidance.quieter());
        quieter.disableProperty()
                .bind(guidance.onProperty().not().or(guidance.volumeProperty().lessThanOrEqualTo(1)));
        Button louder = new Button();
        louder.setId("sound-louder");
        louder.getStyleClass().add("nav-button");
        louder.textProperty().bind(i18n.bind(Msg.SOUND_LOUDER));
        louder.setOnAction(e -> guidance.louder());
        louder.disableProperty()
                .bind(guidance.onProperty()
                        .not()
                        .or(guidance.volumeProperty().greaterThanOrEqualTo(Guidance.MAX_VOLUME)));
        HBox blocks = new HBox();
        blocks.getStyleClass().add("sound-blocks");
        for (int i = 1; i <= Guidance.MAX_VOLUME; i++) {
            int level = i;
            Rectangle block = new Rectangle();
            block.getStyleClass().add("sound-block");
            block.widthProperty().bind(quieter.heightProperty().multiply(0.3));
            block.heightProperty().bind(quieter.heightProperty().multiply(0.15 + 0.12 * level));
            Runnable fill = () -> block.pseudoClassStateChanged(
                    Controls.SELECTED, guidance.volumeProperty().get() >= level);
            guidance.volumeProperty().addListener((obs, was, now) -> fill.run());
            fill.run();
            blocks.getChildren().add(block);
        }
        blocks.setAlignment(Pos.BOTTOM_CENTER);
        Label level = new Label();
        level.setId("sound-level");
        level.getStyleClass().add("sound-level");
        level.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.text(
                                Msg.SOUND_LEVEL, guidance.volumeProperty().get(), Guidance.MAX_VOLUME),
                        guidance.volumeProperty(),
                        i18n.localeProperty()));
        HBox volume = new HBox(quieter, blocks, louder);
        volume.getStyleClass().add("sound-volume");
        volume.setAlignment(Pos.CENTER);

        Label unavailable = new Label();
        unavailable.setId("sound-unavailable");
        unavailable.getStyleClass().add("notice");
        unavailable.textProperty().bind(i18n.bind(Msg.SOUND_UNAVAILABLE));
        // the speaker finds out on its own thread whether it can speak: asked each time the panel opens
        Runnable ask = () -> {
            boolean cannot = guidance.problem().isPresent();
            unavailable.setVisible(cannot);
            unavailable.setManaged(cannot);
        };
        ask.run();
        guidance.panelOpenProperty().addListener((obs, was, open) -> {
            if (open) {
                ask.run();
            }
        });

        Button done = new Button();
        done.setId("sound-close");
        done.getStyleClass().add("nav-button");
        done.textProperty().bind(i18n.bind(Msg.SOUND_CLOSE));
        done.setOnAction(e -> guidance.closePanel());

        VBox dialog = new VBox(title, state, unavailable, toggle, volume, level, done);
        dialog.getStyleClass().addAll("dialog", "sound-dialog");
        root.getChildren().add(dialog);
        root.visibleProperty().bind(guidance.panelOpenProperty());
    }

    public Node root() {
        return root;
    }
}
