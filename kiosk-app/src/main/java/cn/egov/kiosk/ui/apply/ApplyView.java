package cn.egov.kiosk.ui.apply;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.PlainWords;
import cn.egov.kiosk.ui.finished.FinishedView;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import cn.egov.kiosk.ui.pay.FeeStepView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * Lays out 自助申办, one screen per decision: the card's data to check, the form to complete (the
 * form's own view, over the on-screen keyboard), the application read back to confirm, submitting,
 * the fee step of an item with a fee (under a line saying the application is in), and done: the
 * number or the kiosk's reference, the receipt printing, where the fee stands ("pay" again while it
 * is due and payable here).
 */
public final class ApplyView {
    private final StackPane root = new StackPane();
    private final ApplyViewModel vm;
    private final I18n i18n;

    /** @param form the form's own screen over the on-screen keyboard (its fields, their messages, next) */
    public ApplyView(ApplyViewModel vm, Node form, FinishedViewModel finished) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("apply");
        root.setMinHeight(0);
        VBox loading = centred(screen("apply-loading"), Msg.APPLY_LOADING);
        VBox check = check();
        VBox formStep = formStep(form);
        VBox confirm = confirm();
        VBox submitting = centred(screen("apply-submitting"), Msg.APPLY_SUBMITTING);
        VBox pay = pay();
        VBox done = done(finished);
        VBox failed = screen("apply-failed");
        failed.setAlignment(Pos.CENTER);
        Label failedCode = label("error-code");
        failedCode.setId("apply-failed-code");
        failedCode.textProperty().bind(vm.failureCodeText());
        failed.getChildren().addAll(text("failure-reason", Msg.APPLY_FAILED), failedCode);
        VBox refused = screen("apply-refused");
        refused.setAlignment(Pos.CENTER);
        Label why = label("failure-reason");
        why.setId("apply-refused-text");
        why.textProperty().bind(vm.doneText());
        Label refusedCode = label("error-code");
        refusedCode.setId("apply-refused-code");
        refusedCode.textProperty().bind(vm.failureCodeText());
        refused.getChildren().addAll(why, refusedCode);
        root.getChildren().addAll(loading, check, formStep, confirm, submitting, pay, done, refused, failed);
        Runnable show = () -> {
            ApplyViewModel.Step s = vm.stepProperty().get();
            loading.setVisible(s == ApplyViewModel.Step.LOADING || s == ApplyViewModel.Step.IDLE);
            check.setVisible(s == ApplyViewModel.Step.CHECK);
            formStep.setVisible(s == ApplyViewModel.Step.FORM);
            if (s == ApplyViewModel.Step.FORM) {
                root.requestFocus(); // no field chosen yet: the keyboard comes when the citizen taps one
            }
            confirm.setVisible(s == ApplyViewModel.Step.CONFIRM);
            submitting.setVisible(s == ApplyViewModel.Step.SUBMITTING);
            pay.setVisible(s == ApplyViewModel.Step.PAY);
            done.setVisible(s == ApplyViewModel.Step.DONE);
            refused.setVisible(s == ApplyViewModel.Step.REFUSED);
            failed.setVisible(s == ApplyViewModel.Step.FAILED);
        };
        vm.stepProperty().addListener((obs, old, now) -> show.run());
        show.run();
    }

    private VBox centred(VBox box, Msg msg) {
        box.setAlignment(Pos.CENTER);
        box.getChildren().addAll(new ProgressIndicator(), text("login-instruction", msg));
        return box;
    }

    private VBox check() {
        VBox box = screen("apply-check");
        Label item = itemName("apply-check-item");
        GridPane facts = new GridPane();
        facts.getStyleClass().add("apply-facts");
        facts.addRow(
                0, text("apply-fact-label", Msg.APPLY_CHECK_NAME), bound("apply-check-name", vm.maskedNameProperty()));
        facts.addRow(
                1,
                text("apply-fact-label", Msg.APPLY_CHECK_NUMBER),
                bound("apply-check-number", vm.maskedNumberProperty()));
        Label addressLabel = text("apply-fact-label", Msg.APPLY_CHECK_ADDRESS);
        Label address = bound("apply-check-address", vm.maskedAddressProperty());
        addressLabel.visibleProperty().bind(vm.maskedAddressProperty().isNotEmpty());
        address.visibleProperty().bind(vm.maskedAddressProperty().isNotEmpty());
        facts.addRow(2, addressLabel, address);
        Button ok = button("apply-check-ok", "primary-button", Msg.APPLY_CHECK_OK);
        ok.setOnAction(e -> vm.confirmIdentity());
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPLY_CHECK_TITLE),
                        item,
                        text("hint", Msg.APPLY_CHECK_HINT),
                        facts,
                        ok,
                        text("hint", Msg.APPLY_CHECK_WRONG));
        return box;
    }

    /** The form's own screen (title, fields, next) over the on-screen keyboard. */
    private static VBox formStep(Node form) {
        VBox box = new VBox(form);
        box.setId("apply-form");
        box.setMinHeight(0);
        VBox.setVgrow(form, Priority.ALWAYS);
        return box;
    }

    private VBox confirm() {
        VBox box = screen("apply-confirm");
        GridPane lines = new GridPane();
        lines.getStyleClass().add("apply-facts");
        lines.setId("apply-confirm-lines");
        // the hint and the labels with each official term followed by its everyday words
        TextFlow hint = PlainWords.flow(List.of(), () -> label("hint"), i18n);
        Runnable fill = () -> {
            PlainWords.fill(hint, vm.explain(i18n.text(Msg.APPLY_CONFIRM_HINT)), () -> label("hint"), i18n);
            lines.getChildren().clear();
            int row = 0;
            for (ApplyViewModel.Line line : vm.confirmation()) {
                TextFlow l = PlainWords.flow(vm.explain(line.label()), () -> label("apply-fact-label"), i18n);
                Label v = plain("apply-fact-value", line.value());
                v.setId("apply-confirm-" + line.fieldId());
                lines.addRow(row++, l, v);
            }
        };
        vm.stepProperty().addListener((obs, was, now) -> {
            if (now == ApplyViewModel.Step.CONFIRM) {
                fill.run();
            }
        });
        ScrollPane scroll = new ScrollPane(lines);
        scroll.getStyleClass().add("kiosk-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button edit = button("apply-edit", "nav-button", Msg.APPLY_EDIT);
        edit.setOnAction(e -> vm.edit());
        Button submit = button("apply-submit", "primary-button", Msg.APPLY_SUBMIT);
        submit.setOnAction(e -> vm.submit());
        HBox buttons = new HBox(32, edit, submit);
        buttons.setAlignment(Pos.CENTER);
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPLY_CONFIRM_TITLE),
                        itemName("apply-confirm-item"),
                        hint,
                        scroll,
                        buttons);
        return box;
    }

    /** The fee step, under a line that says the application is in; empty where the kiosk takes no payments. */
    private VBox pay() {
        VBox box = new VBox();
        box.setId("apply-pay");
        box.setMinHeight(0);
        vm.fee().ifPresent(fee -> {
            Label banner = label("apply-fee-banner");
            banner.setId("apply-fee-banner");
            banner.textProperty().bind(vm.feeBannerText());
            Node step = new FeeStepView(fee).root();
            VBox.setVgrow(step, Priority.ALWAYS);
            box.getChildren().addAll(banner, step);
        });
        return box;
    }

    private VBox done(FinishedViewModel finished) {
        VBox box = screen("apply-done");
        box.setAlignment(Pos.CENTER);
        Node tick = new Group(Icons.check());
        tick.getStyleClass().add("big-icon");
        Label what = label("apply-done-text");
        what.setId("apply-done-text");
        what.textProperty().bind(vm.doneText());
        Label printed = label("hint");
        printed.setId("apply-receipt-status");
        printed.textProperty().bind(vm.receiptText());
        Label receiptCode = label("error-code");
        receiptCode.setId("apply-receipt-code");
        receiptCode.textProperty().bind(vm.receiptCodeText());
        receiptCode.managedProperty().bind(receiptCode.textProperty().isNotEmpty());
        Label fee = label("apply-fee-text");
        fee.setId("apply-fee-text");
        fee.textProperty().bind(vm.feeText());
        fee.visibleProperty().bind(fee.textProperty().isNotEmpty());
        fee.managedProperty().bind(fee.visibleProperty());
        Button pay = button("apply-fee-pay", "primary-button", Msg.APPLY_FEE_PAY);
        pay.setOnAction(e -> vm.payFee());
        pay.visibleProperty()
                .bind(Bindings.createBooleanBinding(vm::feePayableHere, vm.feeStateProperty(), vm.stepProperty()));
        pay.managedProperty().bind(pay.visibleProperty());
        Button again = button("apply-receipt-again", "nav-button", Msg.APPLY_RECEIPT_AGAIN);
        again.setOnAction(e -> vm.printReceipt());
        again.visibleProperty().bind(vm.receiptProperty().isEqualTo(ApplyViewModel.ReceiptState.FAILED));
        again.managedProperty().bind(again.visibleProperty());
        FinishedView end = new FinishedView(finished);
        end.countdown().setId("apply-countdown");
        end.other().setId("apply-other");
        end.exit().setId("apply-finish");
        box.getChildren()
                .addAll(
                        tick,
                        text("screen-title", Msg.APPLY_DONE_TITLE),
                        itemName("apply-done-item"),
                        what,
                        printed,
                        receiptCode,
                        again,
                        fee,
                        pay,
                        end.root());
        return box;
    }

    private Label itemName(String id) {
        Label l = label("apply-item");
        l.setId(id);
        l.textProperty().bind(vm.itemName());
        return l;
    }

    private Label text(String style, Msg msg) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(i18n.bind(msg));
        return l;
    }

    private static Label plain(String style, String value) {
        Label l = new Label(value);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    private static Label bound(String id, ObservableValue<String> value) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("apply-fact-value");
        l.textProperty().bind(value);
        return l;
    }

    private Button button(String id, String style, Msg msg) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add(style);
        b.textProperty().bind(i18n.bind(msg));
        b.setFocusTraversable(false);
        return b;
    }

    public Node root() {
        return root;
    }
}
