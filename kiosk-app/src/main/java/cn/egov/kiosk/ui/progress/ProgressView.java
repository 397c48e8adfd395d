package cn.egov.kiosk.ui.progress;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;

import cn.egov.kiosk.catalogue.Glossary;
import cn.egov.kiosk.progress.Tracked;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Controls;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.PlainWords;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;

/**
 * Lays out 办件进度: the two ways to look up (each a large tile with its picture), where a receipt's
 * QR code is and where to hold it, searching, the list of applications, one application's progress
 * (scrolling: status, next step, promised date, result, the steps), and the outcomes with nothing
 * to show: none, a code nobody knows, the platform out of reach, a failure.
 */
public final class ProgressView {
    private final StackPane root = new StackPane();
    private final ProgressViewModel vm;
    private final I18n i18n;

    public ProgressView(ProgressViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("progress");
        root.setMinHeight(0);
        Map<ProgressViewModel.Step, Node> steps = new EnumMap<>(ProgressViewModel.Step.class);
        steps.put(ProgressViewModel.Step.CHOOSE, choose());
        steps.put(ProgressViewModel.Step.SCAN, scan());
        steps.put(ProgressViewModel.Step.SEARCHING, searching());
        steps.put(ProgressViewModel.Step.LIST, list());
        steps.put(ProgressViewModel.Step.DETAIL, detail());
        steps.put(ProgressViewModel.Step.NONE, none());
        steps.put(ProgressViewModel.Step.UNKNOWN_CODE, unknownCode());
        steps.put(ProgressViewModel.Step.OFFLINE, offline());
        steps.put(ProgressViewModel.Step.FAILED, failed());
        root.getChildren().addAll(steps.values());
        Runnable show = () -> steps.forEach(
                (s, node) -> node.setVisible(s == vm.stepProperty().get()));
        vm.stepProperty().addListener((obs, was, now) -> show.run());
        show.run();
    }

    // ---- how to look up ------------------------------------------------------------------------

    private VBox choose() {
        VBox box = screen("progress-choose");
        Label title = text("screen-title", Msg.PROGRESS_TITLE);
        Label hint = text("login-instruction", Msg.PROGRESS_CHOOSE_HINT);
        VBox ways = new VBox();
        ways.getStyleClass().add("progress-ways");
        ways.getChildren()
                .add(way(
                        "progress-by-person",
                        cardPicture(),
                        bound("progress-way-title", vm.byPersonText()),
                        text("progress-way-note", Msg.PROGRESS_BY_PERSON_NOTE),
                        vm::byPerson));
        VBox content = new VBox(ways);
        content.getStyleClass().add("progress-choose-content");
        if (vm.scanner()) {
            ways.getChildren()
                    .add(way(
                            "progress-by-receipt",
                            receiptPicture(false),
                            text("progress-way-title", Msg.PROGRESS_BY_RECEIPT),
                            text("progress-way-note", Msg.PROGRESS_BY_RECEIPT_NOTE),
                            vm::scanReceipt));
            content.getChildren().add(text("hint", Msg.PROGRESS_SCAN_ANY_TIME));
        }
        box.getChildren().addAll(title, hint, scrolling(content));
        return box;
    }

    /** A way in: a wide row, its picture on the left, what it is and what it gives on the right. */
    private static Button way(String id, Node picture, Label title, Label note, Runnable action) {
        VBox words = new VBox(title, note);
        words.getStyleClass().add("progress-way-words");
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox inside = new HBox(picture, words);
        inside.getStyleClass().add("progress-way-box");
        Button b = new Button();
        b.setMaxWidth(Double.MAX_VALUE);
        b.setId(id);
        b.getStyleClass().add("progress-way");
        b.setGraphic(new Fitted(inside));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        Accessible.tile(b);
        return b;
    }

