package cn.egov.kiosk.ui.appointment;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.appointment.Choices.fill;
import static cn.egov.kiosk.ui.appointment.Choices.row;
import static cn.egov.kiosk.ui.appointment.Choices.rows;

import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.finished.FinishedView;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out 我的预约: the appointments to come, one chosen, "cancel it?" (one decision), cancelled.
 */
public final class MineView {
    private final StackPane root = new StackPane();
    private final MineViewModel vm;
    private final I18n i18n;

    public MineView(MineViewModel vm, FinishedViewModel finished) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("my-appointments");
        root.setMinHeight(0);
        Map<MineViewModel.Step, Node> steps = new EnumMap<>(MineViewModel.Step.class);
        steps.put(MineViewModel.Step.LOADING, centred(screen("mine-loading"), Msg.APPOINTMENT_MINE_LOADING));
        steps.put(MineViewModel.Step.NONE, none());
        steps.put(MineViewModel.Step.LIST, list());
        steps.put(MineViewModel.Step.CONFIRM, confirm());
        steps.put(MineViewModel.Step.CANCELLING, centred(screen("mine-cancelling"), Msg.APPOINTMENT_CANCELLING));
        steps.put(MineViewModel.Step.CANCELLED, cancelled(finished));
        steps.put(MineViewModel.Step.FAILED, failed());
        root.getChildren().addAll(steps.values());
        Runnable show = () -> steps.forEach(
                (s, node) -> node.setVisible(s == vm.stepProperty().get()));
        vm.stepProperty().addListener((obs, was, now) -> show.run());
        show.run();
    }

    private VBox centred(VBox box, Msg msg) {
        return Controls.waiting(box, i18n, msg);
    }

    private VBox none() {
        VBox box = screen("mine-none");
        box.setAlignment(Pos.CENTER);
        Label what = text("failure-reason", Msg.APPOINTMENT_MINE_NONE);
        what.setId("mine-none-text");
        box.getChildren().addAll(what, text("hint", Msg.APPOINTMENT_MINE_NONE_HINT));
        return box;
    }

    private VBox list() {
        VBox box = screen("mine-list");
        VBox list = rows();
        fill(
                list,
                vm.options(),
                (o, i) -> withId(row(o.service(), o.note(), () -> vm.choose(o.id())), "mine-item-" + i));
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPOINTMENT_MINE_TITLE),
                        text("hint", Msg.APPOINTMENT_MINE_HINT),
                        scroll(list));
        return box;
    }

    private VBox confirm() {
        VBox box = screen("mine-confirm");
        box.setAlignment(Pos.CENTER);
        Label service = label("apply-item");
        service.setId("mine-confirm-service");
        service.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.chosenProperty().get() == null
                                ? null
                                : vm.chosenProperty().get().service(),
                        vm.chosenProperty()));
        Label when = label("appointment-place");
        when.setId("mine-confirm-when");
        when.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.chosenProperty().get() == null
                                ? null
                                : vm.chosenProperty().get().when(),
                        vm.chosenProperty()));
        Label place = label("hint");
        place.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.chosenProperty().get() == null
                                ? null
                                : vm.chosenProperty().get().place(),
                        vm.chosenProperty()));
        Button keep = button("mine-keep", "nav-button", Msg.APPOINTMENT_CANCEL_NO);
        keep.setOnAction(e -> vm.back());
        Button cancel = button("mine-cancel", "primary-button", Msg.APPOINTMENT_CANCEL_YES);
        cancel.setOnAction(e -> vm.cancel());
        HBox buttons = new HBox(32, keep, cancel);
        buttons.setAlignment(Pos.CENTER);
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPOINTMENT_CANCEL_TITLE),
                        service,
                        when,
                        place,
                        text("hint", Msg.APPOINTMENT_CANCEL_HINT),
                        buttons);
        return box;
    }

    private VBox cancelled(FinishedViewModel finished) {
        VBox box = screen("mine-cancelled");
        box.setAlignment(Pos.CENTER);
        Node tick = Choices.sign(Icons.check());
        Label done = text("screen-title", Msg.APPOINTMENT_CANCELLED);
        done.setId("mine-cancelled-text");
        FinishedView end = new FinishedView(finished);
        end.countdown().setId("mine-countdown");
        end.other().setId("mine-other");
        end.exit().setId("mine-finish");
        box.getChildren().addAll(tick, done, text("appointment-advice", Msg.APPOINTMENT_CANCELLED_HINT), end.root());
        return box;
    }

    private VBox failed() {
        VBox box = screen("mine-failed");
        box.setAlignment(Pos.CENTER);
        Label why = label("failure-reason");
        why.setId("mine-failed-text");
        why.textProperty().bind(vm.problemText());
        Label code = label("error-code");
        code.textProperty().bind(vm.problemCodeText());
        Button retry = button("mine-retry", "primary-button", Msg.APPOINTMENT_RETRY);
        retry.setOnAction(e -> vm.retry());
        box.getChildren().addAll(why, code, retry);
        return box;
    }

    /** A control of a list with its id. */
    private static Button withId(Button b, String id) {
        b.setId(id);
        return b;
    }

    private Label text(String style, Msg msg) {
        return Controls.text(i18n, style, msg);
    }

    private Button button(String id, String style, Msg msg) {
        return Controls.button(i18n, id, style, msg);
    }

    public Node root() {
        return root;
    }
}
