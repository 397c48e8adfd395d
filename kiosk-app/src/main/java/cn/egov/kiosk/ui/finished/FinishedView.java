package cn.egov.kiosk.ui.finished;

import cn.egov.kiosk.ui.Msg;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The end of a finished flow's screen: 办理其他业务 beside 退出, and the countdown. The flow's view
 * gives the controls their ids ({@code ticket-other}...): each flow's screen has one.
 */
public final class FinishedView {
    private final HBox root;
    private final Label countdown = new Label();
    private final Button other = new Button();
    private final Button exit = new Button();

    public FinishedView(FinishedViewModel vm) {
        countdown.getStyleClass().add("countdown");
        countdown.textProperty().bind(vm.countdownText());
        countdown.visibleProperty().bind(vm.countingProperty());
        other.getStyleClass().add("nav-button");
        other.textProperty().bind(vm.i18n().bind(Msg.FINISHED_OTHER));
        other.setOnAction(e -> vm.otherService());
        exit.getStyleClass().add("primary-button");
        exit.textProperty().bind(vm.i18n().bind(Msg.FINISHED_EXIT));
        exit.setOnAction(e -> vm.exit());
        // one row, so that a screen in large type keeps room for it
        root = new HBox(32, other, exit, countdown);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("finished");
    }

    public Node root() {
        return root;
    }

    public Label countdown() {
        return countdown;
    }

    public Button other() {
        return other;
    }

    public Button exit() {
        return exit;
    }
}
