package cn.egov.kiosk.ui.staff;

import cn.egov.kiosk.ui.Msg;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Staff's platform panel over the current screen. */
public final class PlatformPanelView {
    private final StackPane root = new StackPane();

    public PlatformPanelView(PlatformPanelViewModel vm) {
        root.setId("staff-platform");
        root.getStyleClass().add("overlay");
        Label title = new Label();
        title.getStyleClass().add("dialog-title");
        title.textProperty().bind(vm.i18n().bind(Msg.STAFF_PLATFORM_TITLE));
        Label status = new Label();
        status.setId("staff-platform-status");
        status.setWrapText(true);
        status.getStyleClass().add("panel-line");
        status.textProperty().bind(vm.statusProperty());
        Label outbox = new Label();
        outbox.setId("staff-platform-outbox");
        outbox.setWrapText(true);
        outbox.getStyleClass().add("panel-line");
        outbox.textProperty().bind(vm.outboxProperty());
        Label warnings = new Label();
        warnings.setId("staff-platform-warnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add("pin-message");
        warnings.textProperty().bind(vm.warningsProperty());
        warnings.visibleProperty().bind(vm.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());
        ListView<String> dead = new ListView<>(vm.deadLetters());
        dead.setId("staff-platform-dead-letters");
        dead.setPrefHeight(220);
        dead.setFocusTraversable(false);
        Label none = new Label();
        none.textProperty().bind(vm.i18n().bind(Msg.STAFF_PLATFORM_NO_DEAD_LETTERS));
        dead.setPlaceholder(none);
        Label message = new Label();
        message.setId("staff-platform-message");
        message.getStyleClass().add("pin-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Button retry = button("staff-platform-retry", "primary-button", vm, Msg.STAFF_PLATFORM_RETRY);
        retry.setOnAction(e -> vm.retryAll());
        Button sync = button("staff-platform-sync", "nav-button", vm, Msg.STAFF_PLATFORM_SYNC);
        sync.setOnAction(e -> vm.syncNow());
        Button close = button("staff-platform-close", "nav-button", vm, Msg.STAFF_PLATFORM_CLOSE);
        close.setOnAction(e -> vm.close());
        retry.disableProperty().bind(vm.busyProperty());
        sync.disableProperty().bind(vm.busyProperty());
        HBox actions = new HBox(20, close, sync, retry);
        actions.setAlignment(Pos.CENTER);

        VBox dialog = new VBox(12, title, status, warnings, outbox, dead, message, actions);
        dialog.getStyleClass().addAll("dialog", "platform-panel");
        root.getChildren().add(dialog);
        root.visibleProperty().bind(vm.visibleProperty());
    }

    private static Button button(String id, String style, PlatformPanelViewModel vm, Msg text) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add(style);
        b.textProperty().bind(vm.i18n().bind(text));
        b.setFocusTraversable(false);
        return b;
    }

    public Node root() {
        return root;
    }
}
