package cn.egov.kiosk.ui.pay;

import static cn.egov.kiosk.ui.Controls.button;
import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;
import static cn.egov.kiosk.ui.Controls.scroll;
import static cn.egov.kiosk.ui.Controls.text;
import static cn.egov.kiosk.ui.Controls.waiting;

import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.QrImage;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/**
 * Lays out the fee step: the amount in large type and the ways to pay (one wide button each), the
 * card terminal's instruction with a picture of where it is, the QR code large with the amount and
 * its countdown, the scanner's instruction, the waits, and each outcome in plain words with its
 * code for staff. Each way's waiting page has its cancel button; the outcomes their way on.
 */
public final class FeeStepView {
    /** The QR code's side on screen, in pixels (the scale of the kiosk's 1080p screen). */
    private static final int QR_SIZE = 420;

    private final StackPane root = new StackPane();
    private final FeeStepViewModel vm;
    private final I18n i18n;

    public FeeStepView(FeeStepViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
        root.setId("pay");
        root.setMinHeight(0);
        Map<FeeStepViewModel.Step, Node> steps = new EnumMap<>(FeeStepViewModel.Step.class);
        steps.put(FeeStepViewModel.Step.CHOOSE, choose());
        steps.put(FeeStepViewModel.Step.STARTING, pending("pay-starting", Msg.PAY_STARTING));
        steps.put(FeeStepViewModel.Step.CARD, card());
        steps.put(FeeStepViewModel.Step.QR, qr());
        steps.put(FeeStepViewModel.Step.SCAN, scan());
        steps.put(FeeStepViewModel.Step.CHARGING, pending("pay-charging", Msg.PAY_CHARGING));
        steps.put(FeeStepViewModel.Step.CANCELLING, pending("pay-cancelling", Msg.PAY_CANCELLING));
        steps.put(FeeStepViewModel.Step.PAID, paid());
        steps.put(
                FeeStepViewModel.Step.DECLINED,
                outcome("pay-declined", Msg.PAY_DECLINED_TITLE, "pay-declined-done", again("pay-declined-again")));
        steps.put(
                FeeStepViewModel.Step.CANCELLED,
                outcome("pay-cancelled", Msg.PAY_CANCELLED_TITLE, "pay-cancelled-done", again("pay-cancelled-again")));
        steps.put(FeeStepViewModel.Step.IN_DOUBT, outcome("pay-in-doubt", Msg.PAY_IN_DOUBT_TITLE, "pay-in-doubt-done"));
        steps.put(
                FeeStepViewModel.Step.ALREADY_PAID,
                outcome("pay-already-paid", Msg.PAY_ALREADY_PAID_TITLE, "pay-already-paid-done"));
        steps.put(
                FeeStepViewModel.Step.ALREADY_PAYING,
                outcome("pay-already-paying", Msg.PAY_ALREADY_PAYING_TITLE, "pay-already-paying-done"));
        steps.put(FeeStepViewModel.Step.FAILED, outcome("pay-failed", Msg.PAY_FAILED_TITLE, "pay-failed-done"));
        root.getChildren().addAll(steps.values());
        Runnable show = () -> steps.forEach(
                (s, node) -> node.setVisible(s == vm.stepProperty().get()));
        vm.stepProperty().addListener((obs, was, now) -> show.run());
        show.run();
    }

    // ---- the amount and the ways to pay ---------------------------------------------------------

