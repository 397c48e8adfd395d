package cn.egov.kiosk.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.theme.Themes;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
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
 * The address picker in a form, headless (TestFX on Monocle): an address field
 * has 选择地址 beside its text; the picker opens over the form (its divisions loading in the
 * background, as in the kiosk), with its own keyboard for the detail; confirmed, the address is the
 * field's text; cancelled, nothing changes; the next citizen finds nothing of it.
 */
@ExtendWith(ApplicationExtension.class)
class AddressPickerInFormTest {
    private static I18n i18n;
    private static Identity citizen;

    private FxTaskRunner tasks;
    private FormViewModel vm;
    private KeyboardViewModel keyboard;
    private Scene scene;

    @BeforeAll
    static void loadOffTheFxThread() {
        // what the kiosk does before its screens: the font, the texts, the card read; the divisions are
        // left to the picker's own loader
        KioskFonts.load();
        i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
        i18n.warmUp(ZoneId.of("Asia/Shanghai"));
        citizen = Identity.of(DemoCards.resident());
    }

    private static Catalogue.Field field(
            String id, String label, Catalogue.FieldType type, boolean required, Catalogue.Prefill prefill) {
        return new Catalogue.Field(id, label, id, type, required, prefill, 100, List.of(), "", "");
    }

    /** A form with the card's address (住址) and a contact address to give (联系地址). */
    static Catalogue.Item item() {
        return new Catalogue.Item(
                "110101-GA-0099",
                1,
                "110101-GA",
                "演示区公安分局",
                "居住地址变更登记",
                "户籍办理",
                Catalogue.Audience.PERSONAL,
                List.of(),
                Catalogue.Trips.ZERO,
                List.of(),
                0,
                "",
                1,
                1,
                true,
                false,
                "A",
                new Catalogue.Form(List.of(
                        field("name", "姓名", Catalogue.FieldType.NAME, true, Catalogue.Prefill.CARD_NAME),
                        field("residence", "住址", Catalogue.FieldType.ADDRESS, true, Catalogue.Prefill.CARD_ADDRESS),
                        field("contactAddress", "联系地址", Catalogue.FieldType.ADDRESS, true, Catalogue.Prefill.NONE))),
                "https://zwfw.example.gov.cn/item/110101-GA-0099");
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner();
        vm = new FormViewModel(i18n);
        vm.start(item(), citizen, Optional.empty());
        keyboard = new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled);
        StackPane frame = new StackPane(new FormView(vm, i18n, keyboard).root());
        frame.getStyleClass().add("screen");
        scene = new Scene(frame, 1280, 800);
        scene.getStylesheets().setAll(Themes.STANDARD.stylesheets());
        stage.setScene(scene);
        stage.show();
        frame.requestFocus(); // nothing touched yet: no keyboard (the first field would take the focus)
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void aPickedAddressFillsTheEmptyRequiredFieldAndItsProblemGoes(FxRobot robot) {
        tap(robot, "#form-next");
        assertThat(text(robot, "#form-problem-contactAddress")).isEqualTo("这一项必须填写");
        assertThat(text(robot, "#form-pick-address-contactAddress")).isEqualTo("选择地址");
        assertThat(robot.lookup("#form-address-overlay").query().isVisible()).isFalse();

        tap(robot, "#form-pick-address-contactAddress");
        assertThat(text(robot, "#form-address-title")).isEqualTo("联系地址");
        tap(robot, "#address-option-11");
        tap(robot, "#address-option-110101");
        tap(robot, "#address-option-110101001");
        await(robot, "#address-detail");
        TextField detail = robot.lookup("#address-detail").queryAs(TextField.class);
        awaitTrue(
                () -> detail.isFocused()
                        && keyboard.showingProperty().get()
                        && seen(robot, "#keyboard")
                                .map(k -> k.getTranslateY() == 0)
                                .orElse(false),
                "the picker's keyboard in place");
        assertThat(keyboard.kindProperty().get()).isEqualTo(KeyboardKind.PINYIN);
        assertThat(robot.lookup("#keyboard")
                        .match(AddressPickerInFormTest::shown)
                        .queryAll())
                .as("one keyboard shows: the picker's, not the form's behind it")
                .hasSize(1);
        Node shownKeyboard = seen(robot, "#keyboard").orElseThrow();
        assertThat(sceneBounds(detail).getMaxY())
                .as("the detail above the keyboard")
                .isLessThanOrEqualTo(sceneBounds(shownKeyboard).getMinY());
        // a chosen word goes in at the caret, as the keyboard puts it; the number typed on the picker's keyboard
        robot.interact(() -> detail.replaceSelection("示例大街"));
        tap(robot, "#key-mode"); // capitals
        tap(robot, "#key-mode"); // digits and punctuation
        tap(robot, "#key-1");
        robot.interact(() -> detail.replaceSelection("号"));
        assertThat(text(robot, "#address-preview")).isEqualTo("您的地址：北京市东城区东华门街道示例大街1号");
        tap(robot, "#key-done"); // the keyboard goes: confirm in sight
        tap(robot, "#address-confirm");

        assertThat(robot.lookup("#form-address-overlay").query().isVisible()).isFalse();
        assertThat(text(robot, "#form-field-contactAddress")).isEqualTo("北京市东城区东华门街道示例大街1号");
        assertThat(text(robot, "#form-problem-contactAddress"))
                .as("the problem gone")
                .isEmpty();
        assertThat(text(robot, "#form-field-residence"))
                .as("the other address untouched")
                .isEqualTo("北京市西城区演示胡同8号");
        assertThat(keyboard.showingProperty().get()).isFalse();
        tap(robot, "#form-next");
        assertThat(vm.completedProperty().get()).isNotNull();
        assertThat(vm.completedProperty().get().form().path("contactAddress").asText())
                .isEqualTo("北京市东城区东华门街道示例大街1号");
    }

