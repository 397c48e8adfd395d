package cn.egov.kiosk.ui.insurance;

import static cn.egov.kiosk.ui.Controls.button;
import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.Controls.text;
import static cn.egov.kiosk.ui.Controls.waiting;

import cn.egov.kiosk.platform.api.InsuranceDues.Due;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.pay.FeeStepView;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out 社保缴费: the citizen's dues (a wide row each: the scheme and year, the amount or "choose
 * a grade", where it stands; only a due to pay can be touched), the pension's grades as large
 * buttons, the fee step, and the pages with nothing to pay: none found, the platform out of reach,
 * a failure.
 */
public final class InsuranceView {
    private final StackPane root = new StackPane();
    private final InsuranceViewModel vm;
    private final I18n i18n;

    public InsuranceView(InsuranceViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("insurance");
        root.setMinHeight(0);
        Map<InsuranceViewModel.Step, Node> steps = new EnumMap<>(InsuranceViewModel.Step.class);
        steps.put(InsuranceViewModel.Step.LOADING, waiting(screen("insurance-loading"), i18n, Msg.INSURANCE_LOADING));
        steps.put(InsuranceViewModel.Step.LIST, list());
        steps.put(InsuranceViewModel.Step.NONE, none());
        steps.put(InsuranceViewModel.Step.GRADE, grades());
        Node pay = new FeeStepView(vm.fee()).root();
        steps.put(InsuranceViewModel.Step.PAY, pay);
        steps.put(InsuranceViewModel.Step.OFFLINE, offline());
        steps.put(InsuranceViewModel.Step.FAILED, failed());
        root.getChildren().addAll(steps.values());
        Runnable show = () -> steps.forEach(
                (s, node) -> node.setVisible(s == vm.stepProperty().get()));
        vm.stepProperty().addListener((obs, was, now) -> show.run());
        show.run();
    }

    private VBox list() {
        VBox box = screen("insurance-list");
        Label title = text(i18n, "screen-title", Msg.INSURANCE_TITLE);
        Label hint = text(i18n, "hint", Msg.INSURANCE_HINT);
        VBox rows = new VBox();
        rows.getStyleClass().add("insurance-rows");
        Runnable fill = () -> {
            rows.getChildren().clear();
            List<Due> dues = vm.dues();
            for (int i = 0; i < dues.size(); i++) {
                rows.getChildren().add(row(dues.get(i), i));
            }
        };
        vm.dues().addListener((ListChangeListener<Due>) c -> fill.run());
        i18n.localeProperty().addListener((obs, was, now) -> fill.run());
        box.getChildren().addAll(title, hint, scroll(rows));
        return box;
    }

    /** One due: a button when it is to be paid, a plain panel otherwise (paid, nothing to pay). */
    private Node row(Due d, int index) {
        Label name = label("insurance-row-title");
        name.setText(vm.rowTitle(d));
        Label amount = label("insurance-row-amount");
        amount.setText(vm.rowAmount(d));
        amount.setVisible(!amount.getText().isEmpty());
        amount.setManaged(amount.isVisible());
        Label status = label(InsuranceViewModel.payable(d) ? "insurance-row-due" : "insurance-row-settled");
        status.setText(vm.rowStatus(d));
        VBox words = new VBox(name, amount, status);
        words.getStyleClass().add("insurance-row-words");
        if (!InsuranceViewModel.payable(d)) {
            words.getStyleClass().add("insurance-row-panel");
            words.setId("insurance-row-" + index);
            return words;
        }
        Button b = new Button();
        b.setId("insurance-row-" + index);
        b.getStyleClass().add("insurance-row");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setGraphic(words);
        // laid out at its width: the wrapping texts are measured there, not one character a line
        b.setWrapText(true);
        b.setOnAction(e -> vm.choose(index));
        b.setFocusTraversable(false);
        Accessible.tile(b);
        return b;
    }

    private VBox grades() {
        VBox box = screen("insurance-grade");
        Label title = bound("screen-title", vm.gradeTitle());
        title.setId("insurance-grade-title");
        Label hint = text(i18n, "login-instruction", Msg.INSURANCE_GRADE_HINT);
        FlowPane grid = new FlowPane();
        grid.getStyleClass().add("insurance-grades");
        Runnable fill = () -> {
            grid.getChildren().clear();
            List<Long> grades = vm.grades();
            for (int i = 0; i < grades.size(); i++) {
                long fen = grades.get(i);
                Button b = new Button();
                b.setId("insurance-grade-" + i);
                b.getStyleClass().add("insurance-grade");
                b.setText(vm.gradeText(fen));
                b.setOnAction(e -> vm.chooseGrade(fen));
                b.setFocusTraversable(false);
                grid.getChildren().add(b);
            }
        };
        vm.chosenProperty().addListener((obs, was, now) -> fill.run());
        i18n.localeProperty().addListener((obs, was, now) -> fill.run());
        box.getChildren().addAll(title, hint, scroll(grid));
        return box;
    }

    private VBox none() {
        VBox box = screen("insurance-none");
        box.setAlignment(Pos.CENTER);
        box.getChildren()
                .addAll(
                        text(i18n, "screen-title", Msg.INSURANCE_NONE_TITLE),
                        text(i18n, "login-instruction", Msg.INSURANCE_NONE_ADVICE));
        return box;
    }

    private VBox offline() {
        VBox box = screen("insurance-offline");
        box.setAlignment(Pos.CENTER);
        Label code = bound("error-code", vm.problemCodeText());
        code.setId("insurance-offline-code");
        Button retry = button(i18n, "insurance-retry", "primary-button", Msg.INSURANCE_RETRY);
        retry.setOnAction(e -> vm.retry());
        box.getChildren()
                .addAll(
                        text(i18n, "failure-reason", Msg.INSURANCE_OFFLINE_TITLE),
                        text(i18n, "login-instruction", Msg.INSURANCE_OFFLINE_ADVICE),
                        code,
                        retry);
        return box;
    }

    private VBox failed() {
        VBox box = screen("insurance-failed");
        box.setAlignment(Pos.CENTER);
        Label code = bound("error-code", vm.problemCodeText());
        code.setId("insurance-failed-code");
        Button retry = button(i18n, "insurance-failed-retry", "primary-button", Msg.INSURANCE_RETRY);
        retry.setOnAction(e -> vm.retry());
        box.getChildren()
                .addAll(
                        text(i18n, "failure-reason", Msg.INSURANCE_FAILED_TITLE),
                        text(i18n, "login-instruction", Msg.INSURANCE_FAILED_ADVICE),
                        code,
                        retry);
        return box;
    }

    private static Label bound(String style, ObservableStringValue value) {
        Label l = label(style);
        l.textProperty().bind(value);
        return l;
    }

    public Node root() {
        return root;
    }
}
