package cn.egov.kiosk.ui.licence;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;

import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.finished.FinishedView;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays out 证照打印: looking up, the preview (the page as large as the screen's width allows,
 * scrolled by a finger; the print button beside it), printing, done, or what went wrong.
 */
public final class LicenceView {

    private final StackPane root = new StackPane();

    public LicenceView(LicenceViewModel vm, FinishedViewModel finished) {
        root.setId("licence");
        root.setMinHeight(0);
        VBox loading = centred(screen("licence-loading"), vm, Msg.LICENCE_LOADING, new ProgressIndicator());
        VBox none = none(vm);
        VBox list = list(vm);
        VBox preview = preview(vm);
        VBox printing = centred(screen("licence-printing"), vm, Msg.LICENCE_PRINTING, new ProgressIndicator());
        VBox done = done(vm, finished);
        VBox failed = failed(vm);
        root.getChildren().addAll(loading, none, list, preview, printing, done, failed);
        Runnable show = () -> {
            LicenceViewModel.Step s = vm.stepProperty().get();
            loading.setVisible(s == LicenceViewModel.Step.LOADING);
            none.setVisible(s == LicenceViewModel.Step.NONE);
            list.setVisible(s == LicenceViewModel.Step.LIST);
            preview.setVisible(s == LicenceViewModel.Step.PREVIEW);
            printing.setVisible(s == LicenceViewModel.Step.PRINTING);
            done.setVisible(s == LicenceViewModel.Step.DONE);
            failed.setVisible(s == LicenceViewModel.Step.FAILED);
        };
        vm.stepProperty().addListener((obs, old, now) -> show.run());
        show.run();
    }

    private static VBox centred(VBox box, LicenceViewModel vm, Msg text, Node picture) {
        box.setAlignment(Pos.CENTER);
        Label l = label("login-instruction");
        l.textProperty().bind(vm.i18n().bind(text));
        box.getChildren().addAll(picture, l);
        return box;
    }

    private static VBox none(LicenceViewModel vm) {
        VBox box = screen("licence-none");
        box.setAlignment(Pos.CENTER);
        Label what = label("failure-reason");
        what.textProperty().bind(vm.i18n().bind(Msg.LICENCE_NONE));
        Label advice = label("login-instruction");
        advice.textProperty().bind(vm.i18n().bind(Msg.LICENCE_NONE_ADVICE));
        box.getChildren().addAll(what, advice);
        return box;
    }

