package cn.egov.kiosk.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a TestFX test of the whole window does on screen, as a person would: touch a control once it
 * is there, read a label, open the staff pad and sign in with a PIN. Every wait polls and gives up
 * after {@link #PATIENCE}, naming what it waited for.
 */
public final class OnScreen {
    /** How long a wait lasts before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    /** The demo's staff PIN, set at the first start of a demo kiosk. */
    public static final String DEMO_STAFF_PIN = "246810";

    /** How many touches on the emblem open the staff pad. */
    private static final int EMBLEM_TOUCHES = 5;

    private OnScreen() {}

    /**
     * Touches a control once it is on screen and laid out: screens are built when first shown, and a
     * click aimed before their first layout would land beside them.
     */
    public static void tap(FxRobot robot, String query) {
        await(() -> laidOut(robot, query), query + " on screen");
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a node exists, is visible itself, is in a scene and has been laid out. */
    public static boolean laidOut(FxRobot robot, String query) {
        return robot.lookup(query)
                .tryQuery()
                .map(n -> n.isVisible()
                        && n.getScene() != null
                        && n.localToScene(n.getLayoutBounds()).getWidth() > 0)
                .orElse(false);
    }

    /** Whether a node exists and shows (overlays are built when first shown). */
    public static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** The text of a labelled control. */
    public static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }

    /** The texts of the visible labels under a node, one a line. */
    public static String texts(FxRobot robot, String query) {
        StringBuilder sb = new StringBuilder();
        robot.lookup(query + " .label").queryAllAs(Label.class).forEach(l -> {
            if (l.isVisible()) {
                sb.append(l.getText()).append('\n');
            }
        });
        return sb.toString();
    }

    /** Five touches on the emblem: the staff pad (its PIN keys) shows. */
    public static void openStaffPad(FxRobot robot) {
        for (int i = 0; i < EMBLEM_TOUCHES; i++) {
            tap(robot, "#emblem");
        }
    }

    /** Types {@code pin} on the open staff pad and submits it. */
    public static void enterPin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            tap(robot, "#staff-pin-" + c);
        }
        tap(robot, "#staff-pin-submit");
    }

    /** Opens the staff pad and signs in with {@code pin}: the admin menu for that PIN's role follows. */
    public static void signIn(FxRobot robot, String pin) {
        openStaffPad(robot);
        enterPin(robot, pin);
    }

    /** Waits until a node exists and shows. */
    public static void awaitVisible(FxRobot robot, String query) {
        await(() -> visible(robot, query), query + " shown");
    }

    /** Waits until {@code condition} holds (then for the FX thread to settle). */
    public static void await(Callable<Boolean> condition, String what) {
        await(condition, () -> what);
    }

    /** As {@link #await(Callable, String)}, with the description made when the wait fails. */
    public static void await(Callable<Boolean> condition, Supplier<String> what) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What staff type on the kiosk's keyboard, put into the field at once. */
    public static void type(FxRobot robot, String query, String text) {
        await(() -> visible(robot, query), query + " on screen");
        robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    /**
     * Presses a control of a panel's scrolled page (as a tap would, through its action): the page may
     * hold it below the part scrolled into view.
     */
    public static void press(FxRobot robot, String query) {
        await(() -> visible(robot, query), query + " on screen");
        robot.interact(() -> ((ButtonBase) robot.lookup(query).query()).fire());
    }

    /** Signs in with the demo staff PIN and opens 终端设置. */
    public static void openSettings(FxRobot robot) {
        signIn(robot, DEMO_STAFF_PIN);
        tap(robot, "#staff-menu-settings");
        await(() -> visible(robot, "#settings-panel"), "the settings panel");
    }

    /** 终端设置 has read the machine's ports and queues: its buttons take a tap. */
    public static void awaitSettingsIdle(FxRobot robot) {
        await(
                () -> !robot.lookup("#settings-close").query().isDisabled()
                        && !robot.lookup("#settings-test")
                                .tryQuery()
                                .map(Node::isDisabled)
                                .orElse(false),
                "the panel idle");
    }
}
