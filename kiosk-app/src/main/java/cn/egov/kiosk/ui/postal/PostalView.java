package cn.egov.kiosk.ui.postal;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.licence.PostalProblem;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.address.AddressPickerView;
import cn.egov.kiosk.ui.address.AddressPickerViewModel;
import cn.egov.kiosk.ui.finished.FinishedView;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out 免费邮寄: the address picker (prefilled from the ID card), the phone on its own pad, the
 * confirmation read back, and the tracking number in large type with the receipt's state.
 */
public final class PostalView {
    private final StackPane root = new StackPane();
    private final AddressPickerViewModel picker;
    private final AddressPickerView pickerView;

    public PostalView(PostalViewModel vm, KeyboardViewModel keyboard, FinishedViewModel finished) {
        root.setId("postal");
        root.setMinHeight(0);
        this.picker = new AddressPickerViewModel(vm.i18n(), keyboard.tasks(), AddressPickerViewModel::sharedDivisions);
        this.pickerView = new AddressPickerView(picker);
        pickerView.focusWhenOpened(false); // the card's address is usually right: no keyboard over it
        VBox address = address(vm, keyboard);
        VBox phone = phone(vm, keyboard);
        VBox confirm = confirm(vm);
        VBox sending = sending(vm);
        VBox done = done(vm, finished);
        VBox failed = failed(vm);
        root.getChildren().addAll(address, phone, confirm, sending, done, failed);
        Runnable show = () -> {
            PostalViewModel.Step s = vm.stepProperty().get();
            address.setVisible(s == PostalViewModel.Step.ADDRESS);
            phone.setVisible(s == PostalViewModel.Step.PHONE);
            confirm.setVisible(s == PostalViewModel.Step.CONFIRM);
            sending.setVisible(s == PostalViewModel.Step.SENDING);
            done.setVisible(s == PostalViewModel.Step.DONE);
            failed.setVisible(s == PostalViewModel.Step.FAILED);
            if (s == PostalViewModel.Step.ADDRESS && vm.licenceProperty().get() != null) {
                openPicker(vm);
                root.requestFocus(); // no field has the focus: no keyboard until the citizen taps the detail
            } else {
                picker.resetForNextCitizen(); // nothing of the address stays in the picker
            }
        };
        vm.stepProperty().addListener((obs, old, now) -> show.run());
        vm.licenceProperty().addListener((obs, old, now) -> show.run());
        picker.preload();
        show.run();
    }

    /** The picker at the address chosen before (back from the phone), else at the card's. */
    private void openPicker(PostalViewModel vm) {
        Address chosen = vm.addressProperty().get();
        if (chosen.isEmpty()) {
            picker.openFromCard(vm.cardAddress(), vm::addressChosen);
        } else {
            picker.open(chosen, vm::addressChosen);
        }
        // no keyboard at once: the card's address is usually right; a tap on the detail brings it
    }

