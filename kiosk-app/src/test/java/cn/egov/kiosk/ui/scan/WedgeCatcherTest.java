package cn.egov.kiosk.ui.scan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.scanner.wedge.WedgeScanner;
import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.keyboard.KeyboardHost;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import cn.egov.kiosk.ui.theme.Themes;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The catcher on a scene as the kiosk has it, headless (TestFX on Monocle): a field with the kiosk's
 * own keyboard ({@link KeyboardHost}, which takes physical keys through its filters) and a plain
 * field, a real {@code wedge} scanner device behind the catcher. Keys are fired through the scene
 * at the focused field as the window delivers them: pressed, typed, released; a scanner's all at
 * once, a person's 130 ms apart.
 */
@ExtendWith(ApplicationExtension.class)
class WedgeCatcherTest {
    private static final long PERSON_MS = 130;
    /** A key typed is on screen within 0.1 s: what a person takes for at once. */
    private static final long AT_ONCE_MS = 100;

    private final FxTaskRunner tasks = new FxTaskRunner();
    private final FxRobot robot = new FxRobot();
    private final AtomicInteger staffKeys = new AtomicInteger();
    private final AtomicInteger plainActions = new AtomicInteger();
    private final List<Object> scanned = new CopyOnWriteArrayList<>();

    private Scene scene;
    private TextField digits;
    private TextField plain;
    private WedgeScanner scanner;
    private WedgeCatcher catcher;

