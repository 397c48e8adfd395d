package cn.egov.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/**
 * Accessible names and roles (the JavaFX accessibility API): what a screen reader says of a control
 * a finger can tap, and how the tour finds a control by its meaning rather than by its id.
 *
 * <p>A control that shows its own text needs nothing: a {@link Labeled} reports its text, a text
 * field its text or prompt. The others get a name here, in one line of the view, bound to the same
 * texts the screen shows (the {@link I18n} bindings), so that it follows a language switch: a tile
 * whose text is in labels inside its graphic ({@link #tile}), a field whose label is a separate
 * {@link Label} ({@link #field}), a graphic-only control or a clickable pane ({@link #named}), a
 * one-of choice or an on/off switch drawn as a button ({@link #choice}, which reports whether it is
 * the chosen one). Everything here runs on the JavaFX thread.
 */
public final class Accessible {
    /** Between the texts of a tile's labels in its name: the first line is what the tile is. */
    public static final String LINE = "\n";

    private Accessible() {}

    /** Gives a node its accessible name, bound to a text that follows the language. */
    public static <T extends Node> T named(T node, ObservableStringValue name) {
        node.accessibleTextProperty().bind(name);
        return node;
    }

    /** Gives a node its accessible role and name (a clickable pane, a graphic). */
    public static <T extends Node> T named(T node, AccessibleRole role, ObservableStringValue name) {
        node.setAccessibleRole(role);
        return named(node, name);
    }

    /** Gives a node its accessible role (a control whose own role does not say what it does). */
    public static <T extends Node> T role(T node, AccessibleRole role) {
        node.setAccessibleRole(role);
        return node;
    }

    /**
     * A button whose text is in labels of its graphic (a tile: a title, a description, a problem...):
     * its name is the texts of those labels that are shown, one per {@link #LINE}, in the order they
     * are laid out; it changes with them. The graphic is the one the tile has when this is called.
     */
    public static <T extends Labeled> T tile(T tile) {
        List<Labeled> labels = new ArrayList<>();
        collectLabels(tile.getGraphic(), labels);
        List<Observable> dependencies = new ArrayList<>();
        for (Labeled l : labels) {
            dependencies.add(l.textProperty());
            dependencies.add(l.visibleProperty());
        }
        tile.accessibleTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> labels.stream()
                                .filter(l -> shownWithin(l, tile))
                                .map(Labeled::getText)
                                .filter(t -> t != null && !t.isBlank())
                                .map(String::strip)
                                .collect(Collectors.joining(LINE)),
                        dependencies.toArray(Observable[]::new)));
        return tile;
    }

    /**
     * A text field whose label is a separate {@link Label}: the label is its {@code LABELED_BY}, and
     * the label's text its name.
     */
    public static <T extends TextInputControl> T field(T field, Label label) {
        label.setLabelFor(field);
        field.accessibleTextProperty().bind(label.textProperty());
        return field;
    }

    /**
     * A button that is a choice: one of several ({@link AccessibleRole#RADIO_BUTTON}) or an on/off
     * switch ({@link AccessibleRole#TOGGLE_BUTTON}), reporting {@link AccessibleAttribute#SELECTED}
     * while {@code chosen}. It stays a {@link Button} for the stylesheets (type selector, style class),
     * so a view changes only the line that makes it.
     */
    public static Button choice(AccessibleRole role, ObservableBooleanValue chosen) {
        return new ChoiceButton(role, chosen);
    }

    /** A node's accessible name, as a screen reader gets it; empty when it has none. */
    public static String name(Node node) {
        Object text = node.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        return text == null ? "" : text.toString().strip();
    }

    /** A node's accessible role, as a screen reader gets it. */
    public static AccessibleRole roleOf(Node node) {
        Object role = node.queryAccessibleAttribute(AccessibleAttribute.ROLE);
        return role instanceof AccessibleRole r ? r : AccessibleRole.NODE;
    }

    /**
     * The controls under {@code root} (itself included) that are shown and enabled, whose accessible
     * role is {@code role} and whose name is {@code name}, or whose name's first line is (a tile is
     * found by its title), in the scene graph's order.
     */
    public static List<Node> findAll(Parent root, AccessibleRole role, String name) {
        FxThread.check();
        List<Node> found = new ArrayList<>();
        collect(root, role, name.strip(), found);
        return found;
    }

    /**
     * The one control under {@code root} that is shown and enabled, with this accessible role and
     * name (see {@link #findAll}); empty when there is none.
     *
     * @throws IllegalStateException when several match: the name does not say which is meant
     */
    public static Optional<Node> find(Parent root, AccessibleRole role, String name) {
        List<Node> found = findAll(root, role, name);
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " controls are " + role + " \"" + name + "\": "
                    + found.stream().map(n -> "#" + n.getId()).collect(Collectors.joining(", ")));
        }
        return found.stream().findFirst();
    }

    private static void collect(Node node, AccessibleRole role, String name, List<Node> found) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (roleOf(node) == role && matches(name(node), name)) {
            found.add(node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, role, name, found);
            }
        }
    }

    private static boolean matches(String actual, String wanted) {
        if (actual.equals(wanted)) {
            return true;
        }
        int line = actual.indexOf(LINE);
        return line >= 0 && actual.substring(0, line).strip().equals(wanted);
    }

    private static void collectLabels(Node node, List<Labeled> labels) {
        if (node instanceof Labeled l) {
            labels.add(l);
        } else if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectLabels(child, labels);
            }
        }
    }

    private static boolean shownWithin(Node node, Node ancestor) {
        for (Node n = node; n != null && n != ancestor; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** A button that says whether it is the chosen one. */
    private static final class ChoiceButton extends Button {
        private final ReadOnlyBooleanWrapper chosen = new ReadOnlyBooleanWrapper();

        ChoiceButton(AccessibleRole role, ObservableBooleanValue chosen) {
            setAccessibleRole(role);
            this.chosen.bind(chosen);
            this.chosen.addListener((obs, was, now) -> notifyAccessibleAttributeChanged(AccessibleAttribute.SELECTED));
        }

        @Override
        public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
            if (attribute == AccessibleAttribute.SELECTED) {
                return chosen.get();
            }
            return super.queryAccessibleAttribute(attribute, parameters);
        }

        /** {@code Button} in the stylesheets, as any other button. */
        @Override
        public String getTypeSelector() {
            return "Button";
        }
    }
}
