package cn.egov.kiosk.ui.idlogin;

import static cn.egov.kiosk.ui.Controls.label;
import static cn.egov.kiosk.ui.Controls.screen;

import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.ui.Icons;
import cn.egov.kiosk.ui.Msg;
import javafx.animation.Animation;
import javafx.animation.TranslateTransition;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;

/** Lays out the ID-card login: where to put the card, reading, the greeting, or what went wrong. */
public final class IdLoginView {
    /** The card's photo is 102 × 126 pixels; shown at twice that. */
    private static final double PHOTO_WIDTH = 204;

    private static final double PHOTO_HEIGHT = 252;
    private final StackPane root = new StackPane();

    public IdLoginView(IdLoginViewModel vm) {
        root.setId("id-login");
        root.setMinHeight(0);
        VBox waiting = waiting(vm);
        VBox reading = reading(vm);
        VBox done = done(vm);
        VBox failed = failed(vm);
        VBox checking = checking(vm);
        root.getChildren().addAll(waiting, reading, checking, done, failed);
        Runnable show = () -> show(vm.stepProperty().get(), waiting, reading, checking, done, failed);
        show.run();
        vm.stepProperty().addListener((obs, old, now) -> show.run());
    }

    private static void show(
            IdLoginViewModel.Step step, VBox waiting, VBox reading, VBox checking, VBox done, VBox failed) {
        waiting.setVisible(step == IdLoginViewModel.Step.WAITING);
        reading.setVisible(step == IdLoginViewModel.Step.READING);
        checking.setVisible(step == IdLoginViewModel.Step.CHECKING);
        done.setVisible(step == IdLoginViewModel.Step.DONE);
        failed.setVisible(step == IdLoginViewModel.Step.FAILED);
    }

    private static VBox waiting(IdLoginViewModel vm) {
        VBox box = screen("id-login-waiting");
        Label title = label("screen-title");
        title.textProperty().bind(vm.i18n().bind(Msg.LOGIN_TITLE));
        Label instruction = label("login-instruction");
        instruction.setId("id-login-instruction");
        instruction
                .textProperty()
                .bind(vm.i18n()
                        .bind(vm.acceptsSocialSecurityCard() ? Msg.LOGIN_PLACE_CARD_OR_SSC : Msg.LOGIN_PLACE_CARD));
        // 扫码登录, where the flow takes it: said under the card's picture
        Label orApp = label("login-instruction");
        orApp.setId("id-login-or-app");
        orApp.textProperty().bind(vm.i18n().bind(Msg.LOGIN_OR_APP));
        orApp.visibleProperty().bind(vm.appAcceptedProperty());
        orApp.managedProperty().bind(vm.appAcceptedProperty());
        box.getChildren().addAll(title, readerPicture(), instruction, orApp);
        HBox demos = new HBox(24);
        demos.setAlignment(Pos.CENTER);
        if (vm.demo()) {
            demos.getChildren().add(demoButton(vm, "id-login-demo-card", Msg.LOGIN_DEMO_CARD, vm::placeDemoCard));
        }
        if (vm.demoSocialSecurityCard()) {
            demos.getChildren()
                    .add(demoButton(vm, "id-login-demo-ssc", Msg.LOGIN_DEMO_SSC, vm::insertDemoSocialSecurityCard));
        }
        if (vm.demoAppCode()) {
            Button app = demoButton(vm, "id-login-demo-app", Msg.LOGIN_DEMO_APP, vm::showDemoAppCode);
            app.visibleProperty().bind(vm.appAcceptedProperty());
            app.managedProperty().bind(vm.appAcceptedProperty());
            demos.getChildren().add(app);
        }
        if (!demos.getChildren().isEmpty()) {
            box.getChildren().add(demos);
        }
        return box;
    }

    private static VBox checking(IdLoginViewModel vm) {
        VBox box = screen("id-login-checking");
        box.setAlignment(Pos.CENTER);
        Label text = label("login-instruction");
        text.textProperty().bind(vm.i18n().bind(Msg.LOGIN_CHECKING_APP));
        box.getChildren().addAll(new ProgressIndicator(), text);
        return box;
    }

    private static Button demoButton(IdLoginViewModel vm, String id, Msg text, Runnable action) {
        Button demo = new Button();
        demo.setId(id);
        demo.getStyleClass().add("nav-button");
        demo.textProperty().bind(vm.i18n().bind(text));
        demo.setOnAction(e -> action.run());
        return demo;
    }

    private static VBox reading(IdLoginViewModel vm) {
        VBox box = screen("id-login-reading");
        box.setAlignment(Pos.CENTER);
        Label text = label("login-instruction");
        text.textProperty().bind(vm.i18n().bind(Msg.LOGIN_READING));
        box.getChildren().addAll(new ProgressIndicator(), text);
        return box;
    }

