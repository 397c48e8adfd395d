package cn.egov.kiosk.ui.ticket;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.finished.FinishedView;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ScrollPane.ScrollBarPolicy;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Lays out the 取号 screen: the business types, then printing, then the number or the failure. */
public final class TicketView {
    private final StackPane root = new StackPane();

    public TicketView(TicketViewModel vm, FinishedViewModel finished) {
        root.setId("ticket");
        root.setMinHeight(0);
        VBox choosing = choosing(vm);
        VBox printing = printing(vm);
        VBox done = done(vm, finished);
        VBox failed = failed(vm);
        root.getChildren().addAll(choosing, printing, done, failed);
        showOnly(vm.stepProperty().get(), choosing, printing, done, failed);
        vm.stepProperty().addListener((obs, old, now) -> showOnly(now, choosing, printing, done, failed));
    }

    private static void showOnly(TicketViewModel.Step step, VBox choosing, VBox printing, VBox done, VBox failed) {
        choosing.setVisible(step == TicketViewModel.Step.CHOOSING);
        printing.setVisible(step == TicketViewModel.Step.PRINTING);
        done.setVisible(step == TicketViewModel.Step.DONE);
        failed.setVisible(step == TicketViewModel.Step.FAILED);
    }

    private static VBox choosing(TicketViewModel vm) {
        VBox box = screen("ticket-choosing");
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.TICKET_CHOOSE_TYPE));
        FlowPane types = new FlowPane();
        types.getStyleClass().add("tiles");
        vm.options()
                .addListener((ListChangeListener<TicketViewModel.TypeOption>) c -> fillTypes(types, vm, vm.options()));
        fillTypes(types, vm, vm.options());
        // more business types than fit (large type, small screen) scroll rather than vanish
        ScrollPane scroll = new ScrollPane(types);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("kiosk-scroll");
        scroll.setHbarPolicy(ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.getChildren().addAll(title, scroll);
        return box;
    }

    private static void fillTypes(FlowPane pane, TicketViewModel vm, List<TicketViewModel.TypeOption> options) {
        pane.getChildren().clear();
        for (TicketViewModel.TypeOption option : options) {
            Label code = new Label(option.code());
            code.getStyleClass().add("type-code");
            Label name = new Label(option.name());
            name.getStyleClass().add("type-name");
            Label waiting = new Label(option.waiting());
            waiting.getStyleClass().add("type-waiting");
            VBox text = new VBox(4, name, waiting);
            text.setAlignment(Pos.CENTER_LEFT);
            HBox content = new HBox(code, text);
            content.setSpacing(16);
            content.setAlignment(Pos.CENTER_LEFT);
            Button b = new Button();
            b.setId("type-" + option.code());
            b.getStyleClass().add("type-button");
            b.setGraphic(content);
            b.setFocusTraversable(false);
            b.setOnAction(e -> vm.choose(option.code()));
            Accessible.tile(b);
            pane.getChildren().add(b);
        }
    }

    private static VBox printing(TicketViewModel vm) {
        VBox box = screen("ticket-printing");
        box.setAlignment(Pos.CENTER);
        ProgressIndicator spinner = new ProgressIndicator();
        Label text = label("ticket-line");
        text.textProperty().bind(vm.i18n().bind(Msg.TICKET_PRINTING));
        box.getChildren().addAll(spinner, text);
        return box;
    }

    private static VBox done(TicketViewModel vm, FinishedViewModel finished) {
        VBox box = screen("ticket-done");
        box.setAlignment(Pos.CENTER);
        Node icon = bigIcon(Icons.check());
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.TICKET_DONE_TITLE));
        Label caption = label("ticket-line");
        caption.textProperty().bind(vm.i18n().bind(Msg.TICKET_DONE_NUMBER));
        Label number = label("ticket-number");
        number.setId("ticket-number");
        number.textProperty().bind(vm.numberProperty());
        Label ahead = label("ticket-line");
        ahead.setId("ticket-ahead");
        ahead.textProperty().bind(vm.aheadProperty());
        ahead.managedProperty().bind(vm.aheadProperty().isNotEmpty()); // no gap when nobody knows
        ahead.visibleProperty().bind(vm.aheadProperty().isNotEmpty());
        Label hint = label("hint");
        hint.textProperty().bind(vm.i18n().bind(Msg.TICKET_DONE_HINT));
        FinishedView end = new FinishedView(finished);
        end.countdown().setId("ticket-countdown");
        end.other().setId("ticket-other");
        end.exit().setId("ticket-finish");
        box.getChildren().addAll(icon, title, caption, number, ahead, hint, end.root());
        return box;
    }

    private static VBox failed(TicketViewModel vm) {
        VBox box = screen("ticket-failed");
        box.setAlignment(Pos.CENTER);
        Node icon = bigIcon(Icons.cross());
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.TICKET_FAILED_TITLE));
        Label reason = label("failure-reason");
        reason.setId("ticket-failure-reason");
        reason.textProperty().bind(vm.failureReasonProperty());
        Label voided = label("ticket-line");
        voided.setId("ticket-voided");
        voided.textProperty().bind(vm.voidedNoticeProperty());
        voided.managedProperty().bind(vm.voidedNoticeProperty().isNotEmpty());
        Label advice = label("hint");
        advice.textProperty().bind(vm.i18n().bind(Msg.TICKET_FAILED_ADVICE));
        Label code = label("error-code");
        code.setId("ticket-failure-code");
        code.textProperty().bind(vm.failureCodeProperty());
        Button finish = new Button();
        finish.setId("ticket-failed-finish");
        finish.getStyleClass().add("primary-button");
        finish.textProperty().bind(vm.i18n().bind(Msg.TICKET_DONE_FINISH));
        finish.setOnAction(e -> vm.finish());
        box.getChildren().addAll(icon, title, reason, voided, advice, code, finish);
        return box;
    }

    private static Node bigIcon(Node icon) {
        icon.getStyleClass().add("big-icon");
        return new Group(icon);
    }

    public Node root() {
        return root;
    }
}
