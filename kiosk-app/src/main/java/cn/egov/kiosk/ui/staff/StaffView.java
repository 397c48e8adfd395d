package cn.egov.kiosk.ui.staff;

import cn.egov.kiosk.ui.Msg;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The admin side over the current screen: the PIN pad (to come in, to change a PIN, for the first
 * set-up) and, after the right PIN, the role's menu. Panels the menu opens lie above it.
 */
public final class StaffView {
    private final StackPane root = new StackPane();
    private final VBox entries = new VBox(14);
    private final StaffViewModel vm;

    public StaffView(StaffViewModel vm) {
        this.vm = vm;
        root.setId("staff-pin");
        root.getStyleClass().add("overlay");
        Label title = new Label();
        title.setId("staff-title");
        title.getStyleClass().add("dialog-title");
        title.textProperty().bind(vm.titleProperty());
        Label message = new Label();
        message.setId("staff-pin-message");
        message.getStyleClass().add("pin-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        // the pad
        Label display = new Label();
        display.setId("staff-pin-display");
        display.getStyleClass().add("pin-display");
        display.textProperty().bind(vm.maskedProperty());
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
        Button ok = new Button();
        ok.setId("staff-pin-submit");
        ok.getStyleClass().add("primary-button");
        ok.textProperty().bind(vm.i18n().bind(Msg.STAFF_OK));
        ok.disableProperty().bind(vm.busyProperty());
        ok.setOnAction(e -> vm.submit());
        Button cancel = new Button();
        cancel.setId("staff-pin-cancel");
        cancel.getStyleClass().add("nav-button");
        cancel.textProperty().bind(vm.i18n().bind(Msg.STAFF_CANCEL));
        cancel.setOnAction(e -> vm.cancel());
        HBox actions = new HBox(20, cancel, ok);
        actions.setAlignment(Pos.CENTER);
        VBox pad = new VBox(10, display, keys, actions);
        pad.setId("staff-pad");
        pad.setAlignment(Pos.CENTER);

        // the menu
        entries.setId("staff-menu");
        entries.setAlignment(Pos.CENTER);
        entries.setFillWidth(true);
        Button leave = new Button();
        leave.setId("staff-menu-leave");
        leave.getStyleClass().add("nav-button");
        leave.textProperty().bind(vm.i18n().bind(Msg.STAFF_LEAVE));
        leave.setOnAction(e -> vm.leave());
        VBox menu = new VBox(20, entries, leave);
        menu.setAlignment(Pos.CENTER);
        vm.menu().addListener((ListChangeListener<StaffViewModel.Entry>) c -> showEntries());
        showEntries();

        BooleanBinding inMenu = Bindings.equal(vm.modeProperty(), StaffViewModel.Mode.MENU);
        menu.visibleProperty().bind(inMenu);
        menu.managedProperty().bind(inMenu);
        pad.visibleProperty().bind(inMenu.not());
        pad.managedProperty().bind(inMenu.not());

        VBox dialog = new VBox(title, message, pad, menu);
        dialog.getStyleClass().addAll("dialog", "staff-pin-dialog");
        root.getChildren().add(dialog);
        root.visibleProperty().bind(vm.visibleProperty());
    }

    private void showEntries() {
        entries.getChildren().clear();
        for (StaffViewModel.Entry e : vm.menu()) {
            Button b = new Button();
            b.setId("staff-menu-" + e.id());
            b.getStyleClass().add("primary-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.textProperty().bind(vm.i18n().bind(e.title()));
            b.setOnAction(ev -> vm.choose(e.id()));
            entries.getChildren().add(b);
        }
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
