package cn.egov.kiosk.ui.form;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.PlainWords;
import cn.egov.kiosk.ui.address.AddressPickerView;
import cn.egov.kiosk.ui.address.AddressPickerViewModel;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * Lays out an application form: per field a large label (with 来自身份证 where the card filled it
 * in), the input (a text field that names its on-screen keyboard, or large answer buttons), the
 * hint, and the problem in the citizen's words in the error colour; next at the bottom.
 *
 * <p>An address field has, beside its text (prefilled from the card, typed on the keyboard), a large
 * "选择地址" button that opens the address picker over the form, at the field's text or empty, with
 * its own keyboard: confirmed, the address becomes the field's text; cancelled, nothing changes. The
 * form has one picker, reset with the form ({@link FormViewModel#alsoResets}); its divisions load
 * once per JVM, in the background, as soon as a form with an address field shows.
 */
public final class FormView {
    private final StackPane root = new StackPane();
    private final VBox list = new VBox();
    private final ScrollPane scroll;
    private final Map<String, Node> boxes = new HashMap<>();
    private final I18n i18n;
    private final AddressPickerViewModel picker;
    private final AddressPickerView pickerView;
    private final Label overlayTitle = new Label();
    private final VBox overlay;

    /**
     * @param keyboard the form's on-screen keyboard: the fields scroll above it, the title above them
     *     and "next" below, always in sight
     */
    public FormView(FormViewModel vm, I18n i18n, KeyboardViewModel keyboard) {
        this.i18n = i18n;
        KeyboardHost host = new KeyboardHost(list, keyboard);
        this.scroll = host.scrollPane();
        this.picker = new AddressPickerViewModel(i18n, keyboard.tasks(), AddressPickerViewModel::sharedDivisions);
        this.pickerView = new AddressPickerView(picker);
        root.setId("form");
        root.setMinHeight(0);
        VBox box = screen("form-screen");
        Label title = label("screen-title");
        title.setId("form-title");
        title.textProperty().bind(vm.titleProperty());
        // while typing, the field's own label says what is asked: the fields get the title's room
        title.visibleProperty().bind(host.keyboardShown().not());
        title.managedProperty().bind(title.visibleProperty());
        list.getStyleClass().add("form-list");
        VBox.setVgrow(host.root(), Priority.ALWAYS);
        Label summary = label("form-summary");
        summary.setId("form-summary");
        summary.textProperty().bind(vm.summary());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        Button next = new Button();
        next.setId("form-next");
        next.getStyleClass().add("primary-button");
        next.textProperty().bind(i18n.bind(Msg.FORM_NEXT));
        next.setOnAction(e -> vm.next());
        HBox bottom = new HBox(next);
        bottom.getStyleClass().add("form-bottom");
        box.getChildren().addAll(title, host.root(), summary, bottom);
        this.overlay = addressOverlay(i18n, keyboard);
        root.getChildren().addAll(box, overlay);
        vm.alsoResets(() -> {
            closePicker();
            picker.resetForNextCitizen();
        });
        vm.fields().addListener((ListChangeListener<FormViewModel.FieldModel>) c -> fill(vm, vm.fields()));
        fill(vm, vm.fields());
        vm.firstProblemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                bringIntoSight(now);
            }
        });
    }

    /**
     * The address picker over the form: which field it is for and cancel above, the picker below,
     * with a keyboard of its own for the detail (the same keyboard model as the form's: one field has
     * the focus at a time). At the detail the picker keeps its height and scrolls above the keyboard.
     */
    private VBox addressOverlay(I18n i18n, KeyboardViewModel keyboard) {
        overlayTitle.setId("form-address-title");
        overlayTitle.getStyleClass().add("form-address-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button cancel = new Button();
        cancel.setId("address-cancel");
        cancel.getStyleClass().add("address-cancel");
        cancel.setFocusTraversable(false);
        cancel.textProperty().bind(i18n.bind(Msg.ADDRESS_CANCEL));
        cancel.setOnAction(e -> closePicker());
        HBox bar = new HBox(overlayTitle, gap, cancel);
        bar.getStyleClass().add("form-address-bar");

        Node picking = pickerView.root();
        VBox content = new VBox(picking);
        VBox.setVgrow(picking, Priority.ALWAYS);
        content.minHeightProperty()
                .bind(Bindings.when(picker.stepProperty()
                                .isEqualTo(AddressPickerViewModel.Step.DETAIL)
                                .or(picker.stepProperty().isEqualTo(AddressPickerViewModel.Step.UNAVAILABLE)))
                        .then(Region.USE_PREF_SIZE)
                        .otherwise(0.0));
        KeyboardHost host = new KeyboardHost(content, keyboard);
        host.scrollPane().setFitToHeight(true); // the picker fills the room; its grid scrolls itself
        VBox.setVgrow(host.root(), Priority.ALWAYS);

        VBox box = new VBox(bar, host.root());
        box.setId("form-address-overlay");
        box.getStyleClass().add("form-address-overlay");
        box.setMinHeight(0);
        box.setVisible(false);
        return box;
    }

    /** Opens the picker over the form for an address field, at its text (as the card gives one) or empty. */
    private void openPicker(FormViewModel vm, FormViewModel.FieldModel m) {
        String text = m.textProperty().get();
        Consumer<Address> confirmed = address -> {
            m.textProperty().set(address.text());
            closePicker();
            vm.left(m.id());
        };
        overlayTitle.textProperty().bind(m.label());
        overlay.setVisible(true);
        overlay.requestFocus(); // the form's field is left: its keyboard goes, the picker's comes at the detail
        if (text == null || text.isBlank()) {
            picker.open(confirmed);
        } else {
            picker.openFromCard(Optional.of(text), confirmed);
        }
        pickerView.shown();
    }

    /** Closes the picker, if open; the field keeps what it had (cancel) or was given (confirm). */
    private void closePicker() {
        if (!overlay.isVisible()) {
            return;
        }
        root.requestFocus(); // the picker's field is left: its keyboard goes
        overlay.setVisible(false);
        overlayTitle.textProperty().unbind();
        picker.resetForNextCitizen(); // nothing of the address stays in the picker
    }

    private void fill(FormViewModel vm, List<FormViewModel.FieldModel> fields) {
        list.getChildren().clear();
        boxes.clear();
        for (FormViewModel.FieldModel m : fields) {
            list.getChildren().add(field(vm, m));
        }
        scroll.setVvalue(0);
        if (fields.stream().anyMatch(FormView::pickable)) {
            picker.preload(); // in the background, once: the picker opens at once when touched
        }
    }

    private VBox field(FormViewModel vm, FormViewModel.FieldModel m) {
        // the label's official terms followed by their everyday words (统一社会信用代码（营业执照上的18位代码）)
        TextFlow name = PlainWords.flow(m.explainedLabel(), () -> label("form-label"), i18n);
        m.label()
                .addListener(
                        (obs, was, now) -> PlainWords.fill(name, m.explainedLabel(), () -> label("form-label"), i18n));
        Label mark = label("form-mark");
        mark.setId("form-mark-" + m.id());
        mark.textProperty().bind(m.mark());
        mark.visibleProperty().bind(mark.textProperty().isNotEmpty());
        HBox head = new HBox(name, mark);
        head.getStyleClass().add("form-head");
        Label hint = label("form-hint");
        hint.textProperty().bind(m.hint());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        Label problem = label("form-problem");
        problem.setId("form-problem-" + m.id());
        problem.textProperty().bind(m.problem());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        Node input = m.isChoice() ? choices(vm, m) : pickable(m) ? addressInput(vm, m) : input(vm, m);
        VBox box = new VBox(head, hint, input, problem);
        box.getStyleClass().add("form-field");
        m.shownProblemProperty()
                .addListener((obs, old, now) -> box.pseudoClassStateChanged(FormStyles.PROBLEM, now != null));
        boxes.put(m.id(), box);
        return box;
    }

    private TextField input(FormViewModel vm, FormViewModel.FieldModel m) {
        TextField t = new TextField();
        t.setId("form-field-" + m.id());
        t.getStyleClass().add("form-input");
        Accessible.named(t, m.label()); // its label's text, not what is in it
        t.textProperty().bindBidirectional(m.textProperty());
        if (m.locked()) {
            t.setEditable(false);
            t.setFocusTraversable(false);
            t.getStyleClass().add("form-locked");
        }
        m.keyboard().ifPresent(k -> Keyboards.use(t, k, m.field().maxLength()));
        t.focusedProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                vm.left(m.id());
            } else if (now) {
                bringIntoSight(m.id()); // the keyboard's next field, or one half hidden
            }
        });
        t.setOnAction(e -> vm.left(m.id())); // the keyboard's enter
        return t;
    }

    /** An address the citizen may change: typed, or picked. */
    private static boolean pickable(FormViewModel.FieldModel m) {
        return m.field().type() == Catalogue.FieldType.ADDRESS && !m.locked();
    }

    /** An address field's text input and, beside it, the large button that opens the picker. */
    private HBox addressInput(FormViewModel vm, FormViewModel.FieldModel m) {
        TextField t = input(vm, m);
        HBox.setHgrow(t, Priority.ALWAYS);
        Button pick = new Button();
        pick.setId("form-pick-address-" + m.id());
        pick.getStyleClass().add("form-pick-address");
        pick.setFocusTraversable(false);
        pick.textProperty().bind(i18n.bind(Msg.ADDRESS_OPEN));
        pick.setOnAction(e -> openPicker(vm, m));
        HBox row = new HBox(t, pick);
        row.getStyleClass().add("form-address-row");
        return row;
    }

    private static FlowPane choices(FormViewModel vm, FormViewModel.FieldModel m) {
        FlowPane pane = new FlowPane();
        pane.setId("form-field-" + m.id());
        pane.getStyleClass().add("form-choices");
        List<FormViewModel.ChoiceOption> options = m.choices();
        for (int i = 0; i < options.size(); i++) {
            FormViewModel.ChoiceOption o = options.get(i);
            Button b = Accessible.choice(
                    AccessibleRole.RADIO_BUTTON,
                    Bindings.createBooleanBinding(
                            () -> o.value().equals(m.textProperty().get()), m.textProperty()));
            b.setId(FormViewModel.choiceId(m.id(), i));
            b.getStyleClass().add("form-choice");
            b.textProperty().bind(o.label());
            b.setFocusTraversable(false);
            b.setDisable(m.locked());
            b.setOnAction(e -> vm.choose(m.id(), o.value()));
            Runnable mark = () -> b.pseudoClassStateChanged(
                    FormStyles.CHOSEN, o.value().equals(m.textProperty().get()));
            m.textProperty().addListener((obs, old, now) -> mark.run());
            mark.run();
            pane.getChildren().add(b);
        }
        return pane;
    }

    /** Scrolls just enough for the whole of a field (label, input, problem) to be in sight. */
    private void bringIntoSight(String fieldId) {
        Node box = boxes.get(fieldId);
        double room = list.getHeight() - scroll.getViewportBounds().getHeight();
        if (box == null || room <= 0) {
            return;
        }
        Bounds b = box.getBoundsInParent();
        double top = scroll.getVvalue() * room;
        double height = scroll.getViewportBounds().getHeight();
        if (b.getMinY() < top) {
            scroll.setVvalue(b.getMinY() / room);
        } else if (b.getMaxY() > top + height) {
            scroll.setVvalue(Math.min(1, (b.getMaxY() - height) / room));
        }
    }

    public Node root() {
        return root;
    }
}