    private VBox choose() {
        VBox box = screen("pay-choose");
        box.getStyleClass().add("pay-page");
        Label title = text(i18n, "screen-title", Msg.PAY_TITLE);
        Label item = bound("pay-item", vm.titleText());
        item.setId("pay-item");
        Label amount = bound("pay-amount", vm.amountText());
        amount.setId("pay-amount");
        Label note = bound("pay-note", vm.noteText());
        note.setId("pay-note");
        note.visibleProperty().bind(vm.noteText().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Label hint = text(i18n, "login-instruction", Msg.PAY_CHOOSE_HINT);
        HBox ways = new HBox(); // side by side: every way in sight at once, none below the fold
        ways.getStyleClass().add("pay-ways");
        ways.getChildren()
                .addAll(
                        way(PaymentMethod.CARD, "pay-way-card"),
                        way(PaymentMethod.QR_SHOWN, "pay-way-qr"),
                        way(PaymentMethod.QR_SCANNED, "pay-way-code"));
        Runnable offered = () -> ways.getChildren().forEach(n -> {
            PaymentMethod m = (PaymentMethod) n.getUserData();
            n.setVisible(vm.offers(m));
            n.setManaged(vm.offers(m));
        });
        vm.feeProperty().addListener((obs, was, now) -> offered.run());
        offered.run();
        VBox content = new VBox(item, amount, note, hint, ways);
        content.getStyleClass().add("pay-content");
        box.getChildren().addAll(title, scroll(content));
        return box;
    }

    /** A way to pay: a tall tile, its picture on top, its name and what the citizen does under it. */
    private Button way(PaymentMethod m, String id) {
        Label name = text(i18n, "pay-way-title", FeeStepViewModel.methodName(m));
        Label note = text(i18n, "pay-way-note", FeeStepViewModel.methodNote(m));
        note.setWrapText(true);
        VBox inside = new VBox(wayPicture(m), name, note);
        inside.getStyleClass().add("pay-way-box");
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("pay-way");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMaxHeight(Double.MAX_VALUE);
        b.setMinWidth(0);
        b.setPrefWidth(1); // the row's width shared out equally, whatever each way's words
        HBox.setHgrow(b, Priority.ALWAYS);
        b.setGraphic(inside);
        b.setWrapText(true); // the wrapping note measured at the button's width
        b.setUserData(m);
        b.setOnAction(e -> vm.choose(m));
        b.setFocusTraversable(false);
        Accessible.tile(b);
        return b;
    }

    // ---- paying ----------------------------------------------------------------------------------

    private VBox card() {
        VBox box = screen("pay-card");
        box.getStyleClass().add("pay-page");
        Label title = text(i18n, "screen-title", Msg.PAY_CARD_TITLE);
        Label amount = bound("pay-amount", vm.amountText());
        Label instruction = text(i18n, "login-instruction", Msg.PAY_CARD_INSTRUCTION);
        instruction.setId("pay-card-instruction");
        box.getChildren()
                .addAll(
                        title,
                        scroll(beside(terminalPicture(), amount, instruction)),
                        actions(cancel("pay-card-cancel")));
        return box;
    }

    private VBox qr() {
        VBox box = screen("pay-qr");
        box.getStyleClass().add("pay-page");
        Label title = text(i18n, "screen-title", Msg.PAY_QR_TITLE);
        Label amount = bound("pay-amount", vm.amountText());
        amount.setId("pay-qr-amount");
        ImageView code = new ImageView();
        code.setId("pay-qr-code");
        code.setPreserveRatio(true);
        // as large as the page leaves room for, whole: a phone reads only a code it sees whole
        code.fitWidthProperty().bind(Bindings.min(QR_SIZE, box.heightProperty().multiply(0.5)));
        vm.qrContentProperty()
                .addListener((obs, was, now) -> code.setImage(now.isEmpty() ? null : QrImage.of(now, QR_SIZE)));
        StackPane frame = new StackPane(code);
        frame.getStyleClass().add("pay-qr-frame");
        frame.setId("pay-qr-frame");
        frame.setMaxWidth(StackPane.USE_PREF_SIZE);
        Label countdown = bound("pay-countdown", vm.countdownText());
        countdown.setId("pay-qr-countdown");
        Label instruction = text(i18n, "pay-instruction", Msg.PAY_QR_INSTRUCTION);
        box.getChildren()
                .addAll(title, scroll(beside(frame, amount, countdown, instruction)), actions(cancel("pay-qr-cancel")));
        return box;
    }

    private VBox scan() {
        VBox box = screen("pay-scan");
        box.getStyleClass().add("pay-page");
        Label title = text(i18n, "screen-title", Msg.PAY_SCAN_TITLE);
        Label amount = bound("pay-amount", vm.amountText());
        Label instruction = text(i18n, "login-instruction", Msg.PAY_SCAN_INSTRUCTION);
        instruction.setId("pay-scan-instruction");
        box.getChildren()
                .addAll(
                        title,
                        scroll(beside(scannerPicture(), amount, instruction)),
                        actions(cancel("pay-scan-cancel")));
        return box;
    }

    /**
     * A paying page's body: the picture (the code to scan, the terminal, the scanner) on the left
     * and the amount with what to do on the right, so that both are in sight whole on a landscape
     * screen in the elderly theme's sizes.
     */
    private static HBox beside(Node picture, Node... words) {
        StackPane left = new StackPane(picture);
        left.getStyleClass().add("pay-beside-picture");
        VBox right = new VBox(words);
        right.getStyleClass().add("pay-beside-words");
        for (Node n : words) {
            if (n instanceof Label l) {
                l.setWrapText(true);
            }
        }
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setMaxWidth(Double.MAX_VALUE);
        right.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(left, right);
        row.getStyleClass().add("pay-beside");
        return row;
    }

    private VBox pending(String id, Msg msg) {
        VBox box = waiting(screen(id), i18n, msg);
        box.getChildren().add(1, bound("pay-amount", vm.amountText()));
        return box;
    }

    // ---- how it ended ----------------------------------------------------------------------------

    private VBox paid() {
        VBox box = screen("pay-paid");
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("pay-outcome");
        SVGPath tick = Icons.check();
        tick.getStyleClass().add("icon-ok");
        Node icon = new Group(tick);
        icon.getStyleClass().add("big-icon");
        Label title = text(i18n, "pay-ok", Msg.PAY_PAID_TITLE);
        title.setId("pay-paid-title");
        Label what = bound("pay-paid-text", vm.paidText());
        what.setId("pay-paid-text");
        Label receipt = bound("pay-receipt", vm.receiptText());
        receipt.setId("pay-receipt");
        Label code = code("pay-paid-code");
        Button done = button(i18n, "pay-paid-done", "primary-button", Msg.PAY_DONE);
        done.setOnAction(e -> vm.done());
        done.disableProperty().bind(vm.busy());
        box.getChildren().addAll(icon, title, what, receipt, code, done);
        return box;
    }

    /** An outcome: what happened, what to do, the code for staff; "try again" where trying helps. */
    private VBox outcome(String id, Msg title, String doneId, Button... before) {
        VBox box = screen(id);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("pay-outcome");
        Label t = text(i18n, "failure-reason", title);
        Label advice = bound("login-instruction", vm.adviceText());
        Label code = bound("error-code", vm.codeText());
        code.visibleProperty().bind(vm.codeText().isNotEmpty());
        code.managedProperty().bind(code.visibleProperty());
        HBox buttons = new HBox();
        buttons.getStyleClass().add("pay-buttons");
        buttons.getChildren().addAll(before);
        Button done = button(i18n, doneId, "secondary-button", Msg.PAY_DONE);
        done.setOnAction(e -> vm.done());
        buttons.getChildren().add(done);
        box.getChildren().addAll(t, advice, code, buttons);
        return box;
    }

    /** "再试一次": the ways to pay again. */
    private Button again(String id) {
        Button retry = button(i18n, id, "primary-button", Msg.PAY_AGAIN);
        retry.setOnAction(e -> vm.again());
        return retry;
    }

    // ---- parts -----------------------------------------------------------------------------------

    private Label code(String id) {
        Label code = bound("error-code", vm.codeText());
        code.setId(id);
        code.visibleProperty().bind(vm.codeText().isNotEmpty());
        code.managedProperty().bind(code.visibleProperty());
        return code;
    }

    private Button cancel(String id) {
        Button b = button(i18n, id, "secondary-button", Msg.PAY_CANCEL);
        b.setOnAction(e -> vm.cancel());
        return b;
    }

    private static HBox actions(Node... buttons) {
        HBox actions = new HBox(buttons);
        actions.getStyleClass().add("pay-actions");
        actions.setMinHeight(HBox.USE_PREF_SIZE);
        return actions;
    }

    private static Label bound(String style, ObservableStringValue value) {
        Label l = label(style);
        l.textProperty().bind(value);
        return l;
    }

    // ---- pictures --------------------------------------------------------------------------------

    private static Node wayPicture(PaymentMethod m) {
        StackPane p = new StackPane(
                switch (m) {
                    case CARD -> bankCard(0.6);
                    case QR_SHOWN -> qrMark(64);
                    case QR_SCANNED -> phone(0.6);
                });
        p.getStyleClass().add("pay-way-picture");
        return p;
    }

    /** The card terminal below the screen, a card going into it, an arrow down. */
    private static Node terminalPicture() {
        Rectangle body = new Rectangle(200, 130);
        body.setArcWidth(24);
        body.setArcHeight(24);
        body.getStyleClass().add("reader-body");
        Rectangle keys = new Rectangle(120, 50);
        keys.getStyleClass().add("reader-zone");
        StackPane terminal = new StackPane(body, keys);
        terminal.setMaxSize(200, 130);
        SVGPath arrow = new SVGPath();
        arrow.setContent("M14 0 L38 0 L38 34 L52 34 L26 66 L0 34 L14 34 Z");
        arrow.getStyleClass().add("reader-arrow");
        VBox picture = new VBox(bankCard(1), new Group(arrow), terminal);
        picture.getStyleClass().add("pay-picture");
        return picture;
    }

    /** The kiosk's scanner, a phone showing its code above it. */
    private static Node scannerPicture() {
        Rectangle body = new Rectangle(200, 110);
        body.setArcWidth(24);
        body.setArcHeight(24);
        body.getStyleClass().add("reader-body");
        Rectangle window = new Rectangle(140, 50);
        window.getStyleClass().add("scanner-window");
        StackPane scanner = new StackPane(body, window);
        scanner.setMaxSize(200, 110);
        SVGPath arrow = new SVGPath();
        arrow.setContent("M14 0 L38 0 L38 34 L52 34 L26 66 L0 34 L14 34 Z");
        arrow.getStyleClass().add("reader-arrow");
        VBox picture = new VBox(phone(1), new Group(arrow), scanner);
        picture.getStyleClass().add("pay-picture");
        return picture;
    }

    private static Node bankCard(double scale) {
        Rectangle card = new Rectangle(150 * scale, 96 * scale);
        card.setArcWidth(16 * scale);
        card.setArcHeight(16 * scale);
        card.getStyleClass().add("card-body");
        Rectangle chip = new Rectangle(28 * scale, 22 * scale);
        chip.getStyleClass().add("pay-chip");
        StackPane.setAlignment(chip, Pos.CENTER_LEFT);
        chip.setTranslateX(18 * scale);
        StackPane shape = new StackPane(card, chip);
        shape.setMaxSize(150 * scale, 96 * scale);
        return shape;
    }

    private static Node phone(double scale) {
        Rectangle phone = new Rectangle(70 * scale, 120 * scale);
        phone.setArcWidth(18 * scale);
        phone.setArcHeight(18 * scale);
        phone.getStyleClass().add("reader-body");
        Rectangle screen = new Rectangle(58 * scale, 92 * scale);
        screen.getStyleClass().add("receipt-paper");
        StackPane shape = new StackPane(phone, screen, qrMark(40 * scale));
        shape.setMaxSize(70 * scale, 120 * scale);
        return shape;
    }

    /** A QR code's look: three finder squares. */
    private static Group qrMark(double size) {
        double m = size / 7;
        Group g = new Group();
        Rectangle back = new Rectangle(size, size);
        back.getStyleClass().add("receipt-qr-back");
        g.getChildren().add(back);
        double[][] finders = {{0, 0}, {size - 3 * m, 0}, {0, size - 3 * m}, {4 * m, 4 * m}};
        for (double[] f : finders) {
            Rectangle finder = new Rectangle(f[0], f[1], f == finders[3] ? m : 3 * m, f == finders[3] ? m : 3 * m);
            finder.getStyleClass().add("receipt-qr-module");
            g.getChildren().add(finder);
        }
        return g;
    }

    public Node root() {
        return root;
    }
}
