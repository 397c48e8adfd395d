package cn.egov.kiosk.ui;

import javafx.application.Platform;

/**
 * The JavaFX application thread rule, checked: a ViewModel's state is read and changed on that
 * thread only (the views call it from event handlers, the services hop to it through
 * {@code Platform.runLater}). A call from any other thread is a bug that would race the background
 * results, and fails at once instead of now and then.
 */
public final class FxThread {

    private FxThread() {}

    /** Throws {@link IllegalStateException} unless the caller is on the JavaFX application thread. */
    public static void check() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Not on the JavaFX application thread but on \""
                    + Thread.currentThread().getName() + "\": hop with Platform.runLater");
        }
    }
}