    /** Every licence the citizen holds: one large row each, its title, who issued it and where it stands. */
    private static VBox list(LicenceViewModel vm) {
        VBox box = screen("licence-list");
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.LICENCE_LIST_TITLE));
        Label hint = label("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.i18n().bind(Msg.LICENCE_LIST_HINT));
        VBox rows = new VBox();
        rows.getStyleClass().add("record-rows");
        Runnable fill = () -> {
            rows.getChildren().clear();
            int i = 0;
            for (LicenceSource.Held h : vm.held()) {
                rows.getChildren().add(row(vm, h, i++));
            }
        };
        vm.held().addListener((ListChangeListener<LicenceSource.Held>) c -> fill.run());
        vm.i18n().localeProperty().addListener((obs, was, now) -> fill.run());
        fill.run();
        box.getChildren().addAll(title, hint, scroll(rows));
        return box;
    }

    private static Button row(LicenceViewModel vm, LicenceSource.Held h, int index) {
        Label name = label("record-title");
        name.setWrapText(true);
        name.setText(h.title());
        Label issued = label("record-detail");
        issued.setWrapText(true);
        issued.setText(vm.issuedText(h));
        Label status = label("record-status");
        status.setId("licence-status-" + index);
        status.setWrapText(true);
        status.setText(vm.statusText(h));
        VBox inside = new VBox(6, name, issued, status);
        Button b = new Button();
        b.setGraphic(inside);
        // laid out at its width: the wrapping texts are measured there, not one character a line
        b.setWrapText(true);
        b.setId("licence-row-" + index);
        b.getStyleClass().add("record-row");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> vm.choose(h));
        b.setFocusTraversable(false);
        return Accessible.tile(b);
    }

    private static VBox preview(LicenceViewModel vm) {
        VBox box = screen("licence-preview");
        Label title = label("screen-title");
        title.setWrapText(true);
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.chosenProperty().get() == null
                                ? vm.i18n().text(Msg.LICENCE_TITLE)
                                : vm.chosenProperty().get().title(),
                        vm.chosenProperty(),
                        vm.i18n().localeProperty()));
        Label hint = label("hint");
        hint.textProperty().bind(vm.i18n().bind(Msg.LICENCE_PREVIEW_HINT));
        BooleanBinding printable = Bindings.createBooleanBinding(
                () -> vm.chosenProperty().get() != null
                        && vm.chosenProperty().get().canPrint()
                        && vm.refusedProperty().get() == null,
                vm.chosenProperty(),
                vm.refusedProperty());
        BooleanBinding mailable = Bindings.createBooleanBinding(
                () -> vm.chosenProperty().get() != null
                        && vm.chosenProperty().get().canMail()
                        && vm.refusedProperty().get() == null,
                vm.chosenProperty(),
                vm.refusedProperty());
        BooleanBinding copy = Bindings.createBooleanBinding(
                () -> vm.chosenProperty().get() != null
                        && vm.chosenProperty().get().printsCopy(),
                vm.chosenProperty());

        ImageView page = new ImageView();
        page.setId("licence-preview-page");
        page.setPreserveRatio(true);
        page.setSmooth(true);
        page.imageProperty().bind(vm.previewProperty());
        StackPane paper = new StackPane(page);
        paper.getStyleClass().add("preview-paper");
        ScrollPane scroll = new ScrollPane(paper);
        scroll.getStyleClass().add("kiosk-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true); // a finger drags the page
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        // the page fills the width it is given (up to its own size at 100 dpi): large enough to read
        page.fitWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.min(
                                scroll.getViewportBounds().getWidth() - 24,
                                vm.previewProperty().get() == null
                                        ? 800
                                        : vm.previewProperty().get().getWidth()),
                        scroll.viewportBoundsProperty(),
                        vm.previewProperty()));

        Button print = new Button();
        print.setId("licence-print");
        print.getStyleClass().add("primary-button");
        print.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.i18n().text(copy.get() ? Msg.LICENCE_PRINT_COPY : Msg.LICENCE_PRINT),
                        copy,
                        vm.i18n().localeProperty()));
        print.setOnAction(e -> vm.print());
        Label copyNote = label("record-note");
        copyNote.setId("licence-copy-note");
        copyNote.setWrapText(true);
        copyNote.textProperty().bind(vm.i18n().bind(Msg.LICENCE_COPY_NOTE));
        shownWhen(copyNote, copy);
        Label mailHint = label("hint");
        mailHint.setWrapText(true);
        mailHint.textProperty().bind(vm.i18n().bind(Msg.LICENCE_MAIL_HINT));
        Button mail = new Button();
        mail.setId("licence-mail");
        mail.getStyleClass().add("nav-button");
        mail.setWrapText(true);
        mail.textProperty().bind(vm.i18n().bind(Msg.LICENCE_MAIL));
        mail.setOnAction(e -> vm.mail());
        shownWhen(mailHint, mailable);
        shownWhen(mail, mailable);
        Label pages = label("hint");
        pages.textProperty().bind(vm.pagesText());
        VBox side = new VBox(24, hint, copyNote, pages, print, mailHint, mail);
        side.setAlignment(Pos.CENTER);
        side.setMaxWidth(460);
        hint.setWrapText(true);
        HBox body = new HBox(32, scroll, side);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        shownWhen(body, printable);

        // a licence not printed here: what it is, where it stands, and 免费邮寄 while it waits
        Label why = label("record-note");
        why.setId("licence-why");
        why.setWrapText(true);
        why.textProperty().bind(vm.chosenText());
        Button mailToo = new Button();
        mailToo.setId("licence-mail-only");
        mailToo.getStyleClass().add("primary-button");
        mailToo.setWrapText(true);
        mailToo.textProperty().bind(vm.i18n().bind(Msg.LICENCE_MAIL));
        mailToo.setOnAction(e -> vm.mail());
        shownWhen(mailToo, mailable);
        Button toList = new Button();
        toList.setId("licence-back-to-list");
        toList.getStyleClass().add("nav-button");
        toList.textProperty().bind(vm.i18n().bind(Msg.LICENCE_BACK_TO_LIST));
        toList.setOnAction(e -> vm.back());
        VBox notHere = new VBox(32, why, mailToo, toList);
        notHere.getStyleClass().add("record-page");
        notHere.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(notHere, Priority.ALWAYS);
        shownWhen(notHere, printable.not());
        box.getChildren().addAll(title, body, notHere);
        return box;
    }

    private static void shownWhen(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static VBox done(LicenceViewModel vm, FinishedViewModel finished) {
        VBox box = screen("licence-done");
        box.setAlignment(Pos.CENTER);
        Node icon = new Group(Icons.check());
        icon.getStyleClass().add("big-icon");
        Label take = label("screen-title");
        take.setId("licence-done-text");
        take.setWrapText(true);
        take.textProperty().bind(vm.i18n().bind(Msg.LICENCE_DONE));
        Label hint = label("hint");
        hint.textProperty().bind(vm.i18n().bind(Msg.LICENCE_DONE_HINT));
        FinishedView end = new FinishedView(finished);
        end.countdown().setId("licence-countdown");
        end.other().setId("licence-other");
        end.exit().setId("licence-finish");
        box.getChildren().addAll(icon, take, hint, end.root());
        return box;
    }

    private static VBox failed(LicenceViewModel vm) {
        VBox box = screen("licence-failed");
        box.setAlignment(Pos.CENTER);
        Node icon = new Group(Icons.cross());
        icon.getStyleClass().add("big-icon");
        Label problem = label("failure-reason");
        problem.setId("licence-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemText());
        Label code = label("error-code");
        code.setId("licence-problem-code");
        code.textProperty().bind(vm.problemCodeText());
        Label partly = label("login-instruction");
        partly.setWrapText(true);
        partly.textProperty().bind(vm.i18n().bind(Msg.LICENCE_PARTLY));
        partly.visibleProperty().bind(vm.partlyProperty());
        partly.managedProperty().bind(vm.partlyProperty());
        Button retry = new Button();
        retry.setId("licence-retry");
        retry.getStyleClass().add("primary-button");
        retry.textProperty().bind(vm.i18n().bind(Msg.LICENCE_RETRY));
        retry.setOnAction(e -> vm.print());
        box.getChildren().addAll(icon, problem, code, partly, retry);
        return box;
    }

    public Node root() {
        return root;
    }
}