    private VBox scan() {
        VBox box = screen("progress-scan");
        Label title = text("screen-title", Msg.PROGRESS_SCAN_TITLE);
        Label instruction = text("login-instruction", Msg.PROGRESS_SCAN_INSTRUCTION);
        instruction.setId("progress-scan-instruction");
        VBox receipt = new VBox(receiptPicture(true), text("progress-picture-caption", Msg.PROGRESS_SCAN_WHERE_QR));
        receipt.getStyleClass().add("progress-picture");
        SVGPath arrow = new SVGPath();
        arrow.setContent("M0 14 L40 14 L40 0 L66 26 L40 52 L40 38 L0 38 Z");
        arrow.getStyleClass().add("reader-arrow");
        VBox scanner = new VBox(scannerPicture(), text("progress-picture-caption", Msg.PROGRESS_SCAN_WHERE_SCANNER));
        scanner.getStyleClass().add("progress-picture");
        HBox picture = new HBox(receipt, new Group(arrow), scanner);
        picture.getStyleClass().add("progress-scan-picture");
        picture.setId("progress-scan-picture");
        VBox content = new VBox(picture, instruction);
        content.getStyleClass().add("progress-choose-content");
        box.getChildren().addAll(title, scrolling(content));
        return box;
    }

    private VBox searching() {
        VBox box = screen("progress-searching");
        box.setAlignment(Pos.CENTER);
        box.getChildren().addAll(new ProgressIndicator(), text("login-instruction", Msg.PROGRESS_SEARCHING));
        return box;
    }

    // ---- what was found ------------------------------------------------------------------------

