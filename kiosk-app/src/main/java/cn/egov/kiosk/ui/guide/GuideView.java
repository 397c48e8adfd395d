package cn.egov.kiosk.ui.guide;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;

import cn.egov.kiosk.catalogue.Guide;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.PlainWords;
import cn.egov.kiosk.ui.QrImage;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * Lays out 办事指南: the start (search, the 零跑腿/只跑一次 lists, the items doable here, browse by
 * department, theme or life event, the most used), a facet's groups, a list page by page, the
 * search as the citizen types, and an item's page with where to do it.
 */
public final class GuideView {
    /** The QR code's size on screen, in pixels: large enough for a phone at arm's length. */
    private static final int QR_PIXELS = 240;

    private final StackPane root = new StackPane();
    private final GuideViewModel vm;
    private final I18n i18n;
    private final TextField query = new TextField();
    private final KeyboardViewModel keyboard;

    /** @param keyboard the search's on-screen keyboard */
    public GuideView(GuideViewModel vm, KeyboardViewModel keyboard) {
        this.vm = vm;
        this.keyboard = keyboard;
        this.i18n = vm.i18n();
        root.setId("guide");
        root.setMinHeight(0);
        VBox loading = screen("guide-loading");
        loading.setAlignment(Pos.CENTER);
        loading.getChildren().addAll(new ProgressIndicator(), text("login-instruction", Msg.GUIDE_LOADING));
        VBox empty = screen("guide-empty");
        empty.setAlignment(Pos.CENTER);
        Label emptyCode = label("error-code");
        emptyCode.setId("guide-empty-code");
        emptyCode.textProperty().bind(vm.emptyCodeText());
        empty.getChildren().addAll(text("failure-reason", Msg.GUIDE_EMPTY), emptyCode);
        VBox start = start();
        VBox groups = groups();
        VBox list = list();
        VBox search = search();
        VBox item = item();
        root.getChildren().addAll(loading, empty, start, groups, list, search, item);
        Runnable show = () -> {
            GuideViewModel.Step s = vm.stepProperty().get();
            loading.setVisible(s == GuideViewModel.Step.LOADING);
            empty.setVisible(s == GuideViewModel.Step.EMPTY);
            start.setVisible(s == GuideViewModel.Step.START);
            groups.setVisible(s == GuideViewModel.Step.GROUPS);
            list.setVisible(s == GuideViewModel.Step.LIST);
            search.setVisible(s == GuideViewModel.Step.SEARCH);
            item.setVisible(s == GuideViewModel.Step.ITEM);
            if (s == GuideViewModel.Step.SEARCH) {
                query.requestFocus();
            }
        };
        vm.stepProperty().addListener((obs, old, now) -> show.run());
        show.run();
    }

    private VBox start() {
        VBox box = screen("guide-start");
        HBox head = new HBox(24, text("screen-title", Msg.GUIDE_TITLE), grow(), asOf("guide-as-of"));
        head.setAlignment(Pos.BASELINE_LEFT);

        Button search = new Button();
        search.setId("guide-search-open");
        search.getStyleClass().add("guide-search-button");
        search.textProperty().bind(i18n.bind(Msg.GUIDE_SEARCH_HINT));
        search.setMaxWidth(Double.MAX_VALUE);
        search.setOnAction(e -> vm.openSearch());
        search.setFocusTraversable(false);

        HBox entries = new HBox(
                24,
                entry(
                        "guide-entry-zero-trip",
                        Msg.GUIDE_ZERO_TRIP,
                        Msg.GUIDE_ZERO_TRIP_NOTE,
                        GuideViewModel.Entry.ZERO_TRIP,
                        g -> g.byTrips(Catalogue.Trips.ZERO).size()),
                entry(
                        "guide-entry-once-trip",
                        Msg.GUIDE_ONCE_TRIP,
                        Msg.GUIDE_ONCE_TRIP_NOTE,
                        GuideViewModel.Entry.ONCE_TRIP,
                        g -> g.byTrips(Catalogue.Trips.ONCE).size()),
                entry(
                        "guide-entry-doable-here",
                        Msg.GUIDE_DOABLE_HERE,
                        Msg.GUIDE_DOABLE_HERE_NOTE,
                        GuideViewModel.Entry.DOABLE_HERE,
                        g -> g.doableHere().size()));
        entries.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        HBox browse = new HBox(
                24,
                browse("guide-browse-department", Msg.GUIDE_BY_DEPARTMENT, null, Guide.Facet.DEPARTMENT),
                browse("guide-browse-theme", Msg.GUIDE_BY_THEME, null, Guide.Facet.THEME),
                browse(
                        "guide-browse-life-event",
                        Msg.GUIDE_BY_LIFE_EVENT,
                        Msg.GUIDE_BY_LIFE_EVENT_NOTE,
                        Guide.Facet.LIFE_EVENT));
        browse.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        Label usedTitle = text("guide-section-title", Msg.GUIDE_MOST_USED);
        FlowPane used = new FlowPane();
        used.getStyleClass().add("guide-most-used");
        Runnable fillUsed = () -> {
            List<Catalogue.Item> top = vm.guideProperty().get().mostUsed();
            used.getChildren().clear();
            for (int i = 0; i < Math.min(4, top.size()); i++) {
                Catalogue.Item it = top.get(i);
                Button b = new Button(it.name());
                b.setId("guide-most-used-" + i);
                b.getStyleClass().add("guide-chip");
                b.setOnAction(e -> vm.openItem(it));
                b.setFocusTraversable(false);
                used.getChildren().add(b);
            }
            usedTitle.setVisible(!top.isEmpty());
            usedTitle.setManaged(!top.isEmpty());
        };
        vm.guideProperty().addListener((obs, was, now) -> fillUsed.run());
        fillUsed.run();

        VBox ways = new VBox(24, entries, browse, usedTitle, used);
        box.getChildren().addAll(head, search, scroll(ways));
        return box;
    }

