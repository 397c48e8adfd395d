package cn.egov.kiosk.ui.appointment;

import static cn.egov.kiosk.ui.Controls.label;

import cn.egov.kiosk.ui.Accessible;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The parts the appointment screens share (预约, 我的预约, 签到): large rows and buttons to choose
 * from, each named by what it shows, lists that follow their model, a finger-dragged scroll. The
 * views give each control its id.
 */
public final class Choices {
    private Choices() {}

    /** A column of rows. */
    public static VBox rows() {
        VBox list = new VBox();
        list.getStyleClass().add("appointment-rows");
        return list;
    }

    /** A grid of buttons (days, times) that wraps to the width. */
    public static FlowPane grid() {
        FlowPane grid = new FlowPane();
        grid.getStyleClass().add("appointment-grid");
        return grid;
    }

    /** Makes the control of one element of a list, its position given. */
    public interface Maker<T> {
        Node make(T item, int index);
    }

    /** Fills a pane from a list, again whenever the list changes (a new choice, the language). */
    public static <T> void fill(Pane pane, ObservableList<T> items, Maker<T> make) {
        Runnable refill = () -> {
            pane.getChildren().clear();
            for (int i = 0; i < items.size(); i++) {
                pane.getChildren().add(make.make(items.get(i), i));
            }
        };
        items.addListener((ListChangeListener<T>) c -> refill.run());
        refill.run();
    }

    /**
     * A large sign (a tick, a cross) with the room it takes when drawn three times its size: a
     * scaled shape's layout keeps its small size, and would lie over the heading under it.
     */
    public static Node sign(Node shape) {
        Group g = new Group(shape);
        g.getStyleClass().add("big-icon");
        StackPane room = new StackPane(g);
        room.getStyleClass().add("appointment-sign");
        return room;
    }

    /** A row to choose: a name and a note under it (none when empty), named by both. */
    public static Button row(String name, String note, Runnable action) {
        return row(new SimpleStringProperty(name), new SimpleStringProperty(note), action);
    }

    public static Button row(ObservableValue<String> name, ObservableValue<String> note, Runnable action) {
        Label n = label("appointment-row-name");
        n.textProperty().bind(name);
        Label d = label("appointment-row-note");
        d.textProperty().bind(note);
        d.visibleProperty().bind(d.textProperty().isNotEmpty());
        d.managedProperty().bind(d.visibleProperty());
        VBox lines = new VBox(4, n, d);
        Button b = new Button();
        b.getStyleClass().add("appointment-row");
        b.setGraphic(lines);
        b.setWrapText(true); // laid out at its width: its wrapping lines are not measured at none
        b.setMaxWidth(Double.MAX_VALUE);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return Accessible.tile(b);
    }

    /** A day or a time and its places left; a full one is drawn and says so, but takes no touch. */
    public static Button choice(String main, String note, boolean full, Runnable action) {
        Label m = label("appointment-choice-main");
        m.setText(main);
        Label d = label("appointment-choice-note");
        d.setText(note);
        VBox lines = new VBox(4, m, d);
        lines.setAlignment(Pos.CENTER);
        Button b = new Button();
        b.getStyleClass().add("appointment-choice");
        b.setGraphic(lines);
        b.setWrapText(true); // laid out at its width: its wrapping lines are not measured at none
        b.setFocusTraversable(false);
        b.setDisable(full);
        b.setOnAction(e -> action.run());
        return Accessible.tile(b);
    }
}
