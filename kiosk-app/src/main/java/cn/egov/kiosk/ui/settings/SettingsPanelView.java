package cn.egov.kiosk.ui.settings;

import static cn.egov.kiosk.ui.Controls.button;
import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.Controls.text;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.OptionDeclaration;
import cn.egov.kiosk.settings.Connection;
import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import cn.egov.kiosk.ui.settings.SettingsPanelViewModel.Page;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Staff's 终端设置 over the current screen: two pages (外设, 服务内容), the outcome of the last action
 * in plain words, and 关闭. Text fields take the kiosk's own keyboard.
 */
public final class SettingsPanelView {
    private final StackPane root = new StackPane();
    private final SettingsPanelViewModel vm;
    private final I18n i18n;
    /** True while the device editor's keyboard is shown. */
    private BooleanBinding deviceKeyboard;

    public SettingsPanelView(SettingsPanelViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("settings-panel");
        root.getStyleClass().add("overlay");
        Label title = text(i18n, "dialog-title", Msg.SETTINGS_TITLE);

        Button devicesTab = button(i18n, "settings-page-devices", "nav-button", Msg.SETTINGS_PAGE_DEVICES);
        devicesTab.setOnAction(e -> vm.show(Page.DEVICES));
        Button offerTab = button(i18n, "settings-page-offer", "nav-button", Msg.SETTINGS_PAGE_OFFER);
        offerTab.setOnAction(e -> vm.show(Page.OFFER));
        Runnable tabs = () -> {
            devicesTab.pseudoClassStateChanged(
                    Controls.SELECTED, vm.pageProperty().get() == Page.DEVICES);
            offerTab.pseudoClassStateChanged(
                    Controls.SELECTED, vm.pageProperty().get() == Page.OFFER);
        };
        vm.pageProperty().addListener((obs, was, now) -> tabs.run());
        tabs.run();
        HBox tabBar = new HBox(devicesTab, offerTab);
        tabBar.getStyleClass().add("settings-actions");

        Node devices = devicesPage();
        KeyboardHost offerHost = new KeyboardHost(offerPage(), i18n, vm.tasks());
        Node offer = offerHost.root();
        shownWhen(devices, vm.pageProperty().isEqualTo(Page.DEVICES));
        shownWhen(offer, vm.pageProperty().isEqualTo(Page.OFFER));
        StackPane pages = new StackPane(devices, offer);
        VBox.setVgrow(pages, Priority.ALWAYS);

        Label message = label("pin-message");
        message.setId("settings-message");
        message.textProperty().bind(vm.messageProperty());
        Button close = button(i18n, "settings-close", "nav-button", Msg.SETTINGS_CLOSE);
        close.setOnAction(e -> vm.close());
        HBox actions = new HBox(close);
        actions.getStyleClass().add("settings-actions");
        actions.setAlignment(Pos.CENTER);

        VBox dialog = new VBox(title, tabBar, pages, message, actions);
        dialog.getStyleClass().addAll("dialog", "settings-panel");
        // while staff type, the keyboard needs the room (the elderly theme's keys are large): the title
        // and the tabs step aside until it goes
        BooleanBinding typing = offerHost.keyboardShown().or(deviceKeyboard);
        for (Node n : List.of(title, tabBar)) {
            n.visibleProperty().bind(typing.not());
            n.managedProperty().bind(n.visibleProperty());
        }
        // a page shown does not hand its first field the focus: that would open the keyboard over
        // the page before staff chose what to change
        vm.pageProperty().addListener((obs, was, now) -> dialog.requestFocus());
        vm.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                dialog.requestFocus();
            }
        });
        root.getChildren().add(dialog);
        root.visibleProperty().bind(vm.visibleProperty());
    }

    // ---- 外设 --------------------------------------------------------------------------------------

    private Node devicesPage() {
        VBox rows = new VBox();
        rows.setId("settings-devices");
        rows.getStyleClass().add("settings-list");
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (SettingsPanelViewModel.DeviceRow r : vm.deviceRows()) {
                Label head = label("settings-row-title");
                head.setText(r.title());
                Label detail = label("panel-line");
                detail.setText(r.detail());
                VBox row = new VBox(head, detail);
                row.setId("settings-device-" + r.id());
                row.getStyleClass().add("settings-row");
                row.pseudoClassStateChanged(
                        Controls.SELECTED, r.id().equals(vm.selectedProperty().get()));
                row.setOnMouseClicked(e -> vm.select(r.id()));
                rows.getChildren().add(row);
            }
        };
        vm.deviceRows().addListener((ListChangeListener<SettingsPanelViewModel.DeviceRow>) c -> fill.run());
        vm.selectedProperty().addListener((obs, was, now) -> fill.run());
        fill.run();
        FlowPane add = new FlowPane();
        add.getStyleClass().add("settings-choices");
        add.getChildren().add(text(i18n, "panel-line", Msg.SETTINGS_ADD));
        for (DeviceClass c : DeviceClass.values()) {
            Button b = button(i18n, "settings-add-" + c.configName(), "nav-button", SettingsPanelViewModel.classMsg(c));
            b.setOnAction(e -> vm.add(c));
            add.getChildren().add(b);
        }
        // the list and the editor take the page's height: every device in view where the screen allows
        Node list = scroll(rows);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(list, add);
        left.getStyleClass().add("settings-column");

        // the chosen device
        Label none = text(i18n, "panel-line", Msg.SETTINGS_CHOOSE_DEVICE);
        shownWhen(none, vm.selectedProperty().isEmpty());
        Label heading = label("settings-row-title");
        heading.setId("settings-device-heading");
        heading.textProperty().bind(vm.selectedProperty());
        FlowPane drivers = choices(vm.drivers(), SettingsPanelViewModel.Choice.DRIVER, vm.driverProperty());
        FlowPane kinds = new FlowPane();
        kinds.getStyleClass().add("settings-choices");
        Runnable showKinds = () -> {
            kinds.getChildren().clear();
            for (Connection.Kind k : vm.kinds()) {
                ToggleButton t =
                        toggle("settings-kind-" + k.name().toLowerCase(Locale.ROOT), SettingsPanelViewModel.kindMsg(k));
                t.setSelected(vm.kindProperty().get() == k);
                t.setOnAction(e -> vm.kindProperty().set(k));
                kinds.getChildren().add(t);
            }
        };
        vm.kindProperty().addListener((obs, was, now) -> showKinds.run());
        vm.selectedProperty().addListener((obs, was, now) -> showKinds.run());
        showKinds.run();

        TextField target = field("settings-target", vm.targetProperty(), KeyboardKind.TECHNICAL);
        FlowPane ports = choices(vm.ports(), SettingsPanelViewModel.Choice.PORT, vm.targetProperty());
        shownWhen(ports, vm.kindProperty().isEqualTo(Connection.Kind.SERIAL));
        FlowPane queues = choices(vm.queues(), SettingsPanelViewModel.Choice.QUEUE, vm.targetProperty());
        shownWhen(queues, vm.kindProperty().isEqualTo(Connection.Kind.CUPS));
        TextField number = field("settings-number", vm.numberProperty(), KeyboardKind.DIGITS);
        ObservableList<String> baudTexts = FXCollections.observableArrayList(
                Connection.BAUD_RATES.stream().map(String::valueOf).toList());
        FlowPane bauds = choices(baudTexts, SettingsPanelViewModel.Choice.BAUD, vm.numberProperty());
        shownWhen(bauds, vm.kindProperty().isEqualTo(Connection.Kind.SERIAL));
        VBox targetBox = new VBox(text(i18n, "panel-line", Msg.SETTINGS_PORT), target, ports, queues);
        VBox numberBox = new VBox(text(i18n, "panel-line", Msg.SETTINGS_BAUD), number, bauds);
        shownWhen(
                targetBox,
                vm.kindProperty()
                        .isNotEqualTo(Connection.Kind.SIM)
                        .and(vm.kindProperty().isNotEqualTo(Connection.Kind.KEYBOARD)));
        shownWhen(
                numberBox,
                vm.kindProperty()
                        .isEqualTo(Connection.Kind.SERIAL)
                        .or(vm.kindProperty().isEqualTo(Connection.Kind.TCP)));

        Button test = button(i18n, "settings-test", "nav-button", Msg.SETTINGS_TEST);
        test.setOnAction(e -> vm.test());
        test.disableProperty().bind(vm.busyProperty());
        Button save = button(i18n, "settings-save-device", "primary-button", Msg.SETTINGS_SAVE);
        save.setOnAction(e -> vm.saveDevice());
        save.disableProperty().bind(vm.busyProperty());
        Button remove = button(i18n, "settings-remove-device", "nav-button", Msg.SETTINGS_REMOVE);
        remove.setOnAction(e -> vm.removeDevice());
        remove.disableProperty().bind(vm.busyProperty());
        // wrapped, not pushed out of a narrow column
        FlowPane buttons = new FlowPane(test, save, remove);
        buttons.getStyleClass().addAll("settings-actions", "settings-choices");
        Label result = label("panel-line");
        result.setId("settings-test-result");
        result.textProperty().bind(vm.testResultProperty());

        VBox editor = new VBox(
                heading,
                text(i18n, "panel-line", Msg.SETTINGS_DRIVER),
                drivers,
                text(i18n, "panel-line", Msg.SETTINGS_CONNECTION),
                kinds,
                targetBox,
                numberBox,
                optionsBox(),
                buttons,
                result);
        editor.getStyleClass().add("settings-editor");
        shownWhen(editor, vm.selectedProperty().isNotEmpty());
        KeyboardHost editorHost = new KeyboardHost(editor, i18n, tasksOf());
        deviceKeyboard = editorHost.keyboardShown();
        VBox.setVgrow(editorHost.root(), Priority.ALWAYS);
        VBox right = new VBox(none, editorHost.root());
        right.getStyleClass().add("settings-column");
        HBox columns = new HBox(left, right);
        columns.getStyleClass().add("settings-columns");
        for (VBox column : List.of(left, right)) {
            column.setPrefWidth(0);
            HBox.setHgrow(column, Priority.ALWAYS);
        }
        return columns;
    }

    /**
     * The chosen driver's options, one row each: the technical name and its description, the default
     * as such, and the control its kind takes (digits for numbers, a choice for a choice or
     * true/false, the technical keyboard for text), with 恢复默认.
     */
    private Node optionsBox() {
        VBox rows = new VBox();
        rows.setId("settings-options");
        rows.getStyleClass().add("settings-list");
        Label none = text(i18n, "panel-line", Msg.SETTINGS_OPTIONS_NONE);
        Runnable fill = () -> {
            rows.getChildren().clear();
            if (vm.options().isEmpty()) {
                rows.getChildren().add(none);
            }
            for (SettingsPanelViewModel.OptionRow o : vm.options()) {
                rows.getChildren().add(optionRow(o));
            }
        };
        vm.options().addListener((ListChangeListener<SettingsPanelViewModel.OptionRow>) c -> fill.run());
        fill.run();
        return new VBox(text(i18n, "settings-row-title", Msg.SETTINGS_OPTIONS), rows);
    }

    private Node optionRow(SettingsPanelViewModel.OptionRow o) {
        OptionDeclaration d = o.declaration();
        Label name = label("settings-row-title");
        name.setText(d.name());
        Label about = label("panel-line");
        SettingsPanelViewModel.optionMsg(d.name())
                .ifPresent(m -> about.textProperty().bind(i18n.bind(m)));
        Label byDefault = label("panel-line");
        byDefault.textProperty().bind(i18n.bind(Msg.SETTINGS_OPTIONS_DEFAULT, d.defaultValue()));
        // the name, what it is for and its default wrap in a narrow column (the elderly theme's type)
        FlowPane head = new FlowPane(name, about, byDefault);
        head.getStyleClass().add("settings-choices");
        head.setAlignment(Pos.CENTER_LEFT);

        Node control;
        switch (d.kind()) {
            case BOOL:
            case CHOICE:
                FlowPane pane = new FlowPane();
                pane.getStyleClass().add("settings-choices");
                pane.setId(SettingsPanelViewModel.optionId(d.name(), -1));
                Runnable fill = () -> {
                    pane.getChildren().clear();
                    String chosen = o.value().get().isBlank()
                            ? d.defaultValue()
                            : o.value().get().strip();
                    for (int i = 0; i < d.allowed().size(); i++) {
                        String value = d.allowed().get(i);
                        Button b = new Button(value);
                        b.setId(SettingsPanelViewModel.optionId(d.name(), i));
                        b.getStyleClass().add("settings-choice");
                        b.setFocusTraversable(false);
                        b.pseudoClassStateChanged(Controls.SELECTED, value.equals(chosen));
                        b.setOnAction(e -> o.value().set(value));
                        pane.getChildren().add(b);
                    }
                };
                o.value().addListener((obs, was, now) -> fill.run());
                fill.run();
                control = pane;
                break;
            case TEXT:
                control = optionField(o, KeyboardKind.TECHNICAL);
                break;
            case INTEGER:
            case MILLIS:
            default:
                control = optionField(o, KeyboardKind.DIGITS);
                break;
        }
        Button reset =
                button(i18n, SettingsPanelViewModel.optionResetId(d.name()), "nav-button", Msg.SETTINGS_OPTIONS_RESET);
        reset.setOnAction(e -> vm.resetOption(d.name()));
        HBox edit = new HBox(control, reset);
        edit.getStyleClass().add("settings-field-row");
        edit.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        if (control instanceof Region r) {
            r.setMinWidth(0); // the field gives way, the reset button keeps its size
            r.setPrefWidth(0);
        }
        reset.setMinWidth(Region.USE_PREF_SIZE);
        VBox row = new VBox(head, edit);
        row.getStyleClass().add("settings-row");
        return row;
    }

    private TextField optionField(SettingsPanelViewModel.OptionRow o, KeyboardKind kind) {
        TextField f = Keyboards.use(
                SettingsPanelViewModel.secret(o.declaration()) ? new PasswordField() : new TextField(), kind);
        f.setId(SettingsPanelViewModel.optionId(o.name(), -1));
        f.getStyleClass().add("settings-field");
        f.textProperty().bindBidirectional(o.value());
        f.promptTextProperty()
                .bind(i18n.bind(Msg.SETTINGS_OPTIONS_DEFAULT, o.declaration().defaultValue()));
        return f;
    }

    // ---- 服务内容 ------------------------------------------------------------------------------------

    private Node offerPage() {
        VBox page = new VBox();
        page.setId("settings-offer");
        page.getStyleClass().add("settings-editor");
        page.getChildren()
                .addAll(
                        text(i18n, "panel-line", Msg.SETTINGS_HALL_NAME),
                        field("settings-hall-zh", vm.hallZhProperty(), KeyboardKind.PINYIN),
                        text(i18n, "panel-line", Msg.SETTINGS_HALL_NAME_EN),
                        field("settings-hall-en", vm.hallEnProperty(), KeyboardKind.TECHNICAL),
                        text(i18n, "panel-line", Msg.SETTINGS_HOTLINE),
                        // a hotline may have an area code with a dash and spaces (0571-8765 4321)
                        field("settings-hotline", vm.hotlineProperty(), KeyboardKind.TECHNICAL),
                        text(i18n, "panel-line", Msg.SETTINGS_LOGO),
                        field("settings-logo", vm.logoProperty(), KeyboardKind.TECHNICAL),
                        switchRow("settings-english-first", Msg.SETTINGS_ENGLISH_FIRST, vm.englishFirstProperty()),
                        switchRow("settings-elderly", Msg.SETTINGS_ELDERLY, vm.elderlyProperty()),
                        stepper(
                                SettingsPanelViewModel.Stepper.INACTIVITY,
                                Msg.SETTINGS_INACTIVITY,
                                vm.inactivityProperty(),
                                5,
                                15,
                                600),
                        stepper(
                                SettingsPanelViewModel.Stepper.WARNING,
                                Msg.SETTINGS_WARNING,
                                vm.warningProperty(),
                                5,
                                20,
                                120),
                        switchRow("settings-voice", Msg.SETTINGS_VOICE, vm.voiceOnProperty()),
                        stepper(
                                SettingsPanelViewModel.Stepper.VOLUME,
                                Msg.SETTINGS_VOLUME,
                                vm.volumeProperty(),
                                1,
                                1,
                                5),
                        nextStart(Msg.SETTINGS_SERVICES),
                        toggles("settings-service-", vm.services()),
                        text(i18n, "settings-row-title", Msg.SETTINGS_HOURS));
        for (DayOfWeek d : DayOfWeek.values()) {
            Label day = text(i18n, "panel-line", dayMsg(d));
            TextField hours = field(
                    "settings-hours-" + d.name().toLowerCase(Locale.ROOT),
                    vm.hours().get(d),
                    KeyboardKind.TECHNICAL);
            HBox row = new HBox(day, hours);
            row.getStyleClass().add("settings-field-row");
            HBox.setHgrow(hours, Priority.ALWAYS);
            page.getChildren().add(row);
        }
        page.getChildren()
                .addAll(
                        text(i18n, "panel-line", Msg.SETTINGS_AFTER_HOURS),
                        toggles("settings-after-hours-", vm.afterHours()));

        // business types
        VBox typeRows = new VBox();
        typeRows.setId("settings-types");
        typeRows.getStyleClass().add("settings-list");
        Runnable fill = () -> {
            typeRows.getChildren().clear();
            for (SettingsPanelViewModel.TypeRow t : vm.types()) {
                Label l = label("settings-row");
                l.setText(t.line());
                l.setId("settings-type-" + t.code().toLowerCase(Locale.ROOT));
                l.setOnMouseClicked(e -> vm.pickType(t.code()));
                typeRows.getChildren().add(l);
            }
        };
        vm.types().addListener((ListChangeListener<SettingsPanelViewModel.TypeRow>) c -> fill.run());
        fill.run();
        Button put = button(i18n, "settings-type-put", "nav-button", Msg.SETTINGS_TYPE_PUT);
        put.setOnAction(e -> vm.putType());
        Button removeType = button(i18n, "settings-type-remove", "nav-button", Msg.SETTINGS_TYPE_REMOVE);
        removeType.setOnAction(e -> vm.removeType());
        HBox typeButtons = new HBox(put, removeType);
        typeButtons.getStyleClass().add("settings-actions");
        Button save = button(i18n, "settings-save-offer", "primary-button", Msg.SETTINGS_SAVE);
        save.setOnAction(e -> vm.saveOffer());
        save.disableProperty().bind(vm.busyProperty());
        page.getChildren()
                .addAll(
                        nextStart(Msg.SETTINGS_BUSINESS_TYPES),
                        typeRows,
                        text(i18n, "panel-line", Msg.SETTINGS_TYPE_CODE),
                        field("settings-type-code", vm.typeCodeProperty(), KeyboardKind.LETTERS),
                        text(i18n, "panel-line", Msg.SETTINGS_TYPE_NAME),
                        field("settings-type-zh", vm.typeZhProperty(), KeyboardKind.PINYIN),
                        text(i18n, "panel-line", Msg.SETTINGS_TYPE_NAME_EN),
                        field("settings-type-en", vm.typeEnProperty(), KeyboardKind.TECHNICAL),
                        typeButtons,
                        save);
        return page;
    }

    private static Msg dayMsg(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> Msg.SETTINGS_DAY_MONDAY;
            case TUESDAY -> Msg.SETTINGS_DAY_TUESDAY;
            case WEDNESDAY -> Msg.SETTINGS_DAY_WEDNESDAY;
            case THURSDAY -> Msg.SETTINGS_DAY_THURSDAY;
            case FRIDAY -> Msg.SETTINGS_DAY_FRIDAY;
            case SATURDAY -> Msg.SETTINGS_DAY_SATURDAY;
            case SUNDAY -> Msg.SETTINGS_DAY_SUNDAY;
        };
    }

    // ---- parts ---------------------------------------------------------------------------------

    private TaskRunner tasksOf() {
        return vm.tasks();
    }

    /** A label and, beside it, that the value takes effect at the next start. */
    private HBox nextStart(Msg msg) {
        HBox row = new HBox(text(i18n, "settings-row-title", msg), text(i18n, "panel-line", Msg.SETTINGS_NEXT_START));
        row.getStyleClass().add("settings-field-row");
        return row;
    }

    private TextField field(String id, StringProperty value, KeyboardKind kind) {
        TextField f = Keyboards.use(new TextField(), kind);
        f.setId(id);
        f.getStyleClass().add("settings-field");
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private ToggleButton toggle(String id, Msg msg) {
        ToggleButton t = new ToggleButton();
        t.setId(id);
        t.getStyleClass().add("settings-toggle");
        t.textProperty().bind(i18n.bind(msg));
        t.setFocusTraversable(false);
        return t;
    }

    private ToggleButton switchRow(String id, Msg msg, BooleanProperty value) {
        ToggleButton t = toggle(id, msg);
        t.selectedProperty().bindBidirectional(value);
        return t;
    }

    private FlowPane toggles(String idPrefix, Map<String, BooleanProperty> values) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add("settings-choices");
        values.forEach((name, value) -> {
            ToggleButton t = toggle(idPrefix + name, SettingsPanelViewModel.serviceMsg(name));
            t.selectedProperty().bindBidirectional(value);
            pane.getChildren().add(t);
        });
        return pane;
    }

    private HBox stepper(
            SettingsPanelViewModel.Stepper which, Msg msg, IntegerProperty value, int step, int min, int max) {
        Label name = text(i18n, "panel-line", msg);
        Label shown = label("settings-number-shown");
        shown.setId(SettingsPanelViewModel.stepperId(which, 0));
        shown.textProperty().bind(value.asString());
        Button less = button(i18n, SettingsPanelViewModel.stepperId(which, -1), "nav-button", Msg.SETTINGS_LESS);
        less.setOnAction(e -> vm.step(value, -step, min, max));
        Button more = button(i18n, SettingsPanelViewModel.stepperId(which, 1), "nav-button", Msg.SETTINGS_MORE);
        more.setOnAction(e -> vm.step(value, step, min, max));
        HBox row = new HBox(name, less, shown, more);
        row.getStyleClass().add("settings-field-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** One button per choice, following the list; the chosen one marked; a tap chooses it. */
    private static FlowPane choices(
            ObservableList<String> list, SettingsPanelViewModel.Choice what, StringProperty chosen) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add("settings-choices");
        Runnable fill = () -> {
            pane.getChildren().clear();
            for (int i = 0; i < list.size(); i++) {
                String value = list.get(i);
                Button b = new Button(value);
                b.setId(SettingsPanelViewModel.choiceId(what, value, i));
                b.getStyleClass().add("settings-choice");
                b.setFocusTraversable(false);
                b.pseudoClassStateChanged(Controls.SELECTED, value.equals(chosen.get()));
                b.setOnAction(e -> chosen.set(value));
                pane.getChildren().add(b);
            }
        };
        list.addListener((ListChangeListener<String>) c -> fill.run());
        chosen.addListener((obs, was, now) -> fill.run());
        fill.run();
        return pane;
    }

    private static void shownWhen(Node node, ObservableValue<Boolean> when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    public Node root() {
        return root;
    }
}