    private VBox list() {
        VBox box = screen("progress-list");
        Label title = bound("screen-title", vm.listTitle());
        title.setId("progress-list-title");
        VBox rows = new VBox();
        rows.getStyleClass().add("progress-rows");
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < vm.applications().size(); i++) {
                Tracked t = vm.applications().get(i);
                Label name = label("progress-row-title");
                name.setText(vm.rowTitle(t));
                Label status = label("progress-row-status");
                status.setText(vm.statusText(t));
                Label when = label("progress-row-when");
                when.setText(vm.submittedText(t));
                when.setVisible(!when.getText().isEmpty());
                when.setManaged(when.isVisible());
                Button b = new Button();
                b.setGraphic(new Fitted(new VBox(name, status, when)));
                b.setId("progress-row-" + i);
                b.getStyleClass().add("progress-row");
                b.setMaxWidth(Double.MAX_VALUE);
                int index = i;
                b.setOnAction(e -> vm.choose(index));
                b.setFocusTraversable(false);
                Accessible.tile(b);
                rows.getChildren().add(b);
            }
        };
        vm.applications().addListener((ListChangeListener<Tracked>) c -> fill.run());
        i18n.localeProperty().addListener((obs, was, now) -> fill.run());
        box.getChildren().addAll(offlineBanner("progress-list-offline", "progress-list-retry"), title, scrolling(rows));
        return box;
    }

    private VBox detail() {
        VBox box = screen("progress-detail");
        VBox page = new VBox();
        page.getStyleClass().add("progress-page");
        Runnable fill = () -> fillDetail(page, vm.selectedProperty().get());
        vm.selectedProperty().addListener((obs, was, now) -> fill.run());
        i18n.localeProperty().addListener((obs, was, now) -> fill.run());
        box.getChildren().addAll(offlineBanner("progress-detail-offline", "progress-detail-retry"), scrolling(page));
        if (vm.canPrint()) {
            // the slip to take home: below the page, always in reach, whatever is scrolled
            Button print = primary("progress-print", Msg.PROGRESS_PRINT, vm::printSlip);
            print.disableProperty().bind(vm.printStateProperty().isEqualTo(ProgressViewModel.PrintState.PRINTING));
            Label status = bound("progress-print-status", vm.printStatusText());
            status.setId("progress-print-status");
            Label code = bound("error-code", vm.printCodeText());
            code.setId("progress-print-code");
            code.visibleProperty().bind(vm.printCodeText().isNotEmpty());
            code.managedProperty().bind(code.visibleProperty());
            VBox said = new VBox(status, code);
            said.getStyleClass().add("progress-print-said");
            HBox.setHgrow(said, Priority.ALWAYS);
            HBox actions = new HBox(print, said);
            actions.getStyleClass().add("progress-actions");
            actions.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(actions);
        }
        return box;
    }

    /** One application's page: what, its number, where it stands, what next, by when, the result, the steps. */
    private void fillDetail(VBox page, Tracked t) {
        page.getChildren().clear();
        if (t == null) {
            return;
        }
        Label name = data("progress-item", vm.rowTitle(t));
        name.getStyleClass().add("screen-title");
        name.setId("progress-item");
        Label number = data("progress-number", vm.numberText(t));
        number.setId("progress-number");
        Label status = data("progress-status", vm.statusText(t));
        status.setId("progress-status");
        page.getChildren().addAll(name, number, status);
        String next = vm.nextText(t);
        if (!next.isEmpty()) {
            Label nextTitle = text("progress-section-title", Msg.PROGRESS_NEXT_TITLE);
            Label nextText = data("progress-next", next);
            nextText.setId("progress-next");
            VBox card = new VBox(nextTitle, nextText);
            card.getStyleClass().add("progress-card");
            page.getChildren().add(card);
        }
        String code = vm.codeText(t);
        if (!code.isEmpty()) {
            Label c = data("error-code", code);
            c.setId("progress-code");
            page.getChildren().add(c);
        }
        String result = vm.resultText(t);
        if (!result.isEmpty()) {
            Label r = data("progress-result", result);
            r.setId("progress-result");
            page.getChildren().add(r);
        }
        String deadline = vm.deadlineText(t);
        if (!deadline.isEmpty()) {
            Label d = data("progress-fact", deadline);
            d.setId("progress-deadline");
            page.getChildren().add(d);
        }
        String submitted = vm.submittedText(t);
        if (!submitted.isEmpty()) {
            page.getChildren().add(data("progress-fact", submitted));
        }
        var lines = vm.stepLines(t);
        if (!lines.isEmpty()) {
            page.getChildren().add(text("progress-section-title", Msg.PROGRESS_STEPS_TITLE));
            VBox steps = new VBox();
            steps.getStyleClass().add("progress-steps");
            steps.setId("progress-steps");
            for (int i = 0; i < lines.size(); i++) {
                ProgressViewModel.StepLine line = lines.get(i);
                Circle dot = new Circle(9);
                dot.getStyleClass().add(i == lines.size() - 1 ? "progress-dot-last" : "progress-dot");
                StackPane mark = new StackPane(dot);
                mark.getStyleClass().add("progress-dot-box");
                mark.setAlignment(Pos.TOP_CENTER);
                Label when = data("progress-step-when", line.when());
                // the step, then its result: a long result breaks between its clauses
                TextFlow what = PlainWords.flow(
                        List.of(new Glossary.Segment(line.result(), Optional.empty())),
                        () -> {
                            Label piece = new Label();
                            piece.getStyleClass().add("progress-step-result");
                            return piece;
                        },
                        i18n);
                what.getChildren().add(0, data("progress-step-name", line.name()));
                VBox text = new VBox(when, what);
                if (!line.by().isEmpty()) {
                    text.getChildren().add(data("progress-step-by", line.by()));
                }
                text.getStyleClass().add("progress-step");
                text.setMinWidth(0);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(mark, text);
                row.getStyleClass().add("progress-step-row");
                steps.getChildren().add(row);
            }
            page.getChildren().add(steps);
        }
    }

    // ---- nothing to show -----------------------------------------------------------------------

    private VBox none() {
        VBox box = screen("progress-none");
        box.setAlignment(Pos.CENTER);
        box.getChildren()
                .addAll(
                        text("screen-title", Msg.PROGRESS_NONE_TITLE),
                        text("login-instruction", Msg.PROGRESS_NONE_ADVICE));
        return box;
    }

    private VBox unknownCode() {
        VBox box = screen("progress-unknown");
        box.setAlignment(Pos.CENTER);
        Button again = primary("progress-scan-again", Msg.PROGRESS_SCAN_AGAIN, vm::scanAgain);
        box.getChildren()
                .addAll(
                        text("failure-reason", Msg.PROGRESS_UNKNOWN_TITLE),
                        text("login-instruction", Msg.PROGRESS_UNKNOWN_ADVICE),
                        again);
        return box;
    }

    private VBox offline() {
        VBox box = screen("progress-offline");
        Label title = text("failure-reason", Msg.PROGRESS_OFFLINE_TITLE);
        title.setId("progress-offline-title");
        Label reason = text("login-instruction", Msg.PROGRESS_OFFLINE_REASON);
        Label still = text("progress-section-title", Msg.PROGRESS_OFFLINE_STILL);
        Label advice = bound("progress-advice", vm.offlineAdvice());
        Label code = bound("error-code", vm.problemCodeText());
        code.setId("progress-offline-code");
        Button retry = primary("progress-retry", Msg.PROGRESS_RETRY, vm::retry);
        VBox content = new VBox(title, reason, still, advice, code, retry);
        content.getStyleClass().add("progress-outcome");
        box.getChildren().add(scrolling(content));
        return box;
    }

    private VBox failed() {
        VBox box = screen("progress-failed");
        box.setAlignment(Pos.CENTER);
        Node icon = new Group(Icons.cross());
        icon.getStyleClass().add("big-icon");
        Label code = bound("error-code", vm.problemCodeText());
        code.setId("progress-failed-code");
        box.getChildren()
                .addAll(
                        icon,
                        text("failure-reason", Msg.PROGRESS_FAILED_TITLE),
                        text("login-instruction", Msg.PROGRESS_FAILED_ADVICE),
                        code,
                        primary("progress-failed-retry", Msg.PROGRESS_RETRY, vm::retry));
        return box;
    }

    // ---- parts ---------------------------------------------------------------------------------

    /**
     * "现在查不到最新进度..." over what the kiosk holds while the platform cannot be asked, and
     * "再查一次" beside it for when it is back.
     */
    private HBox offlineBanner(String id, String retryId) {
        Label l = bound("notice", vm.offlineBanner());
        l.setId(id);
        l.setMinWidth(0); // it wraps beside the button rather than being cut short
        HBox.setHgrow(l, Priority.ALWAYS);
        Button retry = new Button();
        retry.setId(retryId);
        retry.getStyleClass().add("primary-button");
        retry.textProperty().bind(i18n.bind(Msg.PROGRESS_RETRY));
        retry.setOnAction(e -> vm.retry());
        retry.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(l, retry);
        banner.getStyleClass().add("progress-offline-banner");
        banner.setMinHeight(Region.USE_PREF_SIZE); // the page below scrolls; the banner is never cut short
        banner.visibleProperty().bind(vm.offlineProperty());
        banner.managedProperty().bind(vm.offlineProperty());
        return banner;
    }

    private static ScrollPane scrolling(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.getStyleClass().add("kiosk-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true); // a finger drags the page
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Button primary(String id, Msg text, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("primary-button");
        b.textProperty().bind(i18n.bind(text));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Label text(String style, Msg msg) {
        return Controls.text(i18n, style, msg);
    }

    private static Label bound(String style, ObservableStringValue value) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(value);
        return l;
    }

    /** A label showing data (a name, a number, a date): not a text of the bundles. */
    private static Label data(String style, String value) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setText(value);
        return l;
    }

    // ---- pictures ------------------------------------------------------------------------------

    /** An ID card and a phone showing the province app's code: the ways in as the citizen. */
    private static Node cardPicture() {
        Rectangle card = new Rectangle(150, 96);
        card.setArcWidth(16);
        card.setArcHeight(16);
        card.getStyleClass().add("card-body");
        Circle portrait = new Circle(20);
        portrait.getStyleClass().add("card-portrait");
        VBox lines = new VBox(8, bar(60), bar(76), bar(50));
        lines.setAlignment(Pos.CENTER_LEFT);
        HBox face = new HBox(12, portrait, lines);
        face.setAlignment(Pos.CENTER);
        StackPane cardShape = new StackPane(card, face);
        Rectangle phone = new Rectangle(70, 120);
        phone.setArcWidth(18);
        phone.setArcHeight(18);
        phone.getStyleClass().add("reader-body");
        Rectangle screen = new Rectangle(58, 92);
        screen.getStyleClass().add("receipt-paper");
        StackPane phoneShape = new StackPane(phone, screen, qrPicture(40));
        HBox picture = new HBox(cardShape, phoneShape);
        picture.getStyleClass().add("progress-way-picture");
        return picture;
    }

    /**
     * An acceptance receipt: an A4 page with its lines, and its QR code at the bottom left (where
     * the template prints it), marked; {@code large} for the scan step, where the mark blinks.
     */
    private static Node receiptPicture(boolean large) {
        double w = large ? 190 : 118;
        double h = w * 297 / 210;
        Rectangle paper = new Rectangle(w, h);
        paper.getStyleClass().add("receipt-paper");
        VBox lines = new VBox(w / 20);
        lines.getChildren().add(receiptLine(w * 0.5));
        for (int i = 0; i < 5; i++) {
            lines.getChildren().add(receiptLine(w * (i % 2 == 0 ? 0.8 : 0.7)));
        }
        lines.setAlignment(Pos.TOP_CENTER);
        StackPane.setAlignment(lines, Pos.TOP_CENTER);
        lines.setTranslateY(w / 10);
        double q = w * 0.3;
        Group qr = qrPicture(q);
        StackPane.setAlignment(qr, Pos.BOTTOM_LEFT);
        qr.setTranslateX(w * 0.08);
        qr.setTranslateY(-w * 0.08);
        Rectangle mark = new Rectangle(q + 16, q + 16);
        mark.getStyleClass().add("receipt-qr-mark");
        StackPane.setAlignment(mark, Pos.BOTTOM_LEFT);
        mark.setTranslateX(w * 0.08 - 8);
        mark.setTranslateY(-w * 0.08 + 8);
        StackPane sheet = new StackPane(paper, lines, qr, mark);
        sheet.setMaxSize(w, h);
        StackPane picture = new StackPane(sheet);
        picture.getStyleClass().add("progress-way-picture");
        if (large) {
            FadeTransition blink = new FadeTransition(Duration.seconds(0.9), mark);
            blink.setFromValue(1);
            blink.setToValue(0.25);
            blink.setAutoReverse(true);
            blink.setCycleCount(Animation.INDEFINITE);
            blink.play();
        }
        return picture;
    }

    /** A QR code's look: three finder squares and a few modules. */
    private static Group qrPicture(double size) {
        double m = size / 7;
        Group g = new Group();
        Rectangle back = new Rectangle(size, size);
        back.getStyleClass().add("receipt-qr-back");
        g.getChildren().add(back);
        double[][] finders = {{0, 0}, {size - 3 * m, 0}, {0, size - 3 * m}};
        for (double[] f : finders) {
            Rectangle finder = new Rectangle(f[0], f[1], 3 * m, 3 * m);
            finder.getStyleClass().add("receipt-qr-module");
            g.getChildren().add(finder);
        }
        int[][] modules = {{4, 4}, {5, 5}, {4, 6}, {6, 4}, {3, 5}, {5, 3}};
        for (int[] at : modules) {
            Rectangle r = new Rectangle(at[0] * m, at[1] * m, m, m);
            r.getStyleClass().add("receipt-qr-module");
            g.getChildren().add(r);
        }
        return g;
    }

    /** The kiosk's scanner window, lit red as scanners are. */
    private static Node scannerPicture() {
        Rectangle body = new Rectangle(200, 120);
        body.setArcWidth(24);
        body.setArcHeight(24);
        body.getStyleClass().add("reader-body");
        Rectangle window = new Rectangle(140, 56);
        window.setArcWidth(12);
        window.setArcHeight(12);
        window.getStyleClass().add("scanner-window");
        Rectangle beam = new Rectangle(120, 6);
        beam.getStyleClass().add("scanner-beam");
        StackPane picture = new StackPane(body, window, beam);
        picture.setMaxSize(200, 120);
        return picture;
    }

    private static Rectangle receiptLine(double width) {
        Rectangle r = new Rectangle(width, 5);
        r.getStyleClass().add("receipt-line");
        return r;
    }

    private static Rectangle bar(double width) {
        Rectangle r = new Rectangle(width, 9);
        r.setArcWidth(9);
        r.setArcHeight(9);
        r.getStyleClass().add("card-line");
        return r;
    }

    public Node root() {
        return root;
    }

    /**
     * A button's graphic of wrapping labels. A button asks its graphic's height for no width at all
     * (-1), and wrapping labels answer that as if every character were on a line of its own: a row
     * the height of the screen. This answers for the width it was last given (at first, its widest
     * line), and lays out again when that changes, so the labels wrap to the button's width.
     */
    private static final class Fitted extends StackPane {
        Fitted(Node content) {
            super(content);
            StackPane.setAlignment(content, Pos.CENTER_LEFT);
            widthProperty().addListener((obs, was, now) -> requestLayout());
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width >= 0 ? width : getWidth() > 0 ? getWidth() : prefWidth(-1));
        }
    }
}