    private Button entry(String id, Msg name, Msg note, GuideViewModel.Entry entry, ToIntFunction<Guide> count) {
        Label title = text("guide-entry-title", name);
        Label detail = label("guide-entry-note");
        detail.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.text(
                                note, count.applyAsInt(vm.guideProperty().get())),
                        vm.guideProperty(),
                        i18n.localeProperty()));
        Button b = new Button();
        b.setGraphic(new VBox(8, title, detail));
        b.setId(id);
        b.getStyleClass().addAll("tile", "guide-entry");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> vm.openEntry(entry));
        b.setFocusTraversable(false);
        return Accessible.tile(b);
    }

    private Button browse(String id, Msg name, Msg note, Guide.Facet facet) {
        VBox inside = new VBox(6, text("guide-entry-title", name));
        if (note != null) {
            inside.getChildren().add(text("guide-entry-note", note));
        }
        Button b = new Button();
        b.setGraphic(inside);
        b.setId(id);
        b.getStyleClass().addAll("tile", "guide-browse");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> vm.browse(facet));
        b.setFocusTraversable(false);
        return Accessible.tile(b);
    }

    private VBox groups() {
        VBox box = screen("guide-groups");
        Label title = label("screen-title");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.text(
                                switch (vm.facetProperty().get()) {
                                    case DEPARTMENT -> Msg.GUIDE_BY_DEPARTMENT;
                                    case THEME -> Msg.GUIDE_BY_THEME;
                                    case LIFE_EVENT -> Msg.GUIDE_BY_LIFE_EVENT;
                                }),
                        vm.facetProperty(),
                        i18n.localeProperty()));
        Button personal = audience("guide-audience-personal", Msg.GUIDE_PERSONAL, Guide.Audience.PERSONAL);
        Button business = audience("guide-audience-business", Msg.GUIDE_BUSINESS, Guide.Audience.BUSINESS);
        HBox who = new HBox(16, personal, business);
        who.visibleProperty().bind(vm.facetProperty().isNotEqualTo(Guide.Facet.DEPARTMENT));
        who.managedProperty().bind(who.visibleProperty());
        HBox head = new HBox(32, title, grow(), who);
        head.setAlignment(Pos.CENTER_LEFT);

        FlowPane grid = new FlowPane();
        grid.getStyleClass().add("guide-groups");
        ObservableList<Guide.Group> groups = vm.groups();
        Runnable fill = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < groups.size(); i++) {
                Guide.Group g = groups.get(i);
                Label name = new Label(g.name());
                name.getStyleClass().add("guide-group-name");
                name.setWrapText(true);
                Label count = label("guide-group-count");
                count.textProperty().bind(i18n.bind(Msg.GUIDE_GROUP_COUNT, g.count())); // and its name
                Button b = new Button();
                b.setGraphic(new VBox(4, name, count));
                b.setId("guide-group-" + i);
                b.getStyleClass().add("guide-group");
                b.setOnAction(e -> vm.openGroup(g));
                b.setFocusTraversable(false);
                Accessible.tile(b);
                grid.getChildren().add(b);
            }
        };
        groups.addListener((ListChangeListener<Guide.Group>) c -> fill.run());
        box.getChildren().addAll(head, scroll(grid));
        return box;
    }

    private Button audience(String id, Msg name, Guide.Audience who) {
        Button b = Accessible.choice(
                AccessibleRole.RADIO_BUTTON, vm.audienceProperty().isEqualTo(who));
        b.setId(id);
        b.getStyleClass().add("guide-toggle");
        b.textProperty().bind(i18n.bind(name));
        b.setOnAction(e -> vm.audience(who));
        b.setFocusTraversable(false);
        Runnable mark = () -> b.pseudoClassStateChanged(
                Controls.SELECTED, vm.audienceProperty().get() == who);
        vm.audienceProperty().addListener((obs, was, now) -> mark.run());
        mark.run();
        return b;
    }

    private VBox list() {
        VBox box = screen("guide-list");
        Label title = label("screen-title");
        title.setId("guide-list-title");
        title.textProperty().bind(vm.listTitleProperty());
        VBox rows = new VBox();
        rows.getStyleClass().add("guide-rows");
        fillRows(rows, vm.pageItems(), false);

        Button previous = new Button();
        previous.setId("guide-previous");
        previous.getStyleClass().add("nav-button");
        previous.textProperty().bind(i18n.bind(Msg.GUIDE_PREVIOUS));
        previous.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        previous.setOnAction(e -> vm.previousPage());
        Button next = new Button();
        next.setId("guide-next");
        next.getStyleClass().add("nav-button");
        next.textProperty().bind(i18n.bind(Msg.GUIDE_NEXT));
        next.disableProperty().bind(vm.pageProperty().add(1).greaterThanOrEqualTo(vm.pagesProperty()));
        next.setOnAction(e -> vm.nextPage());
        Label page = label("hint");
        page.setId("guide-page");
        page.textProperty().bind(vm.pageText());
        HBox pager = new HBox(32, previous, page, next);
        pager.setAlignment(Pos.CENTER);
        pager.visibleProperty().bind(vm.pagesProperty().greaterThan(1));
        box.getChildren().addAll(title, scroll(rows), pager);
        return box;
    }

    private VBox search() {
        VBox box = screen("guide-search");
        query.setId("guide-query");
        query.getStyleClass().add("guide-query");
        query.promptTextProperty().bind(i18n.bind(Msg.GUIDE_SEARCH_HINT));
        Accessible.named(query, i18n.bind(Msg.GUIDE_SEARCH));
        Keyboards.use(query, KeyboardKind.PINYIN, GuideViewModel.QUERY_MAX);
        query.textProperty().bindBidirectional(vm.queryProperty());
        vm.typingProperty().bind(keyboard.composingProperty());
        Label nothing = text("hint", Msg.GUIDE_SEARCH_NOTHING);
        nothing.setId("guide-search-nothing");
        nothing.visibleProperty()
                .bind(Bindings.isEmpty(vm.hits())
                        .and(vm.queryProperty()
                                .isNotEmpty()
                                .or(vm.typingProperty().isNotEmpty())));
        nothing.managedProperty().bind(nothing.visibleProperty());
        VBox rows = new VBox();
        rows.getStyleClass().add("guide-rows");
        fillRows(rows, vm.hits(), true);
        VBox content = new VBox(query, nothing, rows);
        content.getStyleClass().add("guide-results");
        // the field and the results scroll above the keyboard, which never covers the field
        KeyboardHost host = new KeyboardHost(content, keyboard);
        VBox.setVgrow(host.root(), Priority.ALWAYS);
        box.getChildren().addAll(text("screen-title", Msg.GUIDE_SEARCH), host.root());
        return box;
    }

    /** One large row per item: its name, its department, and what is special about it. */
    /** @param hits the search's results (ids {@code guide-hit-N}), else a list's page ({@code guide-item-N}) */
    private void fillRows(VBox rows, ObservableList<Catalogue.Item> items, boolean hits) {
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < items.size(); i++) {
                Catalogue.Item it = items.get(i);
                Label name = new Label(it.name());
                name.getStyleClass().add("guide-row-name");
                name.setWrapText(true);
                Label department = new Label(it.departmentName());
                department.getStyleClass().add("guide-row-department");
                HBox badges = new HBox(8);
                if (it.kioskCapable()) {
                    badges.getChildren().add(badge(Msg.GUIDE_BADGE_HERE, "badge-here"));
                }
                if (it.trips() == Catalogue.Trips.ZERO) {
                    badges.getChildren().add(badge(Msg.GUIDE_BADGE_ZERO, "badge-trips"));
                } else if (it.trips() == Catalogue.Trips.ONCE) {
                    badges.getChildren().add(badge(Msg.GUIDE_BADGE_ONCE, "badge-trips"));
                }
                HBox under = new HBox(16, department, badges);
                under.setAlignment(Pos.CENTER_LEFT);
                Button b = new Button();
                b.setGraphic(new VBox(4, name, under));
                // laid out at its width: a wrapping name is measured there, not one character a line
                b.setWrapText(true);
                b.setId(hits ? "guide-hit-" + i : "guide-item-" + i);
                b.getStyleClass().add("guide-row");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setOnAction(e -> vm.openItem(it));
                b.setFocusTraversable(false);
                Accessible.tile(b);
                rows.getChildren().add(b);
            }
        };
        items.addListener((ListChangeListener<Catalogue.Item>) c -> fill.run());
        fill.run();
    }

    private Label badge(Msg text, String style) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(text)); // a row's name follows the language too
        l.getStyleClass().add("badge");
        l.getStyleClass().add(style);
        return l;
    }

    private VBox item() {
        VBox box = screen("guide-item");
        VBox page = new VBox();
        page.getStyleClass().add("item-page");
        Runnable fill = () -> {
            page.getChildren().clear();
            Catalogue.Item it = vm.itemProperty().get();
            if (it != null) {
                page.getChildren().addAll(itemPage(it));
            }
        };
        vm.itemProperty().addListener((obs, was, now) -> fill.run());
        i18n.localeProperty().addListener((obs, was, now) -> fill.run());
        box.getChildren().addAll(scroll(page), actions());
        return box;
    }

    /** What can be done with the item, always in sight below its page: apply here, print the guide. */
    private HBox actions() {
        Button apply = new Button();
        apply.setId("item-apply");
        apply.getStyleClass().add("primary-button");
        apply.textProperty().bind(i18n.bind(Msg.ITEM_APPLY));
        apply.setOnAction(e -> vm.applyHere());
        apply.visibleProperty().bind(vm.applicableProperty());
        apply.managedProperty().bind(vm.applicableProperty());
        Button print = new Button();
        print.setId("item-print-guide");
        print.getStyleClass().add("primary-button");
        print.textProperty().bind(i18n.bind(Msg.ITEM_PRINT_GUIDE));
        print.disableProperty().bind(vm.printStateProperty().isEqualTo(GuideViewModel.PrintState.PRINTING));
        print.setOnAction(e -> vm.printGuide());
        Label status = label("hint");
        status.setId("item-print-status");
        status.textProperty().bind(vm.printStatusText());
        Label code = label("error-code");
        code.setId("item-print-code");
        code.textProperty().bind(vm.printCodeText());
        code.managedProperty().bind(code.textProperty().isNotEmpty());
        HBox bar = new HBox(24, apply, print, new VBox(status, code));
        bar.getStyleClass().add("item-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private List<Node> itemPage(Catalogue.Item it) {
        // each official term on the page is followed by its everyday words, once, where it first appears
        Set<String> explained = new HashSet<>();
        TextFlow name = explained(it.name(), () -> label("screen-title"), explained);
        name.setId("item-name");

        GridPane facts = new GridPane();
        facts.getStyleClass().add("item-facts");
        int row = 0;
        fact(facts, row++, Msg.ITEM_DEPARTMENT, it.departmentName(), "item-department", explained);
        fact(facts, row++, Msg.ITEM_FEE, vm.feeText(it), "item-fee", explained);
        fact(facts, row++, Msg.ITEM_LEGAL_LIMIT, days(it.legalLimitDays()), "item-legal-limit", explained);
        fact(facts, row++, Msg.ITEM_PROMISED_LIMIT, days(it.promisedLimitDays()), "item-promised-limit", explained);
        fact(
                facts,
                row,
                Msg.ITEM_TRIPS,
                i18n.text(
                        switch (it.trips()) {
                            case ZERO -> Msg.ITEM_TRIPS_ZERO;
                            case ONCE -> Msg.ITEM_TRIPS_ONCE;
                            case MULTIPLE -> Msg.ITEM_TRIPS_MULTIPLE;
                        }),
                "item-trips",
                explained);

        VBox materials = new VBox();
        materials.getStyleClass().add("item-materials");
        materials.setId("item-materials");
        int n = 1;
        for (Catalogue.Material m : it.materials()) {
            Label number = plain("item-material-number", Integer.toString(n++));
            TextFlow mName = explained(m.name(), () -> label("item-material-name"), explained);
            HBox line = new HBox(12, number, mName);
            line.setAlignment(Pos.CENTER_LEFT);
            if (m.copies() > 0) {
                line.getChildren().add(plain("item-material-copies", i18n.text(Msg.ITEM_MATERIAL_COPIES, m.copies())));
            }
            if (m.electronic()) {
                line.getChildren().add(badge(Msg.ITEM_MATERIAL_EXEMPT, "badge-exempt"));
                line.getChildren()
                        .addAll(PlainWords.wordsOf(vm.explain(i18n.text(Msg.ITEM_MATERIAL_EXEMPT), explained), i18n));
            } else if (!m.required()) {
                line.getChildren().add(badge(Msg.ITEM_MATERIAL_OPTIONAL, "badge-optional"));
            }
            materials.getChildren().add(line);
            String note = m.electronic() ? i18n.text(Msg.ITEM_MATERIAL_EXEMPT_NOTE) : m.note();
            if (note != null && !note.isBlank()) {
                TextFlow noteFlow = explained(note, () -> label("item-material-note-text"), explained);
                noteFlow.getStyleClass().add("item-material-note-flow");
                materials.getChildren().add(noteFlow);
            }
        }

        // where: here at the kiosk (the button is below the page), on the phone, at a counter
        VBox here = card("item-here", Msg.ITEM_HERE);
        here.getChildren().add(text("hint", vm.applicableProperty().get() ? Msg.ITEM_HERE_HOW : Msg.ITEM_NOT_HERE));
        HBox ways = new HBox(24, here);
        if (it.portalUrl() != null && !it.portalUrl().isBlank()) {
            VBox online = card("item-online", Msg.ITEM_ONLINE);
            ImageView qr = new ImageView(QrImage.of(it.portalUrl(), QR_PIXELS));
            qr.setId("item-qr");
            qr.setPreserveRatio(true);
            qr.setFitWidth(QR_PIXELS);
            online.getChildren().add(qr);
            ways.getChildren().add(online);
        }
        if (vm.counterHere(it)) {
            VBox counter = card("item-counter", Msg.ITEM_COUNTER);
            Button take = new Button();
            take.setId("item-take-number");
            take.getStyleClass().add("type-button");
            take.setText(i18n.text(Msg.ITEM_TAKE_NUMBER, vm.counterName(it)));
            take.setOnAction(e -> vm.takeNumber());
            counter.getChildren().add(take);
            ways.getChildren().add(counter);
        }
        ways.getChildren().forEach(w -> HBox.setHgrow(w, Priority.ALWAYS));
        VBox where = new VBox(16, text("guide-section-title", Msg.ITEM_WHERE), ways);
        where.getStyleClass().add("item-where");

        return List.of(
                name, facts, text("guide-section-title", Msg.ITEM_MATERIALS), materials, where, asOf("item-as-of"));
    }

    /** A fact of the item: its name and its value, each official term in them followed by its plain words. */
    private void fact(GridPane grid, int row, Msg label, String value, String id, Set<String> explained) {
        TextFlow l = explained(i18n.text(label), () -> label("item-fact-label"), explained);
        Label v = plain("item-fact-value", value);
        v.setId(id);
        TextFlow valueAndWords = new TextFlow(v);
        valueAndWords.getChildren().addAll(PlainWords.wordsOf(vm.explain(value, explained), i18n));
        grid.addRow(row, l, valueAndWords);
    }

    /** A text of the item page as a flow of pieces made by {@code piece}, its terms explained. */
    private TextFlow explained(String text, Supplier<Label> piece, Set<String> explained) {
        return PlainWords.flow(vm.explain(text, explained), piece, i18n);
    }

    private VBox card(String id, Msg title) {
        VBox card = new VBox(12, text("item-card-title", title));
        card.setId(id);
        card.getStyleClass().add("item-card");
        card.setAlignment(Pos.TOP_CENTER);
        return card;
    }

    private String days(int d) {
        return d == 0 ? i18n.text(Msg.ITEM_DAYS_IMMEDIATE) : i18n.text(Msg.ITEM_DAYS, d);
    }

    private Label asOf(String id) {
        Label l = label("hint");
        l.setId(id);
        l.textProperty().bind(vm.asOfText());
        return l;
    }

    private Label text(String style, Msg msg) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(i18n.bind(msg));
        return l;
    }

    private static Label plain(String style, String value) {
        Label l = new Label(value);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    private static Node grow() {
        HBox spring = new HBox();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return spring;
    }

    public Node root() {
        return root;
    }
}
