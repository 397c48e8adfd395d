package cn.egov.kiosk.ui.scan;

import cn.egov.kiosk.device.scanner.wedge.WedgeScanner;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Scene;

/**
 * The window's keys for whichever keyboard-wedge scanner the kiosk has now: a {@link WedgeCatcher}
 * installed for it, moved to the new device when staff reconfigure the scanner (the device manager
 * builds a new one), and removed when the scanner goes or stops being a wedge. On the JavaFX thread;
 * {@link #follow()} is cheap (the device manager's current device, no device call).
 */
public final class WedgeInput {
    private final Scene scene;
    private final Supplier<Optional<WedgeScanner>> current;
    private final TaskRunner tasks;
    private WedgeScanner scanner;
    private WedgeCatcher catcher;

    /** @param current the wedge scanner the kiosk has now, if any */
    public WedgeInput(Scene scene, Supplier<Optional<WedgeScanner>> current, TaskRunner tasks) {
        this.scene = scene;
        this.current = current;
        this.tasks = tasks;
    }

    /** Catches keys for the scanner the kiosk has now; nothing changes when it is the same device. */
    public void follow() {
        WedgeScanner now = current.get().orElse(null);
        if (now == scanner) {
            return;
        }
        if (catcher != null) {
            catcher.uninstall();
            scanner.detachInput();
            catcher = null;
        }
        scanner = now;
        if (now != null) {
            catcher = WedgeCatcher.install(scene, now, tasks);
        }
    }

    /** The scanner whose keys are caught now, if any. */
    public Optional<WedgeScanner> scanner() {
        return Optional.ofNullable(scanner);
    }
}
