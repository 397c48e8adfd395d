package cn.egov.kiosk.e2e;

import cn.egov.kiosk.app.UiWiring;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.KioskUi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A whole kiosk for the ID-card login tests: the runtime from a configuration written for the
 * test, the real screens on the TestFX stage, and the helpers a citizen's touches need. One per
 * test, closed at its end.
 */
final class IdLoginRig implements AutoCloseable {
    /** The ticket printer simulated (the real ESC/POS driver on a pipe), polled fast. */
    static final String SIM_TICKET_PRINTER =
            "  ticket-printer: {class: receipt-printer, driver: sim, connection: \"sim:\", options: {columns: 48, pollMs: 200, jobTimeoutMs: 5000}}\n";
    /** The ID card reader simulated: the real SAM driver on a pipe to a virtual reader. */
    static final String SIM_ID_READER =
            "  id-reader: {class: id-card-reader, driver: sim, connection: \"sim:\", options: {pollMs: 100}}\n";
    /** A simulated smart-card reader (social security cards). */
    static final String SIM_SMART_CARD_READER =
            "  smartcard-reader: {class: smart-card-reader, driver: sim, connection: \"sim:\"}\n";

    /** The SAM driver on a serial port, as a hall configures a real reader. */
    static String samIdReader(String hostPath) {
        return "  id-reader: {class: id-card-reader, driver: sam, connection: \"serial:" + hostPath
                + "?baud=115200\", options: {pollMs: 100}}\n";
    }

    final KioskRuntime runtime;
    final KioskUi ui;
    final FxTaskRunner tasks;
    final Stage stage;

    private IdLoginRig(KioskRuntime runtime, KioskUi ui, FxTaskRunner tasks, Stage stage) {
        this.runtime = runtime;
        this.ui = ui;
        this.tasks = tasks;
        this.stage = stage;
    }

    /**
     * A configuration of the demo's shape with the ticket flow asking for the identity first.
     *
     * @param identity the {@code identity} section's flow mapping, e.g. {@code {readTimeoutSeconds: 30}}
     * @param devices the {@code devices} entries, each indented by two spaces
     */
    static KioskConfig config(Path dir, String identity, String devices) {
        return TestConfigs.write(dir, true, "identity: " + identity + "\ndevices:\n" + devices);
    }

    /** Builds the runtime, attaches the screens to the stage on the FX thread and shows them. */
    static IdLoginRig start(FxRobot robot, Stage stage, KioskConfig config, Clock clock) {
        KioskRuntime runtime =
                new KioskRuntime(config, clock, new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
        runtime.start();
        FxTaskRunner tasks = new FxTaskRunner();
        // what reads files is done here, as the kiosk does it at start-up, not on the JavaFX thread
        KioskFonts.load();
        new I18n(config.kiosk().locales()).warmUp(config.kiosk().timeZone());
        KioskUi[] ui = new KioskUi[1];
        robot.interact(() -> {
            ui[0] = new KioskUi(UiWiring.services(runtime, tasks), tasks, Platform::runLater, () -> {});
            ui[0].attach(stage, false);
            stage.show();
        });
        return new IdLoginRig(runtime, ui[0], tasks, stage);
    }

    @Override
    public void close() {
        KioskUi u = ui;
        WaitForAsyncUtils.asyncFx(u::stop);
        WaitForAsyncUtils.waitForFxEvents();
        tasks.close();
        runtime.close();
    }

    // ---- the kiosk's state ---------------------------------------------------------------------

    /** Waits until every configured device is up and healthy. */
    void awaitHealthy(int devices) {
        await(
                () -> runtime.devices().health().all().size() == devices
                        && runtime.devices().health().allHealthy(),
                Duration.ofSeconds(15),
                "devices healthy: " + runtime.devices().health().all());
    }

    boolean idReaderHealthy() {
        return runtime.devices()
                .health()
                .first(DeviceClass.ID_CARD_READER)
                .map(h -> h.problem().isEmpty())
                .orElse(false);
    }

    Optional<Identity> signedIn() {
        return runtime.sessions().current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    SimulatedReceiptPrinter printer() {
        return runtime.simulators()
                .find("ticket-printer", SimulatedReceiptPrinter.class)
                .orElseThrow();
    }

    // ---- touches and looks ---------------------------------------------------------------------

    /**
     * Touches a control once it is on screen and laid out: screens are built when first shown, and a
     * click aimed before their first layout would land beside them.
     */
    static void tap(FxRobot robot, String query) {
        // shown and enabled: a tile is enabled once the availability model has heard the devices are up,
        // a moment after the health model says so; a click on it before then is lost
        await(
                () -> shown(robot, query)
                        && robot.lookup(query)
                                .tryQuery()
                                .map(n -> !n.isDisabled())
                                .orElse(false),
                Duration.ofSeconds(10),
                query + " on screen and enabled");
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the node exists, is visible with all its parents, and has been laid out. */
    static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query)
                .tryQuery()
                .map(n -> treeVisible(n)
                        && n.getScene() != null
                        && n.localToScene(n.getLayoutBounds()).getWidth() > 0)
                .orElse(false);
    }

    private static boolean treeVisible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The text of a labelled control (read on the FX thread). */
    static String text(FxRobot robot, String query) {
        return onFx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    static <T> T onFx(Callable<T> what) {
        try {
            return WaitForAsyncUtils.asyncFx(what).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not run on the FX thread", e);
        }
    }

    /** Every text in every window's scene graph: labels, buttons, texts, fields, hidden ones too. */
    static List<String> allTexts() {
        return onFx(() -> {
            List<String> texts = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s.getTitle() != null) {
                    texts.add(s.getTitle());
                }
                if (w.getScene() != null) {
                    collect(w.getScene().getRoot(), texts);
                }
            }
            return texts;
        });
    }

    private static void collect(Node node, List<String> into) {
        if (node instanceof Labeled l && l.getText() != null) {
            into.add(l.getText());
        }
        if (node instanceof Text t && t.getText() != null) {
            into.add(t.getText());
        }
        if (node instanceof TextInputControl t && t.getText() != null) {
            into.add(t.getText());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    /** Polls a condition (every 20 ms, the FX queue drained after) with a generous timeout. */
    static void await(Callable<Boolean> condition, Duration timeout, String what) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Milliseconds until the condition holds, or -1 when it did not within {@code timeout}. */
    static long millisUntil(Callable<Boolean> condition, Duration timeout) {
        long start = System.nanoTime();
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            return -1;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
