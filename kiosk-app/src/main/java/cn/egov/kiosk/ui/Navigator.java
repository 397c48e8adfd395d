package cn.egov.kiosk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Which screen shows, and the way back. */
public final class Navigator {
    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(Screen.ATTRACT);
    private final Deque<Screen> history = new ArrayDeque<>();
    private final Map<Screen, BooleanSupplier> stepsBack = new EnumMap<>(Screen.class);

    /**
     * A screen of several steps takes "back" itself while it can: {@code stepBack} goes one step back
     * and says true, or says false at its first step, where back leaves the screen.
     */
    public void stepsBack(Screen screen, BooleanSupplier stepBack) {
        stepsBack.put(screen, stepBack);
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Screen current() {
        return current.get();
    }

    public void go(Screen next) {
        if (next == current.get()) {
            return;
        }
        if (current.get() != Screen.ATTRACT) {
            history.push(current.get());
        }
        current.set(next);
    }

    /** A step back inside the screen, else the previous screen, or home when there is none. */
    public void back() {
        BooleanSupplier inside = stepsBack.get(current.get());
        if (inside != null && inside.getAsBoolean()) {
            return;
        }
        Screen previous = history.isEmpty() ? Screen.HOME : history.pop();
        current.set(previous);
    }

    public void home() {
        history.clear();
        current.set(Screen.HOME);
    }

    /** Back to the attract screen with no history: a session ended. */
    public void reset() {
        history.clear();
        current.set(Screen.ATTRACT);
    }

    public BooleanBinding canGoBack() {
        return Bindings.createBooleanBinding(
                () -> current.get() != Screen.HOME && current.get() != Screen.ATTRACT, current);
    }
}
