package cn.egov.kiosk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Which screen shows, and the way back. */
public final class Navigator {
    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(Screen.ATTRACT);
    private final Deque<Screen> history = new ArrayDeque<>();

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

    /** The previous screen, or home when there is none. */
    public void back() {
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