    @Test
    void theCardsAddressOpensAtItsDetailAndCancelChangesNothing(FxRobot robot) {
        tap(robot, "#form-pick-address-residence");
        await(robot, "#address-detail");
        TextField detail = robot.lookup("#address-detail").queryAs(TextField.class);
        assertThat(text(robot, "#address-crumb-district")).isEqualTo("西城区");
        assertThat(detail.getText()).isEqualTo("演示胡同8号");
        robot.interact(() -> detail.setText("别处1号"));

        tap(robot, "#address-cancel");

        assertThat(robot.lookup("#form-address-overlay").query().isVisible()).isFalse();
        assertThat(text(robot, "#form-field-residence")).isEqualTo("北京市西城区演示胡同8号");
        assertThat(text(robot, "#form-mark-residence")).as("still the card's").isEqualTo("来自身份证");
        assertThat(keyboard.showingProperty().get()).isFalse();
        // opened again: at the field's text, not at what was typed and cancelled
        tap(robot, "#form-pick-address-residence");
        await(robot, "#address-detail");
        assertThat(detail.getText()).isEqualTo("演示胡同8号");
    }

    @Test
    void theFieldsTypedTextIsWhereThePickerOpensAndTheNextCitizenFindsNothing(FxRobot robot) {
        TextField contact = robot.lookup("#form-field-contactAddress").queryAs(TextField.class);
        robot.interact(() -> contact.setText("北京市东城区示例大街2号"));
        tap(robot, "#form-pick-address-contactAddress");
        await(robot, "#address-detail");
        assertThat(text(robot, "#address-crumb-district")).isEqualTo("东城区");
        assertThat(robot.lookup("#address-detail").queryAs(TextField.class).getText())
                .isEqualTo("示例大街2号");

        robot.interact(vm::resetForNextCitizen);

        assertThat(robot.lookup("#form-address-overlay").query().isVisible())
                .as("the picker closed with the form")
                .isFalse();
        assertThat(robot.lookup("#address-detail").queryAs(TextField.class).getText())
                .isEmpty();
        robot.interact(() -> vm.start(item(), citizen, Optional.empty()));
        tap(robot, "#form-pick-address-contactAddress");
        await(robot, "#address-option-11");
        assertThat(robot.lookup("#address-crumb-province")
                        .queryAs(Labeled.class)
                        .getStyleClass())
                .as("nothing chosen: the province to pick")
                .contains("pending");
    }

    @Test
    void theButtonIsALargeTouchTargetAndLargerInTheElderlyTheme(FxRobot robot) {
        Bounds standard =
                sceneBounds(robot.lookup("#form-pick-address-residence").query());
        robot.interact(() -> scene.getStylesheets().setAll(Themes.ELDERLY.stylesheets()));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds elderly =
                sceneBounds(robot.lookup("#form-pick-address-residence").query());

        assertThat(standard.getHeight()).isGreaterThanOrEqualTo(64);
        assertThat(elderly.getHeight()).isGreaterThan(standard.getHeight() * 1.3);
        assertThat(elderly.getWidth()).isGreaterThan(standard.getWidth() * 1.3);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /**
     * Touches what the citizen sees of {@code query} (the form's keyboard and the picker's have the
     * same keys: the one shown), first scrolled into sight as the citizen would.
     */
    private static void tap(FxRobot robot, String query) {
        awaitTrue(() -> seen(robot, query).isPresent(), query);
        robot.interact(() -> swipeToSee(seen(robot, query).orElseThrow()));
        await(robot, query);
        robot.clickOn(seen(robot, query).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Node> seen(FxRobot robot, String query) {
        return robot.lookup(query).match(AddressPickerInFormTest::shown).tryQuery();
    }

    /** Waits until a control is on screen (inside any scroll pane it is in), laid out and enabled. */
    private static void await(FxRobot robot, String query) {
        awaitTrue(
                () -> seen(robot, query)
                        .map(n -> !n.isDisabled()
                                && n.getScene() != null
                                && sceneBounds(n).getWidth() > 0
                                && inView(n))
                        .orElse(false),
                query);
    }

    private static void awaitTrue(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a node and every node above it is visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** What the citizen does when a control is below the fold: scrolls the form until it is in sight. */
    private static void swipeToSee(Node node) {
        Node n = node.getParent();
        while (n != null && !(n instanceof ScrollPane)) {
            n = n.getParent();
        }
        if (n instanceof ScrollPane pane && pane.getContent() != null) {
            Node content = pane.getContent();
            Bounds b = content.sceneToLocal(sceneBounds(node));
            double view = pane.getViewportBounds().getHeight();
            double extra = content.getLayoutBounds().getHeight() - view;
            double top = pane.getVvalue() * extra;
            if (extra > 0 && (b.getMinY() < top || b.getMaxY() > top + view)) {
                pane.setVvalue(Math.max(0, Math.min(1, (b.getMaxY() - view) / extra)));
            }
        }
    }

    /** Whether a node lies inside each scroll pane above it (a touch there reaches it). */
    private static boolean inView(Node node) {
        Bounds b = sceneBounds(node);
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane && !sceneBounds(pane).contains(b)) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n instanceof TextField t ? t.getText() : ((Labeled) n).getText();
    }
}
