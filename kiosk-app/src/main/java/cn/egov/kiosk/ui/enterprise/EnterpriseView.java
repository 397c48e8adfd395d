package cn.egov.kiosk.ui.enterprise;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;

import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out 企业信息查询, one decision a screen: the way in (two large choices), the credit code on its
 * pad or part of the name on the pinyin keyboard (the field and its 查询 above the keyboard, what is
 * wrong said under it, the keyboard stepping aside so that it is read), the register being asked,
 * the matches as large rows, the entity's page (large type, its long business scope wrapping and the
 * page scrolling; the print button always in sight below it), or why nothing could be looked up.
 */
public final class EnterpriseView {
    private final StackPane root = new StackPane();
    private final EnterpriseViewModel vm;
    private final I18n i18n;
    private final KeyboardViewModel keyboard;
    private final TextField code = new TextField();
    private final TextField name = new TextField();

    /** @param keyboard the screen's on-screen keyboard (the code's pad, the name's pinyin) */
    public EnterpriseView(EnterpriseViewModel vm, KeyboardViewModel keyboard) {
        this.vm = vm;
        this.i18n = vm.i18n();
        this.keyboard = keyboard;
        root.setId("enterprise");
        root.setMinHeight(0);
        VBox choose = choose();
        VBox byCode = byCode();
        VBox byName = byName();
        VBox searching = screen("enterprise-searching");
        searching.setAlignment(Pos.CENTER);
        searching.getChildren().addAll(new ProgressIndicator(), text("login-instruction", Msg.ENTERPRISE_SEARCHING));
        VBox matches = matches();
        VBox result = result();
        VBox unavailable = unavailable();
        root.getChildren().addAll(choose, byCode, byName, searching, matches, result, unavailable);
        Runnable show = () -> {
            EnterpriseViewModel.Step s = vm.stepProperty().get();
            choose.setVisible(s == EnterpriseViewModel.Step.CHOOSE);
            byCode.setVisible(s == EnterpriseViewModel.Step.CODE);
            byName.setVisible(s == EnterpriseViewModel.Step.NAME);
            searching.setVisible(s == EnterpriseViewModel.Step.SEARCHING);
            matches.setVisible(s == EnterpriseViewModel.Step.MATCHES);
            result.setVisible(s == EnterpriseViewModel.Step.RESULT);
            unavailable.setVisible(s == EnterpriseViewModel.Step.UNAVAILABLE);
            // typing starts at once: the field takes the focus and its keyboard slides in
            if (s == EnterpriseViewModel.Step.CODE) {
                code.requestFocus();
                code.end();
            } else if (s == EnterpriseViewModel.Step.NAME) {
                name.requestFocus();
                name.end();
            }
        };
        vm.stepProperty().addListener((obs, old, now) -> show.run());
        show.run();
        // what is wrong must be read: the keyboard steps aside (a touch on the field brings it back)
        vm.problemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                keyboard.done();
            }
        });
    }

    private VBox choose() {
        VBox box = screen("enterprise-choose");
        HBox ways = new HBox(
                32,
                way("enterprise-by-code", Msg.ENTERPRISE_BY_CODE, Msg.ENTERPRISE_BY_CODE_NOTE, vm::byCode),
                way("enterprise-by-name", Msg.ENTERPRISE_BY_NAME, Msg.ENTERPRISE_BY_NAME_NOTE, vm::byName));
        ways.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        ways.getStyleClass().add("enterprise-ways");
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.ENTERPRISE_TITLE),
                        text("enterprise-lead", Msg.ENTERPRISE_CHOOSE_HINT),
                        scroll(ways));
        return box;
    }

    private Button way(String id, Msg title, Msg note, Runnable action) {
        Label t = text("guide-entry-title", title);
        Label n = text("guide-entry-note", note);
        Button b = new Button();
        b.setGraphic(new VBox(12, t, n));
        b.setId(id);
        b.getStyleClass().addAll("tile", "guide-entry", "enterprise-way");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return Accessible.tile(b);
    }

    private VBox byCode() {
        VBox box = screen("enterprise-code");
        code.setId("enterprise-code-field");
        code.getStyleClass().addAll("guide-query", "enterprise-code-field");
        Keyboards.use(code, KeyboardKind.CREDIT_CODE);
        code.textProperty().bindBidirectional(vm.codeProperty());
        Label fieldName = text("enterprise-field-label", Msg.ENTERPRISE_CODE_LABEL);
        Accessible.field(code, fieldName);
        Label count = label("hint");
        count.setId("enterprise-code-count");
        count.textProperty().bind(vm.codeCountText());
        VBox content = typing(
                fieldName,
                code,
                lookUp("enterprise-code-look-up", vm::lookUpCode),
                problem("enterprise-code-problem"),
                count,
                text("hint", Msg.ENTERPRISE_CODE_HINT));
        KeyboardHost host = new KeyboardHost(content, keyboard);
        VBox.setVgrow(host.root(), Priority.ALWAYS);
        box.getChildren().addAll(text("screen-title", Msg.ENTERPRISE_CODE_TITLE), host.root());
        return box;
    }

    private VBox byName() {
        VBox box = screen("enterprise-name");
        name.setId("enterprise-name-field");
        name.getStyleClass().add("guide-query");
        Keyboards.use(name, KeyboardKind.PINYIN, EnterpriseViewModel.NAME_MAX);
        name.textProperty().bindBidirectional(vm.nameProperty());
        Label fieldName = text("enterprise-field-label", Msg.ENTERPRISE_NAME_LABEL);
        Accessible.field(name, fieldName);
        VBox content = typing(
                fieldName,
                name,
                lookUp("enterprise-name-look-up", vm::searchName),
                problem("enterprise-name-problem"),
                text("hint", Msg.ENTERPRISE_NAME_HINT));
        KeyboardHost host = new KeyboardHost(content, keyboard);
        VBox.setVgrow(host.root(), Priority.ALWAYS);
        box.getChildren().addAll(text("screen-title", Msg.ENTERPRISE_NAME_TITLE), host.root());
        return box;
    }

    /** The field's name above it, the field with its 查询 beside it, and what is said under them. */
    private static VBox typing(Label fieldName, TextField field, Button lookUp, Node... under) {
        HBox row = new HBox(24, field, lookUp);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        VBox content = new VBox(fieldName, row);
        content.getChildren().addAll(under);
        content.getStyleClass().add("enterprise-typing");
        return content;
    }

    private Button lookUp(String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("primary-button");
        b.textProperty().bind(i18n.bind(Msg.ENTERPRISE_LOOK_UP));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false); // the field keeps the focus, and its keyboard stays
        return b;
    }

    private Label problem(String id) {
        Label l = label("enterprise-problem");
        l.setId(id);
        l.textProperty().bind(vm.problemText());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private VBox matches() {
        VBox box = screen("enterprise-matches");
        Label title = label("screen-title");
        title.setId("enterprise-matches-title");
        title.textProperty().bind(vm.matchesTitle());
        Label more = label("notice");
        more.setId("enterprise-matches-more");
        more.textProperty().bind(vm.moreText());
        more.visibleProperty().bind(more.textProperty().isNotEmpty());
        more.managedProperty().bind(more.visibleProperty());
        VBox rows = new VBox();
        rows.getStyleClass().add("guide-rows");
        ScrollPane scroll = scroll(rows);
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < vm.matches().size(); i++) {
                rows.getChildren().add(match(i, vm.matches().get(i)));
            }
        };
        vm.matches().addListener((ListChangeListener<Enterprise>) c -> fill.run());
        i18n.localeProperty().addListener((obs, was, now) -> fill.run());
        box.getChildren().addAll(title, more, scroll);
        return box;
    }

    /** One large row, as high as its texts: the name, its status, its representative and its code. */
    private Button match(int i, Enterprise e) {
        Label n = plain("guide-row-name", e.name());
        Label status = plain("enterprise-status", vm.statusText(e));
        if (!EnterpriseViewModel.active(e)) {
            status.getStyleClass().add("enterprise-inactive");
        }
        Label detail = plain("enterprise-row-detail", vm.matchDetail(e));
        VBox inside = new VBox(6, n, status, detail);
        Button b = new Button();
        b.setGraphic(inside);
        // laid out at its width: the wrapping texts are measured there, not one character a line
        b.setWrapText(true);
        b.setId("enterprise-match-" + i);
        b.getStyleClass().add("guide-row");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(a -> vm.choose(e));
        b.setFocusTraversable(false);
        return Accessible.tile(b);
    }

    private VBox result() {
        VBox box = screen("enterprise-result");
        VBox page = new VBox();
        page.getStyleClass().add("enterprise-page");
        Runnable fill = () -> {
            page.getChildren().clear();
            Enterprise e = vm.resultProperty().get();
            if (e != null) {
                page.getChildren().addAll(page(e));
            }
        };
        vm.resultProperty().addListener((obs, was, now) -> fill.run());
        i18n.localeProperty().addListener((obs, was, now) -> fill.run());
        box.getChildren().addAll(scroll(page), actions());
        return box;
    }

    private Node[] page(Enterprise e) {
        Label title = plain("screen-title", e.name());
        title.setId("enterprise-result-name");
        GridPane facts = new GridPane();
        facts.getStyleClass().add("enterprise-facts");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (EnterpriseViewModel.Fact f : vm.facts()) {
            Label l = plain("enterprise-fact-label", f.label());
            GridPane.setValignment(l, VPos.TOP); // beside the first line of a long value
            Label v = plain("enterprise-fact-value", f.value());
            v.setId(f.id());
            v.setMaxWidth(Double.MAX_VALUE);
            if (f.warning()) {
                v.getStyleClass().add("enterprise-inactive");
            }
            facts.addRow(row++, l, v);
        }
        Label when = label("enterprise-queried-at");
        when.setId("enterprise-queried-at");
        when.textProperty().bind(vm.queriedAtText());
        return new Node[] {title, facts, when};
    }

    /** What can be done with the page, always in sight below it: print it. */
    private HBox actions() {
        Button print = new Button();
        print.setId("enterprise-print");
        print.getStyleClass().add("primary-button");
        print.textProperty().bind(i18n.bind(Msg.ENTERPRISE_PRINT));
        print.disableProperty().bind(vm.printStateProperty().isEqualTo(EnterpriseViewModel.PrintState.PRINTING));
        print.setOnAction(e -> vm.print());
        print.setFocusTraversable(false);
        Label status = label("enterprise-print-status");
        status.setId("enterprise-print-status");
        status.textProperty().bind(vm.printStatusText());
        Label code = label("error-code");
        code.setId("enterprise-print-code");
        code.textProperty().bind(vm.printCodeText());
        code.managedProperty().bind(code.textProperty().isNotEmpty());
        VBox said = new VBox(status, code);
        HBox.setHgrow(said, Priority.ALWAYS);
        HBox bar = new HBox(24, print, said);
        bar.getStyleClass().add("item-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox unavailable() {
        VBox box = screen("enterprise-unavailable");
        box.setAlignment(Pos.CENTER);
        Node cross = new Group(Icons.cross());
        cross.getStyleClass().add("big-icon");
        StackPane icon = new StackPane(cross); // room for the icon drawn three times its size
        icon.getStyleClass().add("enterprise-icon");
        Label what = label("failure-reason");
        what.setId("enterprise-unavailable-text");
        what.setMaxWidth(Double.MAX_VALUE);
        what.textProperty().bind(vm.unavailableText());
        Label still = text("login-instruction", Msg.ENTERPRISE_STILL_WORKS);
        Label code = label("error-code");
        code.setId("enterprise-unavailable-code");
        code.textProperty().bind(vm.unavailableCodeText());
        Button retry = new Button();
        retry.setId("enterprise-retry");
        retry.getStyleClass().add("primary-button");
        retry.textProperty().bind(i18n.bind(Msg.ENTERPRISE_RETRY));
        retry.setOnAction(e -> vm.retry());
        retry.setFocusTraversable(false);
        VBox inside = new VBox(24, icon, what, code, still, retry);
        inside.setAlignment(Pos.CENTER);
        inside.getStyleClass().add("enterprise-unavailable");
        box.getChildren().add(scroll(inside));
        return box;
    }

    private Label text(String style, Msg msg) {
        return Controls.text(i18n, style, msg);
    }

    private static Label plain(String style, String value) {
        Label l = new Label(value);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    public Node root() {
        return root;
    }
}
