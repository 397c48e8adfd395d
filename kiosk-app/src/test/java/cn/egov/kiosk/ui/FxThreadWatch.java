package cn.egov.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.BlockingOperationError;

/**
 * The JavaFX thread rule enforced in the tests: the JavaFX application thread never waits (no sleep,
 * no wait or park, no file or socket I/O, no process started). BlockHound, installed once per test
 * JVM, watches that thread; a blocking call made on it throws BlockHound's {@link
 * BlockingOperationError} there and is recorded, and the test during which it happened fails with
 * that error, even when the JavaFX thread swallowed it (an exception in an event handler is only
 * printed).
 *
 * <p>Registered for every kiosk-app test ({@code META-INF/services} and {@code
 * junit-platform.properties} in the test resources), not only the TestFX suites: any test may start
 * the toolkit, and its thread lives on across test classes. BlockHound needs
 * {@code -XX:+AllowRedefinitionToAddDeleteMethods} on JDK 13 and later (the kiosk-app POM's
 * surefire argLine).
 *
 * <p>What the toolkit itself legitimately does on its thread is allowed, each narrowly and with its
 * reason below; nothing of the kiosk's own code is.
 */
public final class FxThreadWatch implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    /** The JavaFX application thread, as the toolkit names it when it starts on it (Quantum does). */
    static final String FX_THREAD = "JavaFX Application Thread";

    private static final Queue<BlockingOperationError> BLOCKED = new ConcurrentLinkedQueue<>();

    /** Installs BlockHound with the rules below; once per JVM (BlockHound ignores a second install). */
    static void install() {
        BlockHound.builder()
                .nonBlockingThreadPredicate(p -> p.or(FxThreadWatch::isFxThread))
                // Monocle starts its event thread as "Event Thread" and Quantum renames it once the
                // toolkit runs on it, while BlockHound decides once per thread, at its first blocking
                // call, whether to watch it: so every thread's name is asked again at each blocking call.
                .addDynamicThreadPredicate(t -> true)
                // The event loop waiting for the next event while there is none: that is what the JavaFX
                // thread does when it is idle (Monocle's queue; GTK waits in native code).
                .allowBlockingCallsInside("com.sun.glass.ui.monocle.RunnableQueue", "getNextRunnable")
                // Quantum's hand-over to its render thread: once at start-up for the graphics resources,
                // at the end of each pulse for the frame before, and for the render lock a stage takes
                // when it shows or hides. The render thread draws; it does not wait on the kiosk.
                .allowBlockingCallsInside("com.sun.javafx.tk.quantum.QuantumRenderer", "createResourceFactory")
                .allowBlockingCallsInside("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete")
                // ... and the hand-over of a frame itself, which waits while the render thread still
                // draws the one before (full-HD screens in software rendering on a busy machine)
                .allowBlockingCallsInside("com.sun.javafx.tk.quantum.QuantumRenderer", "submitRenderJob")
                .allowBlockingCallsInside("com.sun.javafx.tk.quantum.QuantumToolkit", "runWithRenderLock")
                // The first stage made initialises Quantum's WindowStage, which reads its message bundle
                // from the JavaFX jar (class initialisation, as class loading is).
                .allowBlockingCallsInside("com.sun.javafx.tk.quantum.QuantumToolkit", "createTKStage")
                // The toolkit's native libraries (the font library on the first text), unpacked into the
                // JavaFX cache and loaded once: native class loading.
                .allowBlockingCallsInside("com.sun.glass.utils.NativeLibLoader", "loadLibrary")
                // A font file's tables, read by JavaFX when a font is first used for text.
                .allowBlockingCallsInside("com.sun.javafx.font.FontFileReader", "readBlock")
                // Stylesheets (modena's and the kiosk's themes), read and parsed by the StyleManager the
                // first time a scene uses one, then cached; the checksum reads a stylesheet from a folder
                // (the tests' class path) to notice a change.
                .allowBlockingCallsInside("com.sun.javafx.css.StyleManager", "loadStylesheet")
                .allowBlockingCallsInside("com.sun.javafx.css.StyleManager", "calculateCheckSum")
                // The controls' own texts, a bundle in the JavaFX jar read once when a skin needs one.
                .allowBlockingCallsInside("com.sun.javafx.scene.control.skin.resources.ControlResources", "getString")
                // Monocle (the tests' headless glass) reads its cursor image from its jar.
                .allowBlockingCallsInside("com.sun.glass.ui.monocle.MonocleCursor", "getImage")
                // Logging: a line logged on the JavaFX thread goes to the appenders on that thread (the
                // console; the kiosk's file, whose appender LogSetup makes synchronous). BlockHound's own
                // logging integration allows the same. Taking the file off the thread is LogSetup's job.
                .allowBlockingCallsInside("ch.qos.logback.classic.Logger", "callAppenders")
                .blockingMethodCallback(FxThreadWatch::blocked)
                // The walk-through's screenshots (tour.Walker): a snapshot waits for the render thread
                // to draw the picture. Only the tour takes snapshots; the kiosk never does.
                .allowBlockingCallsInside("javafx.scene.Scene", "snapshot")
                .install();
    }

    static boolean isFxThread(Thread t) {
        return FX_THREAD.equals(t.getName());
    }

    private static void blocked(BlockingMethod method) {
        BlockingOperationError error = new BlockingOperationError(method);
        BLOCKED.add(error);
        throw error;
    }

    /**
     * Fails when the JavaFX thread blocked since the last check: an {@link AssertionError} caused by
     * the first {@link BlockingOperationError}, the others suppressed. The record is emptied.
     */
    static void verify(String when) {
        List<BlockingOperationError> seen = new ArrayList<>();
        for (BlockingOperationError e = BLOCKED.poll(); e != null; e = BLOCKED.poll()) {
            seen.add(e);
        }
        if (seen.isEmpty()) {
            return;
        }
        AssertionError failure = new AssertionError(
                "The JavaFX application thread blocked " + when + ": "
                        + seen.get(0).getMessage(),
                seen.get(0));
        seen.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
        verify("before " + context.getDisplayName() + " (after the tests before it)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        verify("before " + context.getDisplayName() + " (while its class was set up)");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        verify("during " + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        verify("after the tests of " + context.getDisplayName());
    }
}