    private VBox address(PostalViewModel vm, KeyboardViewModel keyboard) {
        VBox box = screen("postal-step-address");
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.POSTAL_ADDRESS_TITLE));
        Label hint = label("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.i18n().bind(Msg.POSTAL_ADDRESS_HINT));
        Node picking = pickerView.root();
        VBox content = new VBox(picking);
        VBox.setVgrow(picking, Priority.ALWAYS);
        // at the detail the picker keeps its height and scrolls above the keyboard: confirm stays reachable
        content.minHeightProperty()
                .bind(Bindings.when(picker.stepProperty()
                                .isEqualTo(AddressPickerViewModel.Step.DETAIL)
                                .or(picker.stepProperty().isEqualTo(AddressPickerViewModel.Step.UNAVAILABLE)))
                        .then(Region.USE_PREF_SIZE)
                        .otherwise(0.0));
        KeyboardHost host = new KeyboardHost(content, keyboard);
        host.scrollPane().setFitToHeight(true); // the picker fills the room; its grid scrolls itself
        VBox.setVgrow(host.root(), Priority.ALWAYS);
        // while typing, the field says what is asked: the title's room goes to the picker
        title.visibleProperty().bind(host.keyboardShown().not());
        title.managedProperty().bind(title.visibleProperty());
        hint.visibleProperty().bind(host.keyboardShown().not());
        hint.managedProperty().bind(hint.visibleProperty());
        box.getChildren().addAll(title, hint, host.root());
        return box;
    }

    private static VBox phone(PostalViewModel vm, KeyboardViewModel keyboard) {
        VBox box = screen("postal-step-phone");
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.POSTAL_PHONE_TITLE));
        Label hint = label("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.i18n().bind(Msg.POSTAL_PHONE_HINT));
        Label name = label("form-label");
        name.textProperty().bind(vm.i18n().bind(Msg.POSTAL_PHONE_LABEL));
        TextField field = new TextField();
        field.setId("postal-phone-field");
        field.getStyleClass().add("form-input");
        field.textProperty().bindBidirectional(vm.phoneProperty());
        Keyboards.use(field, KeyboardKind.PHONE, 13);
        Accessible.field(field, name);
        field.setOnAction(e -> vm.phoneDone()); // the keyboard's enter
        Label problem = label("form-problem");
        problem.setId("postal-phone-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.phoneProblemText());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox fields = new VBox(12, hint, name, field, problem);
        fields.getStyleClass().add("form-list");
        KeyboardHost host = new KeyboardHost(fields, keyboard);
        VBox.setVgrow(host.root(), Priority.ALWAYS);
        title.visibleProperty().bind(host.keyboardShown().not());
        title.managedProperty().bind(title.visibleProperty());
        Button next = new Button();
        next.setId("postal-phone-next");
        next.getStyleClass().add("primary-button");
        next.textProperty().bind(vm.i18n().bind(Msg.POSTAL_NEXT));
        next.setOnAction(e -> vm.phoneDone());
        HBox bottom = new HBox(next);
        bottom.getStyleClass().add("form-bottom");
        box.getChildren().addAll(title, host.root(), bottom);
        return box;
    }

    private static VBox confirm(PostalViewModel vm) {
        VBox box = screen("postal-step-confirm");
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.POSTAL_CONFIRM_TITLE));
        Label free = label("hint");
        free.textProperty().bind(vm.i18n().bind(Msg.POSTAL_FREE));
        GridPane facts = new GridPane();
        facts.getStyleClass().add("apply-facts");
        facts.setId("postal-confirm-facts");
        fact(vm, facts, 0, Msg.POSTAL_FACT_LICENCE, "postal-confirm-licence", vm.confirmLicence());
        fact(vm, facts, 1, Msg.POSTAL_FACT_TO, "postal-confirm-name", vm.confirmName());
        fact(vm, facts, 2, Msg.POSTAL_FACT_PHONE, "postal-confirm-phone", vm.confirmPhone());
        fact(vm, facts, 3, Msg.POSTAL_FACT_ADDRESS, "postal-confirm-address", vm.confirmAddress());
        Button change = new Button();
        change.setId("postal-change-address");
        change.getStyleClass().add("nav-button");
        change.textProperty().bind(vm.i18n().bind(Msg.POSTAL_CHANGE_ADDRESS));
        change.setOnAction(e -> vm.changeAddress());
        change.visibleProperty().bind(vm.sentProperty().not()); // sent once, the recipient stays
        change.managedProperty().bind(change.visibleProperty());
        change.setFocusTraversable(false);
        Button confirm = new Button();
        confirm.setId("postal-confirm");
        confirm.getStyleClass().add("primary-button");
        confirm.textProperty().bind(vm.i18n().bind(Msg.POSTAL_CONFIRM));
        confirm.setOnAction(e -> vm.confirm());
        confirm.setFocusTraversable(false);
        HBox buttons = new HBox(32, change, confirm);
        buttons.setAlignment(Pos.CENTER);
        buttons.setMinHeight(Region.USE_PREF_SIZE);
        box.getChildren().addAll(title, free, scroll(facts), buttons);
        return box;
    }

    /** One line of the read-back: what it is, and its value (wrapping in large type). */
    private static void fact(
            PostalViewModel vm, GridPane facts, int row, Msg name, String id, ObservableValue<String> value) {
        Label l = label("apply-fact-label");
        l.textProperty().bind(vm.i18n().bind(name));
        Label v = label("apply-fact-value");
        v.setId(id);
        v.textProperty().bind(value);
        facts.addRow(row, l, v);
    }

    private static VBox sending(PostalViewModel vm) {
        VBox box = screen("postal-step-sending");
        box.setAlignment(Pos.CENTER);
        Label text = label("login-instruction");
        text.textProperty().bind(vm.i18n().bind(Msg.POSTAL_SENDING));
        box.getChildren().addAll(new ProgressIndicator(), text);
        return box;
    }

    private static VBox done(PostalViewModel vm, FinishedViewModel finished) {
        VBox box = screen("postal-step-done");
        box.setAlignment(Pos.CENTER);
        Node icon = new Group(Icons.check());
        icon.getStyleClass().add("big-icon");
        Label title = label("screen-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.i18n().bind(Msg.POSTAL_DONE_TITLE));
        Label trackingName = label("hint");
        trackingName.textProperty().bind(vm.i18n().bind(Msg.POSTAL_TRACKING));
        Label tracking = label("big-figure");
        tracking.setId("postal-tracking");
        tracking.textProperty().bind(vm.trackingProperty());
        Label receipt = label("record-note");
        receipt.setId("postal-receipt");
        receipt.setWrapText(true);
        receipt.textProperty().bind(vm.receiptText());
        Button again = new Button();
        again.setId("postal-receipt-retry");
        again.getStyleClass().add("nav-button");
        again.textProperty().bind(vm.i18n().bind(Msg.POSTAL_RECEIPT_RETRY));
        again.setOnAction(e -> vm.printReceipt(true));
        again.visibleProperty().bind(vm.receiptProperty().isEqualTo(PostalViewModel.Receipt.NOT_PRINTED));
        again.managedProperty().bind(again.visibleProperty());
        Label hint = label("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.i18n().bind(Msg.POSTAL_DONE_HINT));
        FinishedView end = new FinishedView(finished);
        end.countdown().setId("postal-countdown");
        end.other().setId("postal-other");
        end.exit().setId("postal-finish");
        Region gap = new Region();
        gap.setMinHeight(8);
        box.getChildren().addAll(icon, title, trackingName, tracking, receipt, again, hint, gap, end.root());
        return box;
    }

    private static VBox failed(PostalViewModel vm) {
        VBox box = screen("postal-step-failed");
        box.setAlignment(Pos.CENTER);
        Node icon = new Group(Icons.cross());
        icon.getStyleClass().add("big-icon");
        Label problem = label("failure-reason");
        problem.setId("postal-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemText());
        Label next = label("login-instruction");
        next.setWrapText(true);
        next.textProperty().bind(vm.nextStepText());
        Label code = label("error-code");
        code.setId("postal-problem-code");
        code.textProperty().bind(vm.problemCodeText());
        Button retry = new Button();
        retry.setId("postal-retry");
        retry.getStyleClass().add("primary-button");
        retry.textProperty().bind(vm.i18n().bind(Msg.POSTAL_RETRY));
        retry.setOnAction(e -> vm.confirm());
        retry.visibleProperty().bind(vm.problemProperty().isEqualTo(PostalProblem.OFFLINE));
        retry.managedProperty().bind(retry.visibleProperty());
        box.getChildren().addAll(icon, problem, next, code, retry);
        return box;
    }

    public Node root() {
        return root;
    }
}
