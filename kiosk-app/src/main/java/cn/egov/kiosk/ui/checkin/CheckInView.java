package cn.egov.kiosk.ui.checkin;

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
import cn.egov.kiosk.ui.appointment.Choices;
import cn.egov.kiosk.ui.finished.FinishedView;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out 签到: scan the confirmation (or sign in), looking it up, which one of today's, checking
 * in, and the outcome: the queue number in large type with the appointment's priority and where to
 * go, or in plain words why not (the times when too early or too late) and what to do.
 */
public final class CheckInView {
    /** The outcomes after which the citizen's business here is done: another service, or exit. */
    static final Set<CheckInViewModel.Step> FINISHED =
            Set.of(CheckInViewModel.Step.DONE, CheckInViewModel.Step.ALREADY, CheckInViewModel.Step.NOT_PRINTED);

    private final StackPane root = new StackPane();
    private final CheckInViewModel vm;
    private final I18n i18n;

    public CheckInView(CheckInViewModel vm, FinishedViewModel finished) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("check-in");
        root.setMinHeight(0);
        Map<CheckInViewModel.Step, Node> steps = new EnumMap<>(CheckInViewModel.Step.class);
        steps.put(CheckInViewModel.Step.START, start());
        steps.put(CheckInViewModel.Step.LOOKING, centred(screen("checkin-looking"), Msg.CHECKIN_LOOKING));
        steps.put(CheckInViewModel.Step.CHOOSE, choose());
        steps.put(CheckInViewModel.Step.CHECKING_IN, centred(screen("checkin-checking"), Msg.CHECKIN_CHECKING));
        steps.put(CheckInViewModel.Step.DONE, number(screen("checkin-done"), Msg.CHECKIN_DONE_TITLE, true, finished));
        steps.put(
                CheckInViewModel.Step.ALREADY,
                number(screen("checkin-already"), Msg.CHECKIN_ALREADY_TITLE, true, finished));
        steps.put(
                CheckInViewModel.Step.NOT_PRINTED,
                number(screen("checkin-not-printed"), Msg.CHECKIN_NOT_PRINTED_TITLE, false, finished));
        steps.put(CheckInViewModel.Step.TOO_EARLY, calm(screen("checkin-too-early"), Msg.CHECKIN_TOO_EARLY_TITLE));
        steps.put(
                CheckInViewModel.Step.TOO_LATE, outcome(screen("checkin-too-late"), Msg.CHECKIN_TOO_LATE_TITLE, false));
        steps.put(
                CheckInViewModel.Step.NOT_BOOKED,
                outcome(screen("checkin-not-booked"), Msg.CHECKIN_NOT_BOOKED_TITLE, false));
        steps.put(CheckInViewModel.Step.NONE, calm(screen("checkin-none"), Msg.CHECKIN_NONE_TITLE));
        steps.put(CheckInViewModel.Step.PRINTER, outcome(screen("checkin-printer"), Msg.CHECKIN_PRINTER_TITLE, true));
        steps.put(CheckInViewModel.Step.FAILED, outcome(screen("checkin-failed"), Msg.CHECKIN_FAILED_TITLE, true));
        root.getChildren().addAll(steps.values());
        Runnable show = () -> steps.forEach(
                (s, node) -> node.setVisible(s == vm.stepProperty().get()));
        vm.stepProperty().addListener((obs, was, now) -> show.run());
        show.run();
    }

    private VBox start() {
        VBox box = screen("checkin-start");
        box.setAlignment(Pos.CENTER);
        Label scan = text("login-instruction", Msg.CHECKIN_SCAN);
        scan.setId("checkin-scan");
        Button card = button("checkin-use-card", "primary-button", Msg.CHECKIN_USE_CARD);
        card.setOnAction(e -> vm.identify());
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.CHECKIN_TITLE),
                        scan,
                        text("hint", Msg.CHECKIN_SCAN_HINT),
                        text("login-instruction", Msg.CHECKIN_NO_CONFIRMATION),
                        card);
        return box;
    }

    private VBox centred(VBox box, Msg msg) {
        return Controls.waiting(box, i18n, msg);
    }

    private VBox choose() {
        VBox box = screen("checkin-choose");
        VBox list = rows();
        fill(
                list,
                vm.options(),
                (o, i) -> withId(row(o.service(), o.time(), () -> vm.choose(o.id())), "checkin-option-" + i));
        box.getChildren().addAll(text("screen-title", Msg.CHECKIN_CHOOSE_TITLE), scroll(list));
        return box;
    }

    /** Checked in: the number in large type, the priority, the appointment, where to go, what to do. */
    private VBox number(VBox box, Msg title, boolean ok, FinishedViewModel finished) {
        box.setAlignment(Pos.CENTER);
        Node icon = Choices.sign(ok ? Icons.check() : Icons.cross());
        Label heading = text(ok ? "screen-title" : "failure-reason", title);
        Label number = label("ticket-number");
        number.setId("checkin-number");
        number.textProperty().bind(vm.numberProperty());
        Label priority = text("appointment-priority", Msg.CHECKIN_PRIORITY);
        priority.setId("checkin-priority");
        priority.visibleProperty().bind(vm.priorityProperty());
        priority.managedProperty().bind(priority.visibleProperty());
        Label appointment = label("hint");
        appointment.textProperty().bind(vm.appointmentText());
        Label place = label("appointment-place");
        place.setId("checkin-place");
        place.textProperty().bind(vm.placeText());
        Label message = label("appointment-advice");
        message.setId("checkin-message");
        message.textProperty().bind(vm.messageText());
        Label partly = text("hint", Msg.TICKET_FAILED_PARTIAL);
        partly.visibleProperty()
                .bind(vm.partlyProperty().and(vm.stepProperty().isEqualTo(CheckInViewModel.Step.NOT_PRINTED)));
        partly.managedProperty().bind(partly.visibleProperty());
        Label code = label("error-code");
        code.textProperty().bind(vm.codeText());
        code.managedProperty().bind(code.textProperty().isNotEmpty());
        FinishedView end = new FinishedView(finished);
        end.countdown().setId("checkin-countdown");
        end.other().setId("checkin-other");
        end.exit().setId("checkin-finish");
        VBox content =
                new VBox(12, icon, heading, number, priority, appointment, place, message, partly, code, end.root());
        content.setAlignment(Pos.TOP_CENTER);
        box.getChildren().add(scroll(content));
        return box;
    }

    /** Not checked in: why, in plain words with the times, what to do; try again where that can help. */
    private VBox outcome(VBox box, Msg title, boolean retryable) {
        box.setAlignment(Pos.CENTER);
        Node icon = Choices.sign(Icons.cross());
        Label appointment = label("hint");
        appointment.textProperty().bind(vm.appointmentText());
        Label message = label("appointment-advice");
        message.setId("checkin-message");
        message.textProperty().bind(vm.messageText());
        Label code = label("error-code");
        code.textProperty().bind(vm.codeText());
        code.managedProperty().bind(code.textProperty().isNotEmpty());
        box.getChildren().addAll(icon, text("failure-reason", title), appointment, message, code);
        if (retryable) {
            Button retry = button("checkin-retry", "primary-button", Msg.CHECKIN_RETRY);
            retry.setOnAction(e -> vm.retry());
            box.getChildren().add(retry);
        }
        return box;
    }

    /** Nothing went wrong, it is only not the time, or not today: the times and what to do, calmly. */
    private VBox calm(VBox box, Msg title) {
        box.setAlignment(Pos.CENTER);
        Label appointment = label("hint");
        appointment.textProperty().bind(vm.appointmentText());
        Label message = label("appointment-advice");
        message.setId("checkin-message");
        message.textProperty().bind(vm.messageText());
        box.getChildren().addAll(text("screen-title", title), appointment, message);
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
