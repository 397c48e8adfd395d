package cn.egov.kiosk.ui;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.event.EventType;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.text.Text;

/**
 * What a finger can tap on a screen, and whether each says what it is: the visible, enabled
 * controls (buttons, text fields, combo and choice boxes, sliders, list cells with content) and any
 * node that handles a click, a press or a touch itself (a property handler such as {@code
 * setOnMouseClicked}, or one added with {@code addEventHandler}, which JavaFX keeps where only
 * reflection sees it; a control's own behaviour adds such handlers, so for a control only the
 * property counts). A control's own insides (a scroll pane's viewport, a text field's skin) are
 * the control's, not targets of their own: only a scroll pane's content and a list's cells are
 * looked into.
 */
final class TapTargets {
    /** Roles that say nothing of what a tap does. */
    static final Set<AccessibleRole> MUTE_ROLES =
            Set.of(AccessibleRole.NODE, AccessibleRole.PARENT, AccessibleRole.TEXT);

    private static final List<EventType<?>> TAPS = List.of(
            MouseEvent.MOUSE_CLICKED,
            MouseEvent.MOUSE_PRESSED,
            MouseEvent.MOUSE_RELEASED,
            TouchEvent.TOUCH_PRESSED,
            TouchEvent.TOUCH_RELEASED);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    /** A word of Latin letters: a name in a language that uses them (a single letter is a key's). */
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");

    private TapTargets() {}

    /** One control a finger can tap, as a screen reader knows it. */
    record Target(String screen, Node node, AccessibleRole role, String name) {
        String row() {
            return String.format(
                    "%-18s %-34s %-22s %-14s %s",
                    screen,
                    node.getId() == null ? "(no id)" : "#" + node.getId(),
                    node.getClass().getSimpleName(),
                    role,
                    name.isEmpty() ? "(no name)" : name.replace(Accessible.LINE, " / "));
        }
    }

    /** The controls a finger can tap under {@code root}, with their roles and names (on the FX thread). */
    static List<Target> of(String screen, Parent root) {
        List<Node> found = new ArrayList<>();
        walk(root, found);
        return found.stream()
                .map(n -> new Target(screen, n, Accessible.roleOf(n), Accessible.name(n)))
                .toList();
    }

    /**
     * Why a target does not say what it is, or null: no name, a role that says nothing, a name not in
     * the screen's language. A Chinese name has Han characters (or is a key's character or a digit);
     * an English name has none, but for the data it shows as they are on screen (a catalogue item's
     * name, a division, a candidate word).
     */
    static String problem(Target t, Locale language, String shownTexts) {
        if (t.name().isBlank()) {
            return "no name";
        }
        if (MUTE_ROLES.contains(t.role())) {
            return "role " + t.role();
        }
        if (language.getLanguage().equals("zh")) {
            if (!HAN.matcher(t.name()).find() && LATIN_WORD.matcher(t.name()).find()) {
                return "not Chinese";
            }
            return null;
        }
        Matcher han = HAN.matcher(t.name());
        while (han.find()) {
            if (!shownTexts.contains(han.group())) {
                return "Chinese in " + language + ": \"" + han.group() + "\"";
            }
        }
        return null;
    }

    /** Every text shown under {@code root}, one per line: the data a name may repeat in any language. */
    static String shownTexts(Parent root) {
        root.applyCss();
        root.layout(); // a label's text is drawn at its layout
        StringBuilder all = new StringBuilder();
        texts(root, all);
        return all.toString();
    }

    private static void texts(Node node, StringBuilder all) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text t && t.getText() != null) {
            all.append(t.getText()).append('\n');
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                texts(child, all);
            }
        }
    }

    private static void walk(Node node, List<Node> found) {
        if (node == null || !node.isVisible()) {
            return;
        }
        if (!node.isDisabled() && tappable(node)) {
            found.add(node);
        }
        if (node instanceof ScrollPane scroll) {
            walk(scroll.getContent(), found);
        } else if (node instanceof ListView<?> list) {
            for (Node cell : list.lookupAll(".list-cell")) {
                walk(cell, found);
            }
        } else if (node instanceof Labeled labeled) {
            walk(labeled.getGraphic(), found);
        } else if (node instanceof Parent p && !(node instanceof Control)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    static boolean tappable(Node node) {
        if (node instanceof ListCell<?> cell) {
            return !cell.isEmpty() && cell.getItem() != null;
        }
        return node instanceof ButtonBase
                || node instanceof TextInputControl
                || node instanceof ComboBoxBase
                || node instanceof ChoiceBox
                || node instanceof Slider
                || node.getOnMouseClicked() != null
                || node.getOnMousePressed() != null
                || node.getOnMouseReleased() != null
                || node.getOnTouchPressed() != null
                || node.getOnTouchReleased() != null
                // a control's behaviour handles presses of its own (a scroll pane's, to pan): only a
                // pane or a shape given a handler is a target for that reason
                || (!(node instanceof Control) && handlesTaps(node));
    }

    /** Whether a handler of a tap was added to the node with {@code addEventHandler}. */
    private static boolean handlesTaps(Node node) {
        try {
            Object dispatcher = node.getEventDispatcher();
            Method manager = dispatcher.getClass().getMethod("getEventHandlerManager");
            Object handlers = manager.invoke(dispatcher);
            Field map = handlers.getClass().getDeclaredField("eventHandlerMap");
            map.setAccessible(true);
            Map<?, ?> byType = (Map<?, ?>) map.get(handlers);
            for (EventType<?> type : TAPS) {
                Object composite = byType.get(type);
                if (composite != null
                        && (boolean)
                                composite.getClass().getMethod("hasHandler").invoke(composite)) {
                    return true;
                }
            }
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the event handlers of " + node + " (JavaFX changed?)", e);
        }
    }
}
