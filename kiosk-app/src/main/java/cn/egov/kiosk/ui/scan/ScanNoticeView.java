package cn.egov.kiosk.ui.scan;

import cn.egov.kiosk.ui.Msg;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** What a scanned code nobody takes is, said over the current screen until "知道了" or 20 seconds. */
public final class ScanNoticeView {
    /** Long enough to read twice at an older citizen's pace. */
    private static final Duration SHOWN = Duration.seconds(20);

    private final StackPane root = new StackPane();

    public ScanNoticeView(ScanRouter vm) {
        root.setId("scan-notice");
        root.getStyleClass().add("overlay");
        Label title = new Label();
        title.setId("scan-notice-title");
        title.getStyleClass().add("dialog-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleText());
        Label text = new Label();
        text.setId("scan-notice-text");
        text.getStyleClass().add("hint");
        text.setWrapText(true);
        text.textProperty().bind(vm.bodyText());
        Button ok = new Button();
        ok.setId("scan-notice-ok");
        ok.getStyleClass().add("primary-button");
        ok.textProperty().bind(vm.i18n().bind(Msg.SCAN_NOTICE_OK));
        ok.setOnAction(e -> vm.dismiss());
        VBox dialog = new VBox(title, text, ok);
        dialog.getStyleClass().add("dialog");
        root.getChildren().add(dialog);
        root.visibleProperty().bind(vm.shownProperty());
        PauseTransition timeUp = new PauseTransition(SHOWN);
        timeUp.setOnFinished(e -> vm.dismiss());
        vm.shownProperty().addListener((obs, was, now) -> {
            if (now) {
                timeUp.playFromStart();
            } else {
                timeUp.stop();
            }
        });
    }

    public Node root() {
        return root;
    }
}
