package cn.egov.kiosk.ui.scan;

import cn.egov.kiosk.device.scanner.wedge.BurstDetector;
import cn.egov.kiosk.device.scanner.wedge.BurstDetector.Kind;
import cn.egov.kiosk.device.scanner.wedge.BurstDetector.Step;
import cn.egov.kiosk.device.scanner.wedge.WedgeScanner;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches a keyboard-wedge scanner's typing on the kiosk's scene, before any field sees it: every
 * physical key event (pressed, typed, released) that no earlier filter of the scene took goes
 * through a {@link BurstDetector}. A scan goes to the scanner and is never typed anywhere; a
 * person's keys are handed back, in the order they came, to where they were going (the focused
 * node, or the scene), after being held one gap at most (35 ms by default, plus up to one frame of
 * the animation timer). A key handed back passes this filter untouched, so the screens' own filters
 * (the kiosk's keyboard, {@code ui.keyboard.KeyboardHost}) see it exactly once.
 *
 * <p>Runs on the JavaFX thread only; the scanner is handed the code through the {@link TaskRunner},
 * off it. Neither the code nor a key is ever logged.
 */
public final class WedgeCatcher {
    private static final Logger log = LoggerFactory.getLogger(WedgeCatcher.class);

    private final Scene scene;
    private final BurstDetector<KeyEvent> detector;
    private final Consumer<String> scans;
    private final LongSupplier nanoTime;
    private final PauseTransition timer = new PauseTransition();
    private final EventHandler<KeyEvent> filter = this::caught;
    /** A key handed back is on its way: this filter lets it pass. */
    private boolean replaying;

    /**
     * @param scans where each scan's code goes (called on the JavaFX thread: it must hand over, not wait)
     * @param nanoTime the clock of the key events' times
     */
    public WedgeCatcher(Scene scene, BurstDetector.Options options, Consumer<String> scans, LongSupplier nanoTime) {
        this.scene = scene;
        this.detector = new BurstDetector<>(options);
        this.scans = scans;
        this.nanoTime = nanoTime;
        timer.setOnFinished(e -> apply(detector.expire(nanoTime.getAsLong())));
        scene.addEventFilter(KeyEvent.ANY, filter);
    }

    /**
     * Catches {@code scanner}'s typing on the scene; each scan is handed to {@link
     * WedgeScanner#typed} through {@code tasks}. On the JavaFX thread.
     */
    public static WedgeCatcher install(Scene scene, WedgeScanner scanner, TaskRunner tasks) {
        WedgeCatcher catcher = new WedgeCatcher(
                scene,
                scanner.options(),
                code -> tasks.run(
                        () -> {
                            scanner.typed(code);
                            return null;
                        },
                        done -> {},
                        error -> log.warn(
                                "Scanner {}: a scan could not be handed over: {}", scanner.id(), error.toString())),
                System::nanoTime);
        scanner.attachInput("the kiosk's window");
        return catcher;
    }

    /** Stops catching; what is held is dropped. */
    public void uninstall() {
        scene.removeEventFilter(KeyEvent.ANY, filter);
        timer.stop();
        detector.forget();
    }

    private void caught(KeyEvent e) {
        if (replaying || e.isConsumed()) {
            return; // handed back by this filter, or taken by an earlier one of the scene (the staff keys)
        }
        e.consume();
        apply(detector.key(e, kindOf(e), e.getCharacter(), nanoTime.getAsLong()));
    }

    private void apply(Step<KeyEvent> step) {
        for (KeyEvent held : step.release()) {
            handBack(held);
        }
        step.code().ifPresent(scans);
        OptionalLong due = detector.deadline();
        timer.stop();
        if (due.isPresent()) {
            double ms = Math.max(0, due.getAsLong() - nanoTime.getAsLong()) / 1e6 + 1;
            timer.setDuration(Duration.millis(ms));
            timer.playFromStart();
        }
    }

    /** Fires a held key at where it was going: its target if still on this scene, else the focused node. */
    private void handBack(KeyEvent held) {
        EventTarget target = held.getTarget();
        if (!(target instanceof Node node && node.getScene() == scene) && target != scene) {
            Node focused = scene.getFocusOwner();
            target = focused != null ? focused : scene;
        }
        replaying = true;
        try {
            Event.fireEvent(target, held.copyFor(held.getSource(), target));
        } finally {
            replaying = false;
        }
    }

    /** What a key event is to the detector. */
    static Kind kindOf(KeyEvent e) {
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            String c = e.getCharacter();
            if (c.isEmpty() || c.equals(KeyEvent.CHAR_UNDEFINED) || c.charAt(0) < ' ' || c.charAt(0) == 127) {
                return Kind.TRAILING; // Enter's \r, Tab's \t, Backspace's \b: their keys say it
            }
            return Kind.CHARACTER;
        }
        if (e.getEventType() == KeyEvent.KEY_RELEASED) {
            return Kind.TRAILING;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER) {
            return Kind.ENTER;
        }
        if (code.isArrowKey()
                || code.isFunctionKey()
                || code.isNavigationKey()
                || code == KeyCode.BACK_SPACE
                || code == KeyCode.DELETE
                || code == KeyCode.TAB
                || code == KeyCode.ESCAPE
                || code == KeyCode.INSERT) {
            return Kind.OTHER;
        }
        return Kind.LEADING; // a key whose character comes as KEY_TYPED, or a modifier
    }
}
