package cn.egov.kiosk.ui.keyboard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JavaFX's own virtual keyboard (FXVK), turned off. On a platform that says it has a virtual
 * keyboard (Monocle on a touch screen without a keyboard: an embedded kiosk) every text control's
 * skin attaches FXVK when the control gets the focus: a popup keyboard of its own that shifts the
 * scene up. The kiosk has its own keyboards, so FXVK must never come. JavaFX offers no public switch;
 * its own one, {@code FXVK.toggleUseVK}, turns FXVK off for every control when a control's {@code
 * vkType} steps past the last type. That is called here, once, by reflection (its package is not
 * exported: {@code ./kiosk} adds {@code --add-exports
 * javafx.controls/com.sun.javafx.scene.control.skin=ALL-UNNAMED}; with JavaFX on the class path, as
 * in the tests, nothing is needed). Where the call cannot be made the kiosk goes on, with a warning
 * in the log.
 */
final class SystemKeyboard {
    private static final Logger log = LoggerFactory.getLogger(SystemKeyboard.class);
    private static final String FXVK = "com.sun.javafx.scene.control.skin.FXVK";
    /** FXVK's last type (email) is 3: one step past it turns FXVK off. */
    private static final int LAST_TYPE = 3;

    private static boolean done;

    private SystemKeyboard() {}

    /** Turns FXVK off, once (on the JavaFX thread: it makes a control). */
    static synchronized void suppress() {
        if (done) {
            return;
        }
        done = true;
        try {
            TextInputControl scratch = new TextField();
            scratch.getProperties().put("vkType", LAST_TYPE);
            Class.forName(FXVK).getMethod("toggleUseVK", TextInputControl.class).invoke(null, scratch);
            if (inUse().orElse(false)) {
                log.warn("JavaFX's virtual keyboard is still on after switching it off");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
            log.warn(
                    "Could not switch off JavaFX's virtual keyboard (on a touch screen without a keyboard it may show"
                            + " over the kiosk's own): {}",
                    cause.toString());
        }
    }

    /** Whether FXVK would attach to a focused field; empty when that cannot be asked. */
    static Optional<Boolean> inUse() {
        try {
            Method useFxvk = Class.forName(FXVK).getMethod("useFXVK");
            return Optional.of((Boolean) useFxvk.invoke(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
