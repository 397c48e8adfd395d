package cn.egov.kiosk.ui.address;

import static cn.egov.kiosk.ui.Controls.label;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.address.AddressPickerViewModel.Crumb;
import cn.egov.kiosk.ui.address.AddressPickerViewModel.Option;
import cn.egov.kiosk.ui.address.AddressPickerViewModel.Step;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ScrollPane.ScrollBarPolicy;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

/**
 * Lays out the address picker, a part of a screen (a form puts it where the address goes): what to
 * do now and "start again", the breadcrumb of what is chosen, then either a grid of large buttons
 * (scrolling, with page buttons when it does not fit) or the detail field, the whole address as it
 * will read, and confirm.
 */
public final class AddressPickerView {
    private final VBox root = new VBox();
    private final TextField field = new TextField();
    private final AddressPickerViewModel vm;
    private boolean focusWhenOpened = true;

    public AddressPickerView(AddressPickerViewModel vm) {
        this.vm = vm;
        root.setId("address-picker");
        root.getStyleClass().add("address-picker");
        root.setMinHeight(0);

        Label prompt = label("address-prompt");
        prompt.setId("address-prompt");
        prompt.textProperty().bind(vm.promptProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button restart = button("address-restart", "address-restart");
        restart.textProperty().bind(vm.i18n().bind(Msg.ADDRESS_RESTART));
        restart.setOnAction(e -> vm.restart());
        BooleanBinding choosing =
                vm.stepProperty().isEqualTo(Step.PICKING).or(vm.stepProperty().isEqualTo(Step.DETAIL));
        restart.visibleProperty().bind(choosing);
        HBox header = new HBox(prompt, gap, restart);
        header.getStyleClass().add("address-header");

        FlowPane crumbs = new FlowPane();
        crumbs.getStyleClass().add("address-crumbs");
        vm.crumbs().addListener((ListChangeListener<Crumb>) c -> fillCrumbs(crumbs, vm, vm.crumbs()));
        fillCrumbs(crumbs, vm, vm.crumbs());

        VBox picking = picking(vm);
        VBox detail = detail(vm);
        VBox loading = loading();
        StackPane body = new StackPane(picking, detail, loading);
        body.setMinHeight(0);
        VBox.setVgrow(body, Priority.ALWAYS);
        show(vm.stepProperty().get(), picking, detail, loading);
        vm.stepProperty().addListener((obs, old, now) -> {
            show(now, picking, detail, loading);
            // the detail takes the focus (and the keyboard) when the citizen picked their way to it, or
            // on opening where the host wants it typed at once
            if ((now == Step.DETAIL && (old == Step.PICKING || focusWhenOpened)) || now == Step.UNAVAILABLE) {
                field.requestFocus();
                field.end(); // a field given the focus selects its text: the keyboard would replace it all
            }
        });

        root.getChildren().addAll(header, crumbs, body);
    }

    private static void show(Step step, VBox picking, VBox detail, VBox loading) {
        picking.setVisible(step == Step.PICKING);
        detail.setVisible(step == Step.DETAIL || step == Step.UNAVAILABLE);
        loading.setVisible(step == Step.LOADING);
    }

    private static void fillCrumbs(FlowPane pane, AddressPickerViewModel vm, List<Crumb> crumbs) {
        pane.getChildren().clear();
        for (Crumb crumb : crumbs) {
            if (!pane.getChildren().isEmpty()) {
                SVGPath arrow = new SVGPath();
                arrow.setContent("M0 0 L10 10 L0 20 L3 20 L13 10 L3 0 Z");
                arrow.getStyleClass().add("address-crumb-arrow");
                pane.getChildren().add(arrow);
            }
            Button b = button("address-crumb-" + crumb.level().name().toLowerCase(Locale.ROOT), "address-crumb");
            if (crumb.pending()) {
                b.getStyleClass().add("pending");
            }
            b.setText(crumb.text());
            b.setOnAction(e -> vm.pickAgain(crumb.level()));
            pane.getChildren().add(b);
        }
    }

    private static VBox picking(AddressPickerViewModel vm) {
        FlowPane grid = new FlowPane();
        grid.getStyleClass().add("address-options");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.getStyleClass().addAll("kiosk-scroll", "address-scroll");
        scroll.setHbarPolicy(ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        vm.options().addListener((ListChangeListener<Option>) c -> {
            fillOptions(grid, vm, vm.options());
            scroll.setVvalue(0);
        });
        fillOptions(grid, vm, vm.options());

        Button up = button("address-page-up", "address-page-button");
        up.textProperty().bind(vm.i18n().bind(Msg.ADDRESS_PAGE_UP));
        up.setOnAction(e -> page(scroll, grid, -1));
        Button down = button("address-page-down", "address-page-button");
        down.textProperty().bind(vm.i18n().bind(Msg.ADDRESS_PAGE_DOWN));
        down.setOnAction(e -> page(scroll, grid, 1));
        // the page buttons only when the grid does not fit, each only where it can go
        BooleanBinding overflows = Bindings.createBooleanBinding(
                () -> grid.getHeight() > scroll.getViewportBounds().getHeight() + 1,
                grid.heightProperty(),
                scroll.viewportBoundsProperty());
        up.visibleProperty().bind(overflows);
        down.visibleProperty().bind(overflows);
        up.disableProperty().bind(scroll.vvalueProperty().lessThanOrEqualTo(0.0));
        down.disableProperty().bind(scroll.vvalueProperty().greaterThanOrEqualTo(1.0));

        Button skip = button("address-skip", "address-skip");
        skip.textProperty().bind(vm.i18n().bind(Msg.ADDRESS_SKIP_STREET));
        skip.setOnAction(e -> vm.skipStreet());
        skip.visibleProperty().bind(vm.canSkipProperty());
        skip.managedProperty().bind(vm.canSkipProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox pager = new HBox(up, down, gap, skip);
        pager.getStyleClass().add("address-pager");

        VBox box = new VBox(scroll, pager);
        box.getStyleClass().add("address-step");
        box.setMinHeight(0);
        return box;
    }

    /** Scrolls the grid by about a screenful, up or down. */
    private static void page(ScrollPane scroll, Region grid, int direction) {
        double viewport = scroll.getViewportBounds().getHeight();
        double hidden = grid.getHeight() - viewport;
        if (hidden <= 0) {
            return;
        }
        double step = viewport * 0.9 / hidden;
        scroll.setVvalue(Math.max(0, Math.min(1, scroll.getVvalue() + direction * step)));
    }

    private static void fillOptions(FlowPane grid, AddressPickerViewModel vm, List<Option> options) {
        grid.getChildren().clear();
        for (Option option : options) {
            Button b = button("address-option-" + option.code(), "address-option");
            if (option.current()) {
                b.getStyleClass().add("current");
            }
            b.setText(option.name());
            b.setOnAction(e -> vm.choose(option.code()));
            grid.getChildren().add(b);
        }
    }

    private VBox detail(AddressPickerViewModel vm) {
        field.setId("address-detail");
        field.getStyleClass().add("address-detail-field");
        Keyboards.use(field, KeyboardKind.PINYIN);
        field.promptTextProperty().bind(vm.i18n().bind(Msg.ADDRESS_DETAIL_PROMPT));
        Accessible.named(field, vm.i18n().bind(Msg.ADDRESS_DETAIL));
        // bound both ways by hand: a detail the model puts in (from the card, or cleared) leaves the
        // caret at its end, where the keyboard adds to it; what the citizen types stays where it is
        field.setText(vm.detailProperty().get());
        field.end();
        vm.detailProperty().addListener((obs, old, now) -> {
            if (!Objects.equals(now, field.getText())) {
                field.setText(now);
                field.end();
            }
        });
        field.textProperty().addListener((obs, old, now) -> vm.detailProperty().set(now));
        field.setOnAction(e -> vm.confirm());

        Label preview = label("address-preview");
        preview.setId("address-preview");
        preview.textProperty().bind(vm.previewProperty());
        Label hint = label("hint");
        hint.textProperty().bind(vm.i18n().bind(Msg.ADDRESS_DETAIL_HINT));
        hint.visibleProperty().bind(Bindings.isNotEmpty(vm.crumbs()));

        Button confirm = button("address-confirm", "primary-button");
        confirm.textProperty().bind(vm.i18n().bind(Msg.ADDRESS_CONFIRM));
        confirm.disableProperty().bind(vm.canConfirmProperty().not());
        confirm.setOnAction(e -> vm.confirm());

        VBox box = new VBox(field, preview, hint, confirm);
        box.getStyleClass().addAll("address-step", "address-detail-step");
        box.setMinHeight(0);
        return box;
    }

    private static VBox loading() {
        VBox box = new VBox(new ProgressIndicator());
        box.getStyleClass().add("address-step");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** A button that does not take the focus from the detail field, with an id and a style class. */
    private static Button button(String id, String styleClass) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add(styleClass);
        b.setFocusTraversable(false);
        return b;
    }

    /**
     * Whether an address opened at its detail (the card's, filled in) takes the focus at once, and
     * with it the keyboard (the default), or waits for a touch on the detail: a screen whose address
     * is usually right as it comes shows it whole, its confirm button in sight.
     */
    public void focusWhenOpened(boolean focus) {
        this.focusWhenOpened = focus;
        // nor does the scene hand it the focus when a screen changes (to its first traversable control):
        // a touch on it still does
        field.setFocusTraversable(focus);
    }

    /**
     * The picker has come into sight (a form opened it over itself): at the detail, the detail field
     * takes the focus, and with it the keyboard, the caret at the end of what is there.
     */
    public void shown() {
        Step step = vm.stepProperty().get();
        if (step == Step.DETAIL || step == Step.UNAVAILABLE) {
            field.requestFocus();
            field.end();
        }
    }

    public Node root() {
        return root;
    }
}
