package cn.egov.kiosk.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Small factories the views share. */
public final class Controls {
    private Controls() {}

    /** A choice that is the chosen one (the toggles of a screen): {@code :selected} in the stylesheets. */
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    /** An empty, wrapping label with a style class; the view binds its text. */
    public static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }

    /** A wrapping label with a style class showing {@code words} as a ViewModel put them (a list's line). */
    public static Label label(String styleClass, String words) {
        Label l = label(styleClass);
        l.setText(words);
        return l;
    }

    /** A wrapping label with a style class, its text the bundle's {@code msg} in the current language. */
    public static Label text(I18n i18n, String styleClass, Msg msg) {
        Label l = label(styleClass);
        l.textProperty().bind(i18n.bind(msg));
        return l;
    }

    /** A button with an id, a style class and the bundle's text; it takes no focus (touch, no keys). */
    public static Button button(I18n i18n, String id, String styleClass, Msg msg) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add(styleClass);
        b.textProperty().bind(i18n.bind(msg));
        b.setFocusTraversable(false);
        return b;
    }

    /** A step that waits (looking up, booking...): the spinner and what is being done, centred. */
    public static VBox waiting(VBox box, I18n i18n, Msg msg) {
        box.setAlignment(Pos.CENTER);
        box.getChildren().addAll(new ProgressIndicator(), text(i18n, "login-instruction", msg));
        return box;
    }

    /**
     * One step of a screen (waiting, printing, done...): a column with the screen's style and an id
     * for tests, hung from the top of the screen's stack, which shows one step at a time.
     */
    public static VBox screen(String id) {
        VBox box = new VBox();
        box.setMinHeight(0);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        box.setId(id);
        box.getStyleClass().add("screen");
        return box;
    }

    /**
     * Content that may be longer than the room it gets (a page, a list in large type): scrolled
     * vertically by a finger, as wide as the room, taking the height a column leaves it.
     */
    public static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.getStyleClass().add("kiosk-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }
}
