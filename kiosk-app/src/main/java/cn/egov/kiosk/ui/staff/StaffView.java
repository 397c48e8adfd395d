package cn.egov.kiosk.ui.staff;

import cn.egov.kiosk.ui.Msg;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The staff PIN pad over the current screen. */
public final class StaffView {
    private final StackPane root = new StackPane();

    public StaffView(StaffViewModel vm) {
        root.setId("staff-pin");
        root.getStyleClass().add("overlay");
        Label title = new Label();
        title.getStyleClass().add("dialog-title");
        title.textProperty().bind(vm.i18n().bind(Msg.STAFF_TITLE));
        Label display = new Label();
        display.setId("staff-pin-display");
        display.getStyleClass().add("pin-display");
        display.textProperty().bind(vm.maskedProperty());
        Label message = new Label();
        message.setId("staff-pin-message");
        message.getStyleClass().add("pin-message");
        message.textProperty().bind(vm.messageProperty());

        GridPane keys = new GridPane();
        keys.setHgap(10);
        keys.setVgap(10);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            keys.add(key(vm, d), (d - 1) % 3, (d - 1) / 3);
        }
        Button clear = new Button();
        clear.setId("staff-pin-clear");
        clear.getStyleClass().add("pin-key");
        clear.textProperty().bind(vm.i18n().bind(Msg.STAFF_CLEAR));
        clear.setOnAction(e -> vm.clearEntry());
        keys.add(clear, 0, 3);
        keys.add(key(vm, 0), 1, 3);

        Button exit = new Button();
        exit.setId("staff-pin-submit");
        exit.getStyleClass().add("primary-button");
        exit.textProperty().bind(vm.i18n().bind(Msg.STAFF_EXIT));
        exit.setOnAction(e -> vm.submit());
        Button cancel = new Button();
        cancel.setId("staff-pin-cancel");
        cancel.getStyleClass().add("nav-button");
        cancel.textProperty().bind(vm.i18n().bind(Msg.STAFF_CANCEL));
        cancel.setOnAction(e -> vm.cancel());
        HBox actions = new HBox(20, cancel, exit);
        if (vm.offersPlatform()) {
            Button platform = new Button();
            platform.setId("staff-pin-platform");
            platform.getStyleClass().add("nav-button");
            platform.textProperty().bind(vm.i18n().bind(Msg.STAFF_PLATFORM));
            platform.setOnAction(e -> vm.submitForPlatform());
            actions.getChildren().add(1, platform);
        }
        if (vm.offersPayments()) {
            Button payments = new Button();
            payments.setId("staff-pin-payments");
            payments.getStyleClass().add("nav-button");
            payments.textProperty().bind(vm.i18n().bind(Msg.STAFF_PAYMENTS));
            payments.setOnAction(e -> vm.submitForPayments());
            actions.getChildren().add(actions.getChildren().size() - 1, payments);
        }
        if (vm.offersSettings()) {
            Button settings = new Button();
            settings.setId("staff-pin-settings");
            settings.getStyleClass().add("nav-button");
            settings.textProperty().bind(vm.i18n().bind(Msg.STAFF_SETTINGS));
            settings.setOnAction(e -> vm.submitForSettings());
            actions.getChildren().add(actions.getChildren().size() - 1, settings);
        }
        actions.setAlignment(Pos.CENTER);

        VBox dialog = new VBox(title, display, message, keys, actions);
        dialog.getStyleClass().addAll("dialog", "staff-pin-dialog");
        root.getChildren().add(dialog);
        root.visibleProperty().bind(vm.visibleProperty());
    }

    private static Button key(StaffViewModel vm, int digit) {
        Button b = new Button(Integer.toString(digit));
        b.setId("staff-pin-" + digit);
        b.getStyleClass().add("pin-key");
        b.setFocusTraversable(false);
        b.setOnAction(e -> vm.digit(digit));
        return b;
    }

    public Node root() {
        return root;
    }
}