    @BeforeAll
    static void loadOffTheFxThread() {
        KioskFonts.load();
        new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")))
                .warmUp(ZoneId.of("Asia/Shanghai"));
        PinyinDictionary.bundled();
    }

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
        digits = Keyboards.use(new TextField(), KeyboardKind.DIGITS);
        digits.setId("digits");
        VBox form = new VBox(12, digits);
        KeyboardHost host = new KeyboardHost(form, new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
        plain = new TextField(); // no kiosk keyboard: the field's own typing
        plain.setId("plain");
        plain.setOnAction(e -> plainActions.incrementAndGet());
        VBox root = new VBox(12, plain, host.root());
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().setAll(Themes.STANDARD.stylesheets());
        // an earlier filter of the scene that takes its key, as the staff keys do
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F12) {
                staffKeys.incrementAndGet();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void scanner() throws DeviceException {
        scanner = (WedgeScanner) DriverRegistry.load()
                .create(
                        new DeviceSpec("qr-scanner", DeviceClass.BARCODE_SCANNER, "wedge", "keyboard:", Map.of()),
                        DeviceContext.ephemeral());
        scanner.addListener(e -> {
            if (e instanceof DeviceEvent.DataEvent data) {
                scanned.add(data.payload());
            }
        });
        scanner.open();
        scanner.claim(Duration.ofSeconds(1));
        scanner.enable();
        robot.interact(() -> catcher = WedgeCatcher.install(scene, scanner, tasks));
    }

    @AfterEach
    void close() {
        robot.interact(() -> catcher.uninstall());
        scanner.close();
        tasks.close();
    }

    // ---- keys as the window delivers them -------------------------------------------------------

    private static KeyCode codeOf(char c) {
        if (Character.isDigit(c)) {
            return KeyCode.valueOf("DIGIT" + c);
        }
        if (Character.isLetter(c)) {
            return KeyCode.valueOf(String.valueOf(Character.toUpperCase(c)));
        }
        return switch (c) {
            case '/' -> KeyCode.SLASH;
            case '.' -> KeyCode.PERIOD;
            case '-' -> KeyCode.MINUS;
            case ':' -> KeyCode.SEMICOLON;
            case '?' -> KeyCode.SLASH;
            case '=' -> KeyCode.EQUALS;
            default -> KeyCode.UNDEFINED;
        };
    }

    private void fire(KeyEvent event) {
        Node focused = scene.getFocusOwner();
        Event.fireEvent(focused != null ? focused : scene, event);
    }

    /** One key as a keyboard gives it: Shift for a capital or a shifted sign, pressed, typed, released. */
    private void keystroke(char c) {
        KeyCode code = codeOf(c);
        boolean shift = Character.isUpperCase(c) || c == ':' || c == '?';
        String s = String.valueOf(c);
        if (shift) {
            fire(new KeyEvent(
                    KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.SHIFT, true, false, false, false));
        }
        fire(new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, s, code, shift, false, false, false));
        fire(new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED, shift, false, false, false));
        fire(new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, s, code, shift, false, false, false));
        if (shift) {
            fire(new KeyEvent(
                    KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.SHIFT, false, false, false, false));
        }
    }

    private void enter() {
        fire(new KeyEvent(
                KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER, false, false, false, false));
        fire(new KeyEvent(KeyEvent.KEY_TYPED, "\r", "", KeyCode.UNDEFINED, false, false, false, false));
        fire(new KeyEvent(
                KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER, false, false, false, false));
    }

    /** A scanner: every key of the code and Enter in one go on the JavaFX thread (microseconds apart). */
    private void scan(String code) {
        robot.interact(() -> {
            for (char c : code.toCharArray()) {
                keystroke(c);
            }
            enter();
        });
    }

    /** A person: one key, then {@link #PERSON_MS} before the next. */
    private void personTypes(char c) throws InterruptedException {
        robot.interact(() -> keystroke(c));
        Thread.sleep(PERSON_MS);
    }

    private void focus(String query) {
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Long enough for anything held to have been let through (a gap is 35 ms). */
    private static void settle() throws InterruptedException {
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    // ---- the tests ------------------------------------------------------------------------------

    @Test
    void aScanGoesToTheScannerAndIsTypedInNoField() throws Exception {
        focus("#digits");

        scan("6901234567892"); // digits, which the field's keyboard would take if they leaked

        assertThat(scanner.awaitScan(Duration.ofSeconds(5))).contains("6901234567892");
        settle();
        assertThat(digits.getText()).isEmpty();

        focus("#plain");
        scan("https://zwfw.example.cn/e/3100?T=AB-12");
        assertThat(scanner.awaitScan(Duration.ofSeconds(5))).contains("https://zwfw.example.cn/e/3100?T=AB-12");
        settle();
        assertThat(plain.getText()).isEmpty();
        assertThat(plainActions.get())
                .as("the scan's Enter is the scan's, not the field's")
                .isZero();
        assertThat(scanned).containsExactly("6901234567892", "https://zwfw.example.cn/e/3100?T=AB-12");
        assertThat(scanner.statistics().get(DeviceStatistics.READS)).isEqualTo(2);
    }

    @Test
    void theWindowsKeysFollowTheScannerStaffReconfigureAndStopWhenItGoes() throws Exception {
        robot.interact(() -> catcher.uninstall()); // the window's follower instead of the one installed above
        WedgeScanner replacement = (WedgeScanner) DriverRegistry.load()
                .create(
                        new DeviceSpec("qr-scanner", DeviceClass.BARCODE_SCANNER, "wedge", "keyboard:", Map.of()),
                        DeviceContext.ephemeral());
        replacement.open();
        replacement.claim(Duration.ofSeconds(1));
        replacement.enable();
        AtomicReference<Optional<WedgeScanner>> fitted = new AtomicReference<>(Optional.of(scanner));
        WedgeInput input = new WedgeInput(scene, fitted::get, tasks);
        try {
            robot.interact(input::follow);
            focus("#plain");
            scan("6901234567892");
            assertThat(scanner.awaitScan(Duration.ofSeconds(5))).contains("6901234567892");
            assertThat(scanner.input()).isPresent();

            fitted.set(Optional.of(replacement)); // staff saved new settings: a new device object
            robot.interact(input::follow);
            robot.interact(input::follow); // the same device again: nothing changes
            scan("ZWAPP1.abc");
            assertThat(replacement.awaitScan(Duration.ofSeconds(5))).contains("ZWAPP1.abc");
            assertThat(scanner.input()).as("the old device is fed no more").isEmpty();
            assertThat(replacement.input()).isPresent();
            settle();
            assertThat(plain.getText()).isEmpty();

            fitted.set(Optional.empty()); // the scanner removed: keys reach the fields again
            robot.interact(input::follow);
            robot.interact(() -> {
                for (char c : "123".toCharArray()) {
                    keystroke(c);
                }
            });
            settle();
            assertThat(plain.getText()).isEqualTo("123");
            assertThat(input.scanner()).isEmpty();
        } finally {
            robot.interact(() -> {
                fitted.set(Optional.empty());
                input.follow();
            });
            replacement.close();
        }
    }

    @Test
    void aPersonsSlowTypingReachesTheKiosksKeyboardOnceAndInOrder() throws Exception {
        focus("#digits");
        List<Long> fired = new ArrayList<>();
        List<Long> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> digits.textProperty().addListener((obs, was, now) -> shown.add(System.nanoTime())));

        for (char c : "2468".toCharArray()) {
            fired.add(System.nanoTime());
            personTypes(c);
        }

        await(() -> digits.getText().length() >= 4, "the four digits in the field");
        settle();
        assertThat(digits.getText()).as("each key once, in order").isEqualTo("2468");
        assertThat(scanner.awaitScan(Duration.ofMillis(100))).isEmpty();
        assertThat(scanned).isEmpty();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            latencies.add((shown.get(i) - fired.get(i)) / 1_000_000);
        }
        System.out.printf(
                "[wedge catcher] a person's key on screen after %s ms (held one 35 ms gap, plus a frame)%n", latencies);
        List<Long> sorted = latencies.stream().sorted().toList();
        assertThat((sorted.get(1) + sorted.get(2)) / 2)
                .as("median ms from a key to the field")
                .isLessThan(AT_ONCE_MS);
    }

    @Test
    void aPersonsEnterAndAQuickShortWordAreTypedAsUsual() throws Exception {
        focus("#plain");

        scan("ok"); // fast, but two letters: not a code
        settle();
        assertThat(plain.getText()).isEqualTo("ok");
        assertThat(plainActions.get()).isEqualTo(1);

        personTypes('a');
        personTypes('b');
        robot.interact(this::enter);
        settle();

        assertThat(plain.getText()).isEqualTo("okab");
        assertThat(plainActions.get()).as("each Enter once").isEqualTo(2);
        assertThat(scanned).isEmpty();
    }

    @Test
    void aScanBetweenAPersonsKeysTakesNothingOfTheirs() throws Exception {
        focus("#plain");

        personTypes('x');
        scan("ABCD-1234");
        Thread.sleep(PERSON_MS);
        personTypes('y');
        settle();

        assertThat(plain.getText()).isEqualTo("xy");
        assertThat(scanner.awaitScan(Duration.ofSeconds(5))).contains("ABCD-1234");
    }

    @Test
    void aKeyAnEarlierFilterOfTheSceneTookIsLeftToIt() throws Exception {
        focus("#plain");

        robot.interact(() -> {
            fire(new KeyEvent(
                    KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.F12, false, false, false, false));
            fire(new KeyEvent(
                    KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.F12, false, false, false, false));
        });
        settle();

        assertThat(staffKeys.get())
                .as("taken once, not handed back a second time")
                .isEqualTo(1);
        assertThat(plain.getText()).isEmpty();
    }
}
