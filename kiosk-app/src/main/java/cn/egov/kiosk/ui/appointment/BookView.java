package cn.egov.kiosk.ui.appointment;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.appointment.Choices.choice;
import static cn.egov.kiosk.ui.appointment.Choices.fill;
import static cn.egov.kiosk.ui.appointment.Choices.grid;
import static cn.egov.kiosk.ui.appointment.Choices.row;
import static cn.egov.kiosk.ui.appointment.Choices.rows;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.finished.FinishedView;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out 预约, one screen per decision: the items (the most used, by department), the days with
 * their places, the times, the phone on its keypad, the booking read back, and done: the day, the
 * time and the place in large type, the confirmation printing.
 */
public final class BookView {
    private final StackPane root = new StackPane();
    private final BookViewModel vm;
    private final I18n i18n;

    public BookView(BookViewModel vm, KeyboardViewModel keyboard, FinishedViewModel finished) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("appointment");
        root.setMinHeight(0);
        Map<BookViewModel.Step, Node> steps = new EnumMap<>(BookViewModel.Step.class);
        steps.put(BookViewModel.Step.LOADING, centred(screen("appointment-loading"), Msg.APPOINTMENT_LOADING));
        steps.put(BookViewModel.Step.IDENTIFYING, centred(screen("appointment-identifying"), Msg.APPOINTMENT_LOADING));
        steps.put(BookViewModel.Step.NONE, none());
        steps.put(BookViewModel.Step.START, start());
        steps.put(BookViewModel.Step.DEPARTMENTS, departments());
        steps.put(BookViewModel.Step.DEPARTMENT, departmentItems());
        steps.put(BookViewModel.Step.DAYS, days());
        steps.put(
                BookViewModel.Step.SLOTS_LOADING,
                centred(screen("appointment-slots-loading"), Msg.APPOINTMENT_SLOTS_LOADING));
        steps.put(BookViewModel.Step.SLOTS, slots());
        steps.put(BookViewModel.Step.OFFLINE, offline());
        steps.put(BookViewModel.Step.PHONE, phone(keyboard));
        steps.put(BookViewModel.Step.CONFIRM, confirm());
        steps.put(BookViewModel.Step.BOOKING, centred(screen("appointment-booking"), Msg.APPOINTMENT_BOOKING));
        steps.put(BookViewModel.Step.DONE, done(finished));
        steps.put(BookViewModel.Step.FAILED, failed());
        root.getChildren().addAll(steps.values());
        Runnable show = () -> {
            BookViewModel.Step now = vm.stepProperty().get();
            steps.forEach((s, node) -> node.setVisible(s == now));
            if (now == BookViewModel.Step.PHONE) {
                root.requestFocus(); // the keyboard comes when the citizen taps the field
            }
        };
        vm.stepProperty().addListener((obs, was, now) -> show.run());
        show.run();
    }

    private VBox centred(VBox box, Msg msg) {
        return Controls.waiting(box, i18n, msg);
    }

    private VBox none() {
        VBox box = screen("appointment-none");
        box.setAlignment(Pos.CENTER);
        box.getChildren().addAll(text("failure-reason", Msg.APPOINTMENT_NONE), text("hint", Msg.APPOINTMENT_NONE_HINT));
        return box;
    }

    private VBox start() {
        VBox box = screen("appointment-start");
        VBox list = rows();
        Label most = text("appointment-section", Msg.APPOINTMENT_MOST_USED);
        VBox mostRows = rows();
        fill(
                mostRows,
                vm.mostUsed(),
                (o, i) -> withId(row(o.name(), o.department(), () -> vm.item(o.id())), "appointment-most-" + i));
        most.visibleProperty().bind(Bindings.isNotEmpty(vm.mostUsed()));
        most.managedProperty().bind(most.visibleProperty());
        Button byDepartment = row(
                i18n.bind(Msg.APPOINTMENT_BY_DEPARTMENT),
                i18n.bind(Msg.APPOINTMENT_BY_DEPARTMENT_NOTE),
                vm::browseDepartments);
        byDepartment.setId("appointment-by-department");
        Button mine = row(i18n.bind(Msg.APPOINTMENT_MINE), i18n.bind(Msg.APPOINTMENT_MINE_NOTE), vm::mine);
        mine.setId("appointment-mine");
        list.getChildren().addAll(most, mostRows, byDepartment, mine);
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPOINTMENT_TITLE),
                        text("hint", Msg.APPOINTMENT_START_HINT),
                        scroll(list));
        return box;
    }

    private VBox departments() {
        VBox box = screen("appointment-departments");
        VBox list = rows();
        fill(
                list,
                vm.departments(),
                (d, i) -> withId(row(d.name(), d.count(), () -> vm.department(d.id())), "appointment-department-" + i));
        box.getChildren().addAll(text("screen-title", Msg.APPOINTMENT_DEPARTMENTS_TITLE), scroll(list));
        return box;
    }

    private VBox departmentItems() {
        VBox box = screen("appointment-department");
        Label title = label("screen-title");
        title.textProperty().bind(vm.departmentNameProperty());
        VBox list = rows();
        fill(
                list,
                vm.departmentItems(),
                (o, i) -> withId(row(o.name(), null, () -> vm.item(o.id())), "appointment-item-" + i));
        box.getChildren().addAll(title, text("hint", Msg.APPOINTMENT_ITEMS_HINT), scroll(list));
        return box;
    }

    private VBox days() {
        VBox box = screen("appointment-days");
        Label note = label("notice");
        note.setId("appointment-days-note");
        note.textProperty().bind(vm.daysNote());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        FlowPane grid = grid();
        fill(
                grid,
                vm.days(),
                (d, i) ->
                        withId(choice(d.day(), d.places(), d.full(), () -> vm.day(d.date())), "appointment-day-" + i));
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPOINTMENT_DAYS_TITLE),
                        itemName("appointment-days-item"),
                        note,
                        scroll(grid));
        return box;
    }

    private VBox slots() {
        VBox box = screen("appointment-slots");
        Label when = label("apply-item");
        when.setId("appointment-slots-day");
        when.textProperty().bind(vm.dayTextProperty());
        Label taken = text("notice", Msg.APPOINTMENT_SLOT_TAKEN);
        taken.setId("appointment-slot-taken");
        taken.visibleProperty().bind(vm.slotTakenProperty());
        taken.managedProperty().bind(taken.visibleProperty());
        Label none = text("hint", Msg.APPOINTMENT_SLOTS_NONE);
        none.visibleProperty().bind(Bindings.isEmpty(vm.slots()));
        none.managedProperty().bind(none.visibleProperty());
        FlowPane grid = grid();
        fill(
                grid,
                vm.slots(),
                (s, i) -> withId(
                        choice(s.time(), s.places(), s.full(), () -> vm.slot(s.slotId())), "appointment-slot-" + i));
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPOINTMENT_SLOTS_TITLE),
                        itemName("appointment-slots-item"),
                        when,
                        taken,
                        none,
                        scroll(grid));
        return box;
    }

    private VBox offline() {
        VBox box = screen("appointment-offline");
        box.setAlignment(Pos.CENTER);
        Label why = label("failure-reason");
        why.setId("appointment-offline-text");
        why.textProperty().bind(vm.problemText());
        Label code = label("error-code");
        code.textProperty().bind(vm.problemCodeText());
        Button retry = button("appointment-slots-retry", "primary-button", Msg.APPOINTMENT_RETRY);
        retry.setOnAction(e -> vm.retrySlots());
        box.getChildren().addAll(why, text("hint", Msg.APPOINTMENT_STILL_WORKS), code, retry);
        return box;
    }

    private VBox phone(KeyboardViewModel keyboard) {
        VBox content = new VBox();
        content.getStyleClass().add("screen");
        content.setAlignment(Pos.TOP_CENTER);
        TextField field = new TextField();
        field.setId("appointment-phone");
        field.getStyleClass().add("appointment-field");
        Keyboards.use(field, KeyboardKind.PHONE, 13);
        field.textProperty().bindBidirectional(vm.phoneProperty());
        field.setOnAction(e -> vm.phoneDone());
        Label prompt = text("login-instruction", Msg.APPOINTMENT_PHONE_PROMPT);
        Accessible.field(field, prompt);
        Label problem = label("failure-reason");
        problem.setId("appointment-phone-problem");
        problem.textProperty().bind(vm.phoneProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        content.getChildren().addAll(prompt, field, problem, text("hint", Msg.APPOINTMENT_PHONE_HINT));
        KeyboardHost host = new KeyboardHost(content, keyboard);
        VBox box = screen("appointment-phone-step");
        Label title = text("screen-title", Msg.APPOINTMENT_PHONE_TITLE);
        title.visibleProperty().bind(host.keyboardShown().not());
        title.managedProperty().bind(title.visibleProperty());
        Button next = button("appointment-phone-next", "primary-button", Msg.APPOINTMENT_PHONE_NEXT);
        next.setOnAction(e -> vm.phoneDone());
        VBox.setVgrow(host.root(), Priority.ALWAYS);
        box.getChildren().addAll(title, host.root(), next);
        return box;
    }

    private VBox confirm() {
        VBox box = screen("appointment-confirm-step");
        GridPane facts = new GridPane();
        facts.getStyleClass().add("apply-facts");
        facts.setId("appointment-confirm-facts");
        int row = 0;
        facts.addRow(
                row++,
                text("apply-fact-label", Msg.APPOINTMENT_FACT_SERVICE),
                value("appointment-confirm-item", vm.itemNameProperty()));
        facts.addRow(
                row++,
                text("apply-fact-label", Msg.APPOINTMENT_FACT_WHEN),
                value("appointment-confirm-when", vm.slotTextProperty()));
        facts.addRow(
                row++,
                text("apply-fact-label", Msg.APPOINTMENT_FACT_PLACE),
                value("appointment-confirm-place", vm.hallText()));
        facts.addRow(
                row++,
                text("apply-fact-label", Msg.APPOINTMENT_FACT_NAME),
                value("appointment-confirm-name", vm.maskedNameProperty()));
        facts.addRow(
                row++,
                text("apply-fact-label", Msg.APPOINTMENT_FACT_NUMBER),
                value("appointment-confirm-number", vm.maskedNumberProperty()));
        facts.addRow(
                row,
                text("apply-fact-label", Msg.APPOINTMENT_FACT_PHONE),
                value("appointment-confirm-phone", vm.maskedPhoneProperty()));
        Button change = button("appointment-change-phone", "nav-button", Msg.APPOINTMENT_CHANGE_PHONE);
        change.setOnAction(e -> vm.changePhone());
        Button ok = button("appointment-confirm", "primary-button", Msg.APPOINTMENT_CONFIRM);
        ok.setOnAction(e -> vm.confirm());
        HBox buttons = new HBox(32, change, ok);
        buttons.setAlignment(Pos.CENTER);
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.APPOINTMENT_CONFIRM_TITLE),
                        text("hint", Msg.APPOINTMENT_CONFIRM_HINT),
                        scroll(facts),
                        buttons);
        return box;
    }

    private VBox done(FinishedViewModel finished) {
        VBox box = screen("appointment-done");
        box.setAlignment(Pos.CENTER);
        Node tick = Choices.sign(Icons.check());
        Label when = label("appointment-when");
        when.setId("appointment-done-when");
        when.textProperty().bind(vm.bookedWhen());
        Label place = label("appointment-place");
        place.setId("appointment-done-place");
        place.textProperty().bind(vm.bookedPlace());
        Label number = label("hint");
        number.setId("appointment-done-number");
        number.textProperty().bind(vm.bookingNoText());
        Label advice = label("appointment-advice");
        advice.setId("appointment-done-advice");
        advice.textProperty().bind(vm.bookedAdvice());
        Label printed = label("hint");
        printed.setId("appointment-print-status");
        printed.textProperty().bind(vm.printText());
        Label code = label("error-code");
        code.setId("appointment-print-code");
        code.textProperty().bind(vm.printCodeText());
        code.managedProperty().bind(code.textProperty().isNotEmpty());
        Button again = button("appointment-print-again", "nav-button", Msg.APPOINTMENT_PRINT_AGAIN);
        again.setOnAction(e -> vm.printConfirmation());
        again.visibleProperty().bind(vm.printStateProperty().isEqualTo(BookViewModel.PrintState.FAILED));
        again.managedProperty().bind(again.visibleProperty());
        FinishedView end = new FinishedView(finished);
        end.countdown().setId("appointment-countdown");
        end.other().setId("appointment-other");
        end.exit().setId("appointment-finish");
        VBox content = new VBox(
                tick,
                text("screen-title", Msg.APPOINTMENT_DONE_TITLE),
                itemName("appointment-done-item"),
                when,
                place,
                number,
                advice,
                printed,
                code,
                again,
                end.root());
        content.getStyleClass().add("appointment-done-content");
        content.setAlignment(Pos.TOP_CENTER);
        content.setSpacing(16);
        box.getChildren().add(scroll(content));
        return box;
    }

    private VBox failed() {
        VBox box = screen("appointment-failed");
        box.setAlignment(Pos.CENTER);
        Label why = label("failure-reason");
        why.setId("appointment-failed-text");
        why.textProperty().bind(vm.problemText());
        Label code = label("error-code");
        code.textProperty().bind(vm.problemCodeText());
        Button retry = button("appointment-book-retry", "primary-button", Msg.APPOINTMENT_RETRY_BOOK);
        retry.setOnAction(e -> vm.confirm());
        box.getChildren().addAll(why, code, retry);
        return box;
    }

    // ---- parts ----------------------------------------------------------------------------------

    /** A control of a list with its id. */
    private static Button withId(Button b, String id) {
        b.setId(id);
        return b;
    }

    private Label itemName(String id) {
        Label l = label("apply-item");
        l.setId(id);
        l.textProperty().bind(vm.itemNameProperty());
        return l;
    }

    private Label text(String style, Msg msg) {
        return Controls.text(i18n, style, msg);
    }

    private static Label value(String id, ObservableValue<String> value) {
        Label l = label("apply-fact-value");
        l.setId(id);
        l.textProperty().bind(value);
        return l;
    }

    private Button button(String id, String style, Msg msg) {
        return Controls.button(i18n, id, style, msg);
    }

    public Node root() {
        return root;
    }
}
