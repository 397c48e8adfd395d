package cn.egov.kiosk.ui.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.address.Division;
import cn.egov.kiosk.address.Divisions;
import cn.egov.kiosk.address.Level;
import cn.egov.kiosk.ui.FxTaskRunner;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.KioskFonts;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import cn.egov.kiosk.ui.theme.Themes;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
 * The address picker on screen, headless (TestFX on Monocle), alone on a test stage in the elderly
 * theme: no kiosk runtime. The divisions load in the background as in the kiosk; a citizen's taps
 * by node id.
 */
@ExtendWith(ApplicationExtension.class)
class AddressPickerViewTest {
    private static Divisions divisions;
    private static I18n i18n;

    private final List<Address> confirmed = new CopyOnWriteArrayList<>();
    private FxTaskRunner tasks;
    private AddressPickerViewModel vm;

    @BeforeAll
    static void load() {
        // what the kiosk does off the JavaFX thread before its screens: the font, the texts, the divisions
        KioskFonts.load();
        i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
        i18n.warmUp(ZoneId.of("Asia/Shanghai"));
        divisions = Divisions.bundled();
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner();
        vm = new AddressPickerViewModel(i18n, tasks, () -> divisions);
        StackPane frame = new StackPane(new AddressPickerView(vm).root());
        frame.getStyleClass().add("screen");
        Scene scene = new Scene(frame, 1280, 800);
        scene.getStylesheets().setAll(Themes.ELDERLY.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void aCitizenPicksBeijingDongchengDonghuamenTypesTheRestAndConfirms(FxRobot robot) {
        robot.interact(() -> vm.open(confirmed::add));
        tap(robot, "#address-option-11");
        assertThat(text(robot, "#address-crumb-province")).isEqualTo("北京市");
        assertThat(robot.lookup("#address-crumb-city").tryQuery()).isEmpty(); // 市辖区 never shows
        tap(robot, "#address-option-110101");
        tap(robot, "#address-option-110101001");
        assertThat(text(robot, "#address-crumb-district")).isEqualTo("东城区");
        assertThat(text(robot, "#address-crumb-street")).isEqualTo("东华门街道");
        assertThat(robot.lookup("#address-confirm").queryAs(Button.class).isDisabled())
                .isTrue();

        TextField field = robot.lookup("#address-detail").queryAs(TextField.class);
        assertThat(Keyboards.kindOf(field)).contains(KeyboardKind.PINYIN);
        tap(robot, "#address-detail");
        // what the on-screen keyboard does with a chosen word: it goes in at the caret
        robot.interact(() -> field.replaceSelection("示例大街"));
        robot.write("1");
        robot.interact(() -> field.replaceSelection("号"));
        assertThat(text(robot, "#address-preview")).isEqualTo("您的地址：北京市东城区东华门街道示例大街1号");
        tap(robot, "#address-confirm");

        assertThat(confirmed).hasSize(1);
        Address address = confirmed.get(0);
        assertThat(address.path()).extracting(Division::code).containsExactly("11", "1101", "110101", "110101001");
        assertThat(address.text()).isEqualTo("北京市东城区东华门街道示例大街1号");
        assertThat(address.detail()).isEqualTo("示例大街1号");
    }

    @Test
    void aCardAddressOpensAtTheDetailAndACrumbChangesOneLevel(FxRobot robot) {
        robot.interact(() -> vm.openFromCard(Optional.of("北京市东城区示例大街1号"), confirmed::add));
        await(robot, "#address-detail");
        TextField field = robot.lookup("#address-detail").queryAs(TextField.class);
        assertThat(field.getText()).isEqualTo("示例大街1号");
        assertThat(field.getCaretPosition()).isEqualTo(6); // the keyboard adds at the end

        tap(robot, "#address-crumb-district"); // the district again: 东城区 marked, 西城区 chosen
        assertThat(robot.lookup("#address-option-110101").queryAs(Button.class).getStyleClass())
                .contains("current");
        tap(robot, "#address-option-110102");
        tap(robot, "#address-skip");
        tap(robot, "#address-confirm");
        assertThat(confirmed).extracting(Address::text).containsExactly("北京市西城区示例大街1号");
        assertThat(confirmed).extracting(Address::code).containsExactly("110102");

        tap(robot, "#address-restart");
        await(robot, "#address-option-65");
        assertThat(robot.lookup(".address-option").queryAll()).hasSize(31);
    }

    @Test
    void aLongListPagesWithLargeButtons(FxRobot robot) {
        // 万州区 has 52 streets and towns: more than a screen in the elderly theme
        robot.interact(() -> vm.open(divisions.address("500101", ""), confirmed::add));
        robot.interact(() -> vm.pickAgain(Level.STREET));
        await(robot, "#address-page-down");
        assertThat(robot.lookup("#address-page-up").queryAs(Button.class).isDisabled())
                .isTrue();
        Node last = robot.lookup("#address-option-500101247").query();
        assertThat(onScreen(last)).isFalse();
        for (int i = 0; i < 10 && !onScreen(last); i++) {
            tap(robot, "#address-page-down");
        }
        assertThat(onScreen(last)).isTrue();
        assertThat(robot.lookup("#address-page-up").queryAs(Button.class).isDisabled())
                .isFalse();
    }

    @Test
    void itsEntryPointsRefuseAnyThreadButTheJavaFxThread() {
        assertThatThrownBy(() -> vm.open(confirmed::add)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vm.choose("11")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(vm::confirm).isInstanceOf(IllegalStateException.class);
    }

    /** Whether a node lies inside its scroll pane (and so can be tapped). */
    private static boolean onScreen(Node node) {
        Node pane = node;
        while (!(pane instanceof ScrollPane)) {
            pane = pane.getParent();
        }
        return pane.localToScene(pane.getLayoutBounds()).contains(node.localToScene(node.getLayoutBounds()));
    }

    private static void tap(FxRobot robot, String query) {
        await(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until a control is on screen, laid out and enabled. */
    private static void await(FxRobot robot, String query) {
        Callable<Boolean> shown = () -> robot.lookup(query)
                .tryQuery()
                .map(n -> shown(n)
                        && !n.isDisabled()
                        && n.getScene() != null
                        && n.localToScene(n.getLayoutBounds()).getWidth() > 0)
                .orElse(false);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, shown);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + query, e);
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

    private static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }
}
