package cn.egov.kiosk.ui.inactivity;

import cn.egov.kiosk.ui.Msg;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The inactivity warning over the current screen. */
public final class InactivityView {
    private final StackPane root = new StackPane();

    public InactivityView(InactivityViewModel vm) {
        root.setId("inactivity-warning");
        root.getStyleClass().add("overlay");
        Label title = new Label();
        title.getStyleClass().add("dialog-title");
        title.textProperty().bind(vm.i18n().bind(Msg.SESSION_WARNING_TITLE));
        Label seconds = new Label();
        seconds.getStyleClass().add("countdown");
        seconds.textProperty().bind(vm.secondsLeftProperty().asString());
        Label text = new Label();
        text.getStyleClass().add("hint");
        text.setWrapText(true);
        text.textProperty().bind(vm.countdownText());
        Button keepGoing = new Button();
        keepGoing.setId("inactivity-continue");
        keepGoing.getStyleClass().add("primary-button");
        keepGoing.textProperty().bind(vm.i18n().bind(Msg.SESSION_WARNING_CONTINUE));
        keepGoing.setOnAction(e -> vm.keepGoing());
        VBox dialog = new VBox(title, seconds, text, keepGoing);
        dialog.getStyleClass().add("dialog");
        root.getChildren().add(dialog);
        root.visibleProperty().bind(vm.visibleProperty());
    }

    public Node root() {
        return root;
    }
}
