package cn.egov.kiosk.ui.staff;

import static cn.egov.kiosk.ui.Controls.button;
import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.Controls.text;
import static cn.egov.kiosk.ui.admin.AdminPanelFrame.followLines;
import static cn.egov.kiosk.ui.admin.AdminPanelFrame.shownWhen;

import cn.egov.kiosk.payment.PaymentState;
import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.admin.AdminPanelFrame;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Staff's 缴费与对账 over the current screen: the payments for staff (a tap shows a payment's steps
 * and, for one left to staff, the ways to settle it), the chosen day's reconciliation with its
 * differences, and the actions, each that changes something behind a confirmation.
 */
public final class PaymentsPanelView {
    private final PaymentsPanelViewModel vm;
    private final AdminPanelFrame frame;
    private final VBox rowsBox = new VBox();

    public PaymentsPanelView(PaymentsPanelViewModel vm) {
        this.vm = vm;
        I18n i18n = vm.i18n();
        frame = new AdminPanelFrame(i18n, AdminPanelFrame.Look.PAYMENTS, Msg.STAFF_PAY_TITLE, vm);

        // the payments for staff
        Label listTitle = frame.heading(Msg.STAFF_PAY_LIST_TITLE);
        ScrollPane rowsScroll =
                frame.list(rowsBox, this::showRows, vm.rows(), vm.selectedProperty(), vm.loadedProperty());

        // the tapped payment: its steps, and the ways to settle one left for staff
        Label stepsTitle = label("staff-pay-heading");
        stepsTitle.setId("staff-pay-steps-title");
        stepsTitle.textProperty().bind(vm.stepsTitleProperty());
        VBox stepLines = new VBox();
        stepLines.setId("staff-pay-steps");
        stepLines.getStyleClass().add("staff-pay-lines");
        followLines(vm.steps(), stepLines);
        Label settleHint = text(i18n, "panel-line", Msg.STAFF_PAY_SETTLE_HINT);
        FlowPane settleButtons = new FlowPane();
        settleButtons.getStyleClass().add("staff-pay-settle-buttons");
        for (PaymentState to : PaymentsPanelViewModel.SETTLEMENTS) {
            Button b = frame.acting(
                    button(i18n, "staff-pay-settle", "nav-button", PaymentsPanelViewModel.settlementMsg(to)),
                    () -> vm.settle(to));
            b.setId("staff-pay-settle-" + to.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            settleButtons.getChildren().add(b);
        }
        VBox settle = new VBox(settleHint, settleButtons);
        settle.setId("staff-pay-settle");
        settle.getStyleClass().add("staff-pay-section");
        shownWhen(settle, vm.selectedForStaffProperty());
        ScrollPane stepsScroll = scrolled(stepLines, "staff-pay-steps-scroll");
        VBox.setVgrow(stepsScroll, Priority.NEVER); // the list above takes what room there is
        VBox stepsBox = new VBox(stepsTitle, stepsScroll, settle);
        stepsBox.getStyleClass().add("staff-pay-section");
        shownWhen(stepsBox, vm.selectedProperty().isNotEmpty());

        // the chosen day's reconciliation
        Label reportTitle = frame.heading(Msg.STAFF_PAY_REPORT_TITLE);
        Button before = button(i18n, "staff-pay-day-before", "nav-button", Msg.STAFF_PAY_DAY_BEFORE);
        before.setOnAction(e -> vm.previousDay());
        Button after = button(i18n, "staff-pay-day-after", "nav-button", Msg.STAFF_PAY_DAY_AFTER);
        after.setOnAction(e -> vm.nextDay());
        after.disableProperty().bind(vm.laterDayProperty().not());
        Label day = label("panel-line");
        day.setId("staff-pay-day");
        day.textProperty().bind(vm.dayProperty());
        HBox dayBar = frame.bar(Pos.CENTER_LEFT, before, day, after);
        Label totals = label("panel-line");
        totals.setId("staff-pay-totals");
        totals.textProperty().bind(vm.totalsProperty());
        VBox differenceLines = new VBox();
        differenceLines.setId("staff-pay-differences");
        differenceLines.getStyleClass().add("staff-pay-lines");
        followLines(vm.differences(), differenceLines);
        ScrollPane differences = scrolled(differenceLines, "staff-pay-differences-scroll");
        shownWhen(differences, Bindings.isNotEmpty(vm.differences()));

        // the question before an action that changes something
        VBox confirmBox = frame.confirmation(Msg.STAFF_PAY_CONFIRM, Msg.STAFF_PAY_CANCEL);

        Button close = frame.close(Msg.STAFF_PAY_CLOSE);
        Button check = frame.acting(
                button(i18n, "staff-pay-check-again", "nav-button", Msg.STAFF_PAY_CHECK_AGAIN), vm::checkAgain);
        Button reconcile = frame.acting(
                button(i18n, "staff-pay-reconcile", "primary-button", Msg.STAFF_PAY_RECONCILE), vm::reconcile);
        HBox actions = frame.bar(Pos.CENTER, close, check, reconcile);

        // two columns: the payments on the left, the day's reconciliation on the right
        VBox payments = new VBox(listTitle, rowsScroll, stepsBox);
        payments.getStyleClass().add("staff-pay-column");
        VBox report = new VBox(reportTitle, dayBar, totals, differences);
        report.getStyleClass().add("staff-pay-column");
        HBox columns = new HBox(payments, report);
        columns.getStyleClass().add("staff-pay-columns");
        for (VBox column : List.of(payments, report)) {
            column.setPrefWidth(0); // the two share the width equally
            HBox.setHgrow(column, Priority.ALWAYS);
        }
        VBox.setVgrow(columns, Priority.ALWAYS);

        frame.show(columns, confirmBox, frame.message(vm.messageProperty()), actions);
    }

    private void showRows() {
        List<PaymentsPanelViewModel.Row> rows = vm.rows();
        if (rows.isEmpty()) {
            frame.nothingIn(rowsBox, vm.loadedProperty().get() ? Msg.STAFF_PAY_NONE : Msg.STAFF_PAY_LOADING);
            return;
        }
        rowsBox.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            PaymentsPanelViewModel.Row r = rows.get(i);
            // a column of wrapping labels, tapped: a button's graphic would be measured unwrapped
            VBox row = new VBox(
                    label("staff-pay-headline", r.headline()),
                    label("panel-line", r.what()),
                    label("panel-line", r.ids()),
                    label("staff-pay-why", r.why()));
            row.setId("staff-pay-row-" + i);
            row.getStyleClass().addAll("staff-pay-row", r.forStaff() ? "for-staff" : "in-doubt");
            row.pseudoClassStateChanged(
                    Controls.SELECTED, r.orderRef().equals(vm.selectedProperty().get()));
            row.setOnMouseClicked(e -> vm.select(r.orderRef()));
            rowsBox.getChildren().add(row);
        }
    }

    private static ScrollPane scrolled(Node content, String id) {
        ScrollPane s = scroll(content);
        s.setId(id);
        return s;
    }

    public Node root() {
        return frame.root();
    }
}
