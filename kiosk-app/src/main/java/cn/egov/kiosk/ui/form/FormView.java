package cn.egov.kiosk.ui.form;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out an application form: per field a large label (with 来自身份证 where the card filled it
 * in), the input (a text field that names its on-screen keyboard, or large answer buttons), the
 * hint, and the problem in the citizen's words in the error colour; next at the bottom.
 */
public final class FormView {
    private final StackPane root = new StackPane();
    private final VBox list = new VBox();
    private final ScrollPane scroll;
    private final Map<String, Node> boxes = new HashMap<>();

    /**
     * @param keyboard the form's on-screen keyboard: the fields scroll above it, the title above them
     *     and "next" below, always in sight
     */
    public FormView(FormViewModel vm, I18n i18n, KeyboardViewModel keyboard) {
        KeyboardHost host = new KeyboardHost(list, keyboard);
        this.scroll = host.scrollPane();
        root.setId("form");
        root.setMinHeight(0);
        VBox box = screen("form-screen");
        Label title = label("screen-title");
        title.setId("form-title");
        title.textProperty().bind(vm.titleProperty());
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
        root.getChildren().add(box);
        vm.fields().addListener((ListChangeListener<FormViewModel.FieldModel>) c -> fill(vm, vm.fields()));
        fill(vm, vm.fields());
        vm.firstProblemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                bringIntoSight(now);
            }
        });
    }

    private void fill(FormViewModel vm, List<FormViewModel.FieldModel> fields) {
        list.getChildren().clear();
        boxes.clear();
        for (FormViewModel.FieldModel m : fields) {
            list.getChildren().add(field(vm, m));
        }
        scroll.setVvalue(0);
    }

    private VBox field(FormViewModel vm, FormViewModel.FieldModel m) {
        Label name = label("form-label");
        name.textProperty().bind(m.label());
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
        Node input = m.isChoice() ? choices(vm, m) : input(vm, m);
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

    private static FlowPane choices(FormViewModel vm, FormViewModel.FieldModel m) {
        FlowPane pane = new FlowPane();
        pane.setId("form-field-" + m.id());
        pane.getStyleClass().add("form-choices");
        List<FormViewModel.ChoiceOption> options = m.choices();
        for (int i = 0; i < options.size(); i++) {
            FormViewModel.ChoiceOption o = options.get(i);
            Button b = new Button();
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
