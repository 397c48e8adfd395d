package cn.egov.kiosk.ui.frame;

import cn.egov.kiosk.ui.Accessible;
import cn.egov.kiosk.ui.Msg;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/**
 * Lays out the frame: top bar (emblem, hall name, clock, language and elderly switches), the
 * content in the middle with room for overlays, the navigation bar at the bottom.
 */
public final class FrameView {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final StackPane layers = new StackPane(content);
    private final StackPane emblem = new StackPane(star());
    /** The sound panel's button, shown once the kiosk has a voice ({@link #soundButton}). */
    private final Button sound = new Button();

    public FrameView(FrameViewModel vm) {
        root.getStyleClass().add("kiosk-root");

        emblem.getStyleClass().add("emblem");
        emblem.setId("emblem");
        Accessible.named(emblem, AccessibleRole.IMAGE_VIEW, vm.i18n().bind(Msg.A11Y_EMBLEM)); // not "staff"
        Label hall = new Label();
        hall.getStyleClass().add("hall-name");
        hall.textProperty().bind(vm.hallNameProperty());
        Label clock = new Label();
        clock.getStyleClass().add("clock");
        clock.setId("clock");
        clock.textProperty().bind(vm.timeProperty());
        Label date = new Label();
        date.getStyleClass().add("date");
        date.textProperty().bind(vm.dateProperty());
        VBox time = new VBox(clock, date);
        time.setAlignment(Pos.CENTER_RIGHT);

        Button language = new Button();
        language.setId("language-switch");
        language.getStyleClass().add("frame-button");
        language.textProperty().bind(vm.languageSwitchText());
        language.setOnAction(e -> vm.switchLanguage());
        language.setFocusTraversable(false);
        Accessible.named(language, vm.languageSwitchName());

        Button elderly = Accessible.choice(AccessibleRole.TOGGLE_BUTTON, vm.elderlyOn());
        Accessible.named(elderly, vm.i18n().bind(Msg.A11Y_ELDERLY_MODE));
        elderly.setId("elderly-switch");
        elderly.getStyleClass().add("frame-button");
        elderly.textProperty().bind(vm.elderlySwitchText());
        elderly.setOnAction(e -> vm.toggleElderly());
        elderly.setFocusTraversable(false);

        // the attract screen shows the hall and the clock in large type itself
        hall.visibleProperty().bind(vm.navigationVisible());
        time.visibleProperty().bind(vm.navigationVisible());
        Label greeting = new Label();
        greeting.setId("greeting");
        greeting.getStyleClass().addAll("hall-name", "greeting");
        greeting.textProperty().bind(vm.greeting());
        // the hall's logo beside the emblem, as tall as it (the emblem stays: it is the staff's door)
        ImageView logo = new ImageView();
        logo.setId("frame-logo");
        logo.setPreserveRatio(true);
        logo.setSmooth(true);
        logo.imageProperty().bind(vm.logoProperty());
        logo.fitHeightProperty().bind(emblem.heightProperty());
        logo.visibleProperty().bind(vm.logoProperty().isNotNull().and(vm.navigationVisible()));
        logo.managedProperty().bind(logo.visibleProperty());
        Accessible.named(logo, AccessibleRole.IMAGE_VIEW, vm.hallNameProperty());
        HBox top = new HBox(emblem, logo, hall, spacer(), greeting, time, language, elderly);
        top.getStyleClass().add("top-bar");
        root.setTop(top);

        Button back = navButton("nav-back", Msg.FRAME_BACK, vm);
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.canGoBack().not());
        Button home = navButton("nav-home", Msg.FRAME_HOME, vm);
        home.setOnAction(e -> vm.home());
        home.disableProperty().bind(vm.navigationLockedProperty());
        Button exit = navButton("nav-exit", Msg.FRAME_EXIT, vm);
        sound.setId("sound-open");
        sound.getStyleClass().add("nav-button");
        sound.setFocusTraversable(false);
        sound.setVisible(false);
        sound.setManaged(false);
        exit.setOnAction(e -> vm.exit());
        exit.disableProperty().bind(vm.navigationLockedProperty());
        Label hotline = new Label();
        hotline.getStyleClass().add("hotline");
        hotline.textProperty().bind(vm.hotlineProperty());
        HBox bottom = new HBox(back, home, spacer(), hotline, spacer(), sound, exit);
        bottom.getStyleClass().add("bottom-bar");
        bottom.visibleProperty().bind(vm.navigationVisible());
        bottom.managedProperty().bind(vm.navigationVisible());
        root.setBottom(bottom);

        // the navigation bar always stays on screen: the middle gives way (and is clipped) instead
        content.setMinSize(0, 0);
        layers.setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(layers.widthProperty());
        clip.heightProperty().bind(layers.heightProperty());
        layers.setClip(clip);
        root.setCenter(layers);
    }

    private static Button navButton(String id, Msg text, FrameViewModel vm) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("nav-button");
        b.textProperty().bind(vm.i18n().bind(text));
        b.setFocusTraversable(false);
        return b;
    }

    /** A five-pointed star, the emblem in the corner (a graphic, not text). */
    private static SVGPath star() {
        SVGPath star = new SVGPath();
        star.setContent("M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z");
        star.getStyleClass().add("emblem-star");
        return star;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public BorderPane root() {
        return root;
    }

    /** Shows a screen in the middle. */
    public void show(Node screen) {
        content.getChildren().setAll(screen);
    }

    /**
     * An overlay above the content (inactivity warning, staff PIN), built the first time {@code
     * shown} turns true: most citizens never see them, and the kiosk starts faster without them.
     */
    public void addOverlay(ObservableBooleanValue shown, Supplier<Node> overlay) {
        ChangeListener<Boolean> firstShow = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    shown.removeListener(this);
                    layers.getChildren().add(overlay.get());
                }
            }
        };
        shown.addListener(firstShow);
        if (shown.get()) {
            firstShow.changed(shown, false, true);
        }
    }

    /** Shows the sound button in the navigation bar: {@code text} says whether the voice is on. */
    public void soundButton(ObservableValue<String> text, Runnable open) {
        sound.textProperty().bind(text);
        sound.setOnAction(e -> open.run());
        sound.setVisible(true);
        sound.setManaged(true);
    }

    /** The emblem in the top-left corner: the hidden staff gesture is five taps on it. */
    public Node staffCorner() {
        return emblem;
    }
}
