package cn.egov.kiosk.ui.keyboard;

import static cn.egov.kiosk.e2e.OnScreen.await;
import static cn.egov.kiosk.e2e.OnScreen.tap;
import static cn.egov.kiosk.e2e.OnScreen.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.theme.Themes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard as a citizen uses it, headless (TestFX on Monocle): a test stage holding a form of a
 * few fields in a {@link KeyboardHost}, touched key by key. The form is long, so that its last field
 * starts below the room the keyboard leaves.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardHostTest {
    private static final int FILLER_ROWS = 14;

    private final FxTaskRunner tasks = new FxTaskRunner();
    private Scene scene;
    private KeyboardHost host;
    private TextField name;
    private TextField idNumber;
    private TextField creditCode;
    private TextField phone;
    private TextField plain;
    private TextField last;

    @BeforeAll
    static void loadOffTheFxThread() {
        KioskFonts.load();
        new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")))
                .warmUp(ZoneId.of("Asia/Shanghai"));
        PinyinDictionary.bundled(); // as the kiosk's background loader would have by then
    }

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
        name = field("name", KeyboardKind.PINYIN);
        idNumber = field("id-number", KeyboardKind.ID_NUMBER);
        creditCode = field("credit-code", KeyboardKind.CREDIT_CODE);
        phone = field("phone", KeyboardKind.PHONE);
        plain = new TextField(); // no keyboard kind: no keyboard
        plain.setId("plain");
        last = field("last", KeyboardKind.DIGITS);
        VBox form = new VBox(12);
        form.getStyleClass().add("screen");
        form.getChildren().addAll(name, idNumber, creditCode, phone, plain);
        for (int i = 0; i < FILLER_ROWS; i++) {
            Label filler = new Label("—");
            filler.getStyleClass().add("screen-title");
            form.getChildren().add(filler);
        }
        form.getChildren().add(last);
        for (int i = 0; i < FILLER_ROWS / 2; i++) {
            Label filler = new Label("—");
            filler.getStyleClass().add("screen-title");
            form.getChildren().add(filler);
        }
        host = new KeyboardHost(form, new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
        scene = new Scene(host.root(), 1280, 800);
        scene.getStylesheets().setAll(Themes.STANDARD.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private static TextField field(String id, KeyboardKind kind) {
        TextField f = Keyboards.use(new TextField(), kind);
        f.setId(id);
        return f;
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void tappingShenfenzhengOffersShenFenZhengAndTappingItTypesIt(FxRobot robot) {
        tap(robot, "#name");
        awaitKeyboard(robot);
        for (String letter : "s h e n f e n z h e n g".split(" ")) {
            tap(robot, "#key-" + letter);
        }
        assertThat(text(robot, "#keyboard-composing")).isEqualTo("shenfenzheng");
        await(() -> robot.lookup("#candidate-0").tryQuery().isPresent(), "the candidates");
        int index = candidates(robot).indexOf("身份证");
        assertThat(index).as("身份证 among the first candidates").isBetween(0, 2);

        tap(robot, "#candidate-" + index);

        assertThat(name.getText()).isEqualTo("身份证");
        assertThat(text(robot, "#keyboard-composing")).isEmpty();
        assertThat(name.isFocused()).as("the field kept the focus").isTrue();
    }

    @Test
    void theIdNumberPadHasXAndTypesAnIdNumber(FxRobot robot) {
        tap(robot, "#id-number");
        awaitKeyboard(robot);
        assertThat(robot.lookup("#key-X").tryQuery()).isPresent();
        assertThat(robot.lookup("#key-a").tryQuery()).isEmpty();
        assertThat(robot.lookup("#keyboard-candidates").query().isVisible()).isFalse();

        for (char c : "11010519491231002X".toCharArray()) {
            tap(robot, "#key-" + c);
        }

        assertThat(idNumber.getText()).isEqualTo("11010519491231002X");
        tap(robot, "#key-5"); // an ID number has 18 characters
        assertThat(idNumber.getText()).isEqualTo("11010519491231002X");
        tap(robot, "#key-backspace");
        assertThat(idNumber.getText()).isEqualTo("11010519491231002");
    }

    @Test
    void theCreditCodePadHasNoIOSVZ(FxRobot robot) {
        tap(robot, "#credit-code");
        awaitKeyboard(robot);
        for (String absent : List.of("I", "O", "S", "V", "Z")) {
            assertThat(robot.lookup("#key-" + absent).tryQuery()).as(absent).isEmpty();
        }
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            assertThat(robot.lookup("#key-" + c).tryQuery()).as("%s", c).isPresent();
        }
        for (char c : "914403001922038216".toCharArray()) {
            tap(robot, "#key-" + c);
        }
        assertThat(creditCode.getText()).isEqualTo("914403001922038216");
    }

    @Test
    void theKeyboardFollowsTheFocusedFieldsKindAndGoesWithDone(FxRobot robot) {
        tap(robot, "#phone");
        awaitKeyboard(robot);
        assertThat(robot.lookup("#key-X").tryQuery()).isEmpty();
        tap(robot, "#key-1");
        tap(robot, "#id-number");
        await(() -> robot.lookup("#key-X").tryQuery().isPresent(), "the ID pad");
        tap(robot, "#plain");
        await(() -> !keyboardShowing(), "no keyboard for a field without a kind");
        assertThat(phone.getText()).isEqualTo("1");

        tap(robot, "#phone");
        awaitKeyboard(robot);
        tap(robot, "#key-done");
        await(() -> !keyboardShowing(), "the keyboard gone after Done");
        assertThat(phone.isFocused()).isFalse();
        tap(robot, "#phone");
        awaitKeyboard(robot);
    }

    @Test
    void physicalKeysGoThroughTheFieldsKeyboard(FxRobot robot) {
        tap(robot, "#id-number");
        awaitKeyboard(robot);
        robot.interact(() -> {
            for (String c : List.of("1", "x", "a", "-")) {
                Event.fireEvent(
                        idNumber,
                        new KeyEvent(KeyEvent.KEY_TYPED, c, "", KeyCode.UNDEFINED, false, false, false, false));
            }
        });
        assertThat(idNumber.getText())
                .as("x as X; a and - are not on the ID pad")
                .isEqualTo("1X");
    }

    @Test
    void theFieldAtTheBottomOfALongFormIsAboveTheKeyboardInTheStandardTheme(FxRobot robot) {
        lastFieldIsNeverCovered(robot);
    }

    @Test
    void theFieldAtTheBottomOfALongFormIsAboveTheKeyboardInTheElderlyTheme(FxRobot robot) {
        robot.interact(() -> scene.getStylesheets().setAll(Themes.ELDERLY.stylesheets()));
        lastFieldIsNeverCovered(robot);
    }

    private void lastFieldIsNeverCovered(FxRobot robot) {
        // no field focused (the first one has the focus when the stage shows): no keyboard; the citizen
        // scrolls down until the field is at the bottom of the screen, more of the form below it
        robot.interact(() -> host.root().requestFocus());
        await(() -> !keyboardShowing(), "no keyboard");
        robot.interact(() -> {
            ScrollPane scroll = host.scrollPane();
            Node form = scroll.getContent();
            double extra = form.getLayoutBounds().getHeight()
                    - scroll.getViewportBounds().getHeight();
            double bottom = last.getBoundsInParent().getMaxY();
            scroll.setVvalue((bottom - scroll.getViewportBounds().getHeight()) / extra);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds before = sceneBounds(last);
        assertThat(before.getMaxY())
                .as("the field starts where the keyboard will be")
                .isGreaterThan(scene.getHeight() - 200);

        tap(robot, "#last");
        awaitKeyboard(robot);

        Bounds field = sceneBounds(last);
        Bounds keyboard = sceneBounds(robot.lookup("#keyboard").query());
        Bounds room = sceneBounds(host.scrollPane());
        assertThat(keyboard.getHeight()).isGreaterThan(200);
        assertThat(field.getMaxY())
                .as("the field's bottom above the keyboard's top")
                .isLessThanOrEqualTo(keyboard.getMinY());
        assertThat(field.getMinY()).as("the field's top in view").isGreaterThanOrEqualTo(room.getMinY());
        assertThat(keyboard.getMaxY()).isLessThanOrEqualTo(scene.getHeight() + 0.5);
        // and typing there reaches it
        tap(robot, "#key-7");
        assertThat(last.getText()).isEqualTo("7");
    }

    @Test
    void theCitizenScrollsAwayFromTheFocusedFieldAndTheFormStaysWhereTheyScrolled(FxRobot robot) {
        tap(robot, "#phone");
        awaitKeyboard(robot);
        ScrollPane scroll = host.scrollPane();
        Bounds viewport = scroll.getViewportBounds();
        assertThat(scroll.getVvalue()).as("the focused field is near the top").isZero();

        // the citizen drags the form down (its scroll bar, a swipe) with the field focused and the keyboard
        // up, to read what is below; then the form is laid out again (a hint, a problem shown): the viewport
        // has moved, keeping its size
        robot.interact(() -> scroll.setVvalue(0.9));
        layoutPasses(robot, scroll, 3);

        assertThat(scroll.getViewportBounds())
                .as("the viewport moved")
                .isNotEqualTo(viewport)
                .satisfies(b -> assertThat(b.getHeight()).isEqualTo(viewport.getHeight()));
        assertThat(scroll.getVvalue())
                .as("the host did not bring the field back: the citizen looks elsewhere")
                .isEqualTo(0.9);
        assertThat(sceneBounds(phone).getMaxY())
                .as("the focused field out of sight above")
                .isLessThan(sceneBounds(scroll).getMinY());
        assertThat(phone.isFocused()).isTrue();
        assertThat(keyboardShowing()).isTrue();
        tap(robot, "#key-1");
        assertThat(phone.getText()).as("the keyboard still types there").isEqualTo("1");
    }

    /** Waits for {@code n} layout passes of the scroll pane, each followed by the host's look at the field. */
    private void layoutPasses(FxRobot robot, ScrollPane scroll, int n) {
        AtomicInteger pulses = new AtomicInteger();
        Runnable count = pulses::incrementAndGet;
        robot.interact(() -> scene.addPostLayoutPulseListener(count));
        try {
            for (int i = 0; i < n; i++) {
                int seen = pulses.get();
                robot.interact(scroll::requestLayout);
                await(() -> pulses.get() > seen, "a layout pass");
            }
        } finally {
            robot.interact(() -> scene.removePostLayoutPulseListener(count));
        }
    }

    @Test
    void keysAreBigTouchTargetsAndLargerInTheElderlyTheme(FxRobot robot) {
        tap(robot, "#id-number");
        awaitKeyboard(robot);
        Bounds standard = sceneBounds(robot.lookup("#key-1").query());
        Bounds standardDone = sceneBounds(robot.lookup("#key-done").query());
        robot.interact(() -> scene.getStylesheets().setAll(Themes.ELDERLY.stylesheets()));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds elderly = sceneBounds(robot.lookup("#key-1").query());

        assertThat(standard.getHeight()).isGreaterThanOrEqualTo(64);
        assertThat(standardDone.getHeight()).isGreaterThanOrEqualTo(64);
        assertThat(elderly.getHeight()).isGreaterThan(standard.getHeight() * 1.3);
        assertThat(elderly.getWidth()).isGreaterThan(standard.getWidth() * 1.3);
        // the field being typed in is still above the keyboard
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sceneBounds(idNumber).getMaxY())
                .isLessThanOrEqualTo(
                        sceneBounds(robot.lookup("#keyboard").query()).getMinY());
    }

    @Test
    void javaFxsOwnVirtualKeyboardIsSwitchedOff() {
        assertThat(SystemKeyboard.inUse()).contains(false);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private boolean keyboardShowing() {
        return host.keyboard().showingProperty().get();
    }

    /** The keyboard up and done sliding in (a touch aimed at a moving key would miss). */
    private void awaitKeyboard(FxRobot robot) {
        await(
                () -> keyboardShowing()
                        && robot.lookup("#keyboard").query().getTranslateY() == 0
                        && robot.lookup("#keyboard").query().getLayoutBounds().getHeight() > 0,
                "the keyboard in place");
    }

    /** The candidates shown, in order. */
    private static List<String> candidates(FxRobot robot) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<Button> candidate = robot.lookup("#candidate-" + i).tryQueryAs(Button.class);
            if (candidate.isEmpty()) {
                return shown;
            }
            shown.add(candidate.get().getText());
        }
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