    private static VBox done(IdLoginViewModel vm) {
        VBox box = screen("id-login-done");
        box.setAlignment(Pos.CENTER);
        Node icon = new Group(Icons.check());
        icon.getStyleClass().add("big-icon");
        Label hello = label("login-instruction");
        hello.textProperty().bind(vm.i18n().bind(Msg.LOGIN_WELCOME));
        Label document = label("hint");
        document.setId("id-login-document");
        document.textProperty().bind(vm.documentText());
        Label name = label("login-name");
        name.setId("id-login-name");
        name.textProperty().bind(vm.maskedNameProperty());
        Label number = label("login-number");
        number.setId("id-login-number");
        number.textProperty().bind(vm.maskedNumberProperty());
        Label hint = label("hint");
        hint.textProperty().bind(vm.i18n().bind(Msg.LOGIN_PRIVACY));
        Button proceed = new Button();
        proceed.setId("id-login-continue");
        proceed.getStyleClass().add("primary-button");
        proceed.textProperty().bind(vm.i18n().bind(Msg.LOGIN_CONTINUE));
        proceed.setOnAction(e -> vm.proceed());
        VBox who = new VBox(6, hello, name, number, document);
        who.setAlignment(Pos.CENTER_LEFT);
        HBox card = new HBox(32, photo(vm), who);
        card.setAlignment(Pos.CENTER);
        box.getChildren().addAll(icon, card, hint, proceed);
        return box;
    }

    private static VBox failed(IdLoginViewModel vm) {
        VBox box = screen("id-login-failed");
        box.setAlignment(Pos.CENTER);
        Node icon = new Group(Icons.cross());
        icon.getStyleClass().add("big-icon");
        Label problem = label("failure-reason");
        problem.setId("id-login-problem");
        problem.textProperty().bind(vm.problemText());
        Label advice = label("login-instruction");
        advice.setId("id-login-advice");
        advice.textProperty().bind(vm.adviceText());
        Label code = label("error-code");
        code.setId("id-login-problem-code");
        code.textProperty().bind(vm.problemCodeText());
        Button retry = new Button();
        retry.setId("id-login-retry");
        retry.getStyleClass().add("primary-button");
        retry.textProperty().bind(vm.i18n().bind(Msg.LOGIN_RETRY));
        retry.setOnAction(e -> vm.read());
        // moving the card is retried by itself: no button then, the picture instead
        Node picture = readerPicture();
        Runnable update = () -> {
            LoginProblem p = vm.problemProperty().get();
            boolean byItself = p != null && p.retryByItself();
            retry.setVisible(!byItself); // an expired card too: the citizen may have brought the old one
            retry.setManaged(retry.isVisible());
            picture.setVisible(byItself);
            picture.setManaged(byItself);
        };
        vm.problemProperty().addListener((obs, old, now) -> update.run());
        update.run();
        box.getChildren().addAll(icon, problem, advice, code, picture, retry);
        return box;
    }

    /** The card's photo where a decoder is installed, else (and until decoded) a neutral silhouette. */
    private static Node photo(IdLoginViewModel vm) {
        ImageView image = new ImageView();
        image.setId("id-login-photo");
        image.setFitWidth(PHOTO_WIDTH);
        image.setFitHeight(PHOTO_HEIGHT);
        image.setPreserveRatio(true);
        image.imageProperty().bind(vm.photoProperty());
        Rectangle frame = new Rectangle(PHOTO_WIDTH, PHOTO_HEIGHT);
        frame.getStyleClass().add("photo-frame");
        SVGPath silhouette = new SVGPath();
        silhouette.setId("id-login-photo-placeholder");
        silhouette.setContent("M51 18 a22 22 0 1 1 -0.1 0 Z M10 120 C10 84 30 70 51 70 C72 70 92 84 92 120 Z");
        silhouette.getStyleClass().add("photo-placeholder");
        silhouette.setScaleX(PHOTO_WIDTH / 102);
        silhouette.setScaleY(PHOTO_WIDTH / 102);
        silhouette.visibleProperty().bind(vm.photoProperty().isNull());
        StackPane box = new StackPane(frame, silhouette, image);
        box.setMaxSize(PHOTO_WIDTH, PHOTO_HEIGHT);
        return box;
    }

    /** A card coming down onto the reader, over and over: where to put it. */
    private static Node readerPicture() {
        Rectangle reader = new Rectangle(260, 70);
        reader.setArcWidth(24);
        reader.setArcHeight(24);
        reader.getStyleClass().add("reader-body");
        Rectangle zone = new Rectangle(200, 14);
        zone.setArcWidth(14);
        zone.setArcHeight(14);
        zone.getStyleClass().add("reader-zone");
        StackPane readerShape = new StackPane(reader, zone);

        Rectangle card = new Rectangle(170, 108);
        card.setArcWidth(16);
        card.setArcHeight(16);
        card.getStyleClass().add("card-body");
        Circle portrait = new Circle(22);
        portrait.getStyleClass().add("card-portrait");
        VBox lines = new VBox(8, bar(70), bar(90), bar(60));
        lines.setAlignment(Pos.CENTER_LEFT);
        HBox face = new HBox(14, portrait, lines);
        face.setAlignment(Pos.CENTER);
        StackPane cardShape = new StackPane(card, face);

        SVGPath arrow = new SVGPath();
        arrow.setContent("M10 0 L30 0 L30 30 L40 30 L20 52 L0 30 L10 30 Z");
        arrow.getStyleClass().add("reader-arrow");

        VBox picture = new VBox(10, cardShape, arrow, readerShape);
        picture.setAlignment(Pos.CENTER);
        picture.setId("reader-picture");
        TranslateTransition drop = new TranslateTransition(Duration.seconds(1.4), cardShape);
        drop.setFromY(-12);
        drop.setToY(18);
        drop.setAutoReverse(true);
        drop.setCycleCount(Animation.INDEFINITE);
        drop.play();
        return picture;
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
}
