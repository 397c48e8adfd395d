package cn.egov.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The accessible names and roles the views give, and the lookup by meaning the tour uses: a small
 * screen of the kinds of control the kiosk has (a button with its text, a tile with labels, a
 * clickable pane, a field with a separate label, a choice), in both languages. Also the check that
 * {@link AccessibleControlsTest} makes of every screen, on controls that fail it.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleTest {
    private static I18n i18n;

    // made in start(): controls need the toolkit running
    private Button back;
    private Button tile;
    private Label tileTitle;
    private Label tileProblem;
    private StackPane emblem;
    private Label fieldLabel;
    private TextField field;
    private final SimpleBooleanProperty elderly = new SimpleBooleanProperty(false);
    private Button elderlySwitch;
    private Button disabled;
    private Button hidden;
    private VBox root;

    @BeforeAll
    static void texts() {
        i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH));
        i18n.warmUp(ZoneId.of("Asia/Shanghai")); // the bundles read here, not on the JavaFX thread
    }

    @Start
    void start(Stage stage) {
        i18n.setLocale(Locale.forLanguageTag("zh-CN"));
        back = new Button();
        tile = new Button();
        tileTitle = new Label();
        tileProblem = new Label();
        emblem = new StackPane(new Label());
        fieldLabel = new Label();
        field = new TextField();
        disabled = new Button();
        hidden = new Button();
        back.setId("back");
        back.textProperty().bind(i18n.bind(Msg.FRAME_BACK));
        tileTitle.textProperty().bind(i18n.bind(Msg.FEATURE_QUEUE_TICKET));
        tileProblem.textProperty().bind(i18n.bind(Msg.FEATURE_QUEUE_TICKET_DESCRIPTION));
        tileProblem.setVisible(false);
        tile.setId("tile");
        tile.setGraphic(new VBox(tileTitle, tileProblem));
        Accessible.tile(tile);
        emblem.setId("emblem");
        emblem.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {});
        fieldLabel.textProperty().bind(i18n.bind(Msg.ADDRESS_DETAIL));
        field.setId("field");
        Accessible.field(field, fieldLabel);
        elderlySwitch = Accessible.choice(AccessibleRole.TOGGLE_BUTTON, elderly);
        elderlySwitch.setId("elderly");
        elderlySwitch.textProperty().bind(i18n.bind(Msg.FRAME_ELDERLY_ON));
        disabled.textProperty().bind(i18n.bind(Msg.FRAME_HOME));
        disabled.setDisable(true);
        hidden.textProperty().bind(i18n.bind(Msg.FRAME_HOME));
        hidden.setVisible(false);
        root = new VBox(back, tile, emblem, fieldLabel, field, elderlySwitch, disabled, hidden);
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @Test
    void aControlIsFoundByItsRoleAndItsNameInTheLanguageShown(FxRobot robot) {
        robot.interact(() -> {
            assertThat(Accessible.find(root, AccessibleRole.BUTTON, "返回")).containsSame(back);
            assertThat(Accessible.find(root, AccessibleRole.BUTTON, "Back")).isEmpty();
            assertThat(Accessible.find(root, AccessibleRole.HYPERLINK, "返回"))
                    .as("the role counts")
                    .isEmpty();
            assertThat(Accessible.find(root, AccessibleRole.TEXT_FIELD, "请填写详细地址"))
                    .containsSame(field);
            assertThat(Accessible.find(root, AccessibleRole.TOGGLE_BUTTON, "长辈模式"))
                    .containsSame(elderlySwitch);

            i18n.setLocale(Locale.ENGLISH);
            assertThat(Accessible.find(root, AccessibleRole.BUTTON, "Back")).containsSame(back);
            assertThat(Accessible.find(root, AccessibleRole.BUTTON, "返回")).isEmpty();
            assertThat(Accessible.find(root, AccessibleRole.TEXT_FIELD, "Type the rest of the address"))
                    .containsSame(field);
            i18n.setLocale(Locale.forLanguageTag("zh-CN"));
        });
    }

    @Test
    void aTileIsNamedByItsShownLabelsAndFoundByItsTitle(FxRobot robot) {
        robot.interact(() -> {
            assertThat(Accessible.name(tile)).isEqualTo(i18n.text(Msg.FEATURE_QUEUE_TICKET));
            assertThat(Accessible.roleOf(tile)).isEqualTo(AccessibleRole.BUTTON);
            tileProblem.setVisible(true);
            assertThat(Accessible.name(tile))
                    .isEqualTo(i18n.text(Msg.FEATURE_QUEUE_TICKET)
                            + Accessible.LINE
                            + i18n.text(Msg.FEATURE_QUEUE_TICKET_DESCRIPTION));
            assertThat(Accessible.find(root, AccessibleRole.BUTTON, i18n.text(Msg.FEATURE_QUEUE_TICKET)))
                    .containsSame(tile);
            i18n.setLocale(Locale.ENGLISH);
            assertThat(Accessible.name(tile)).startsWith("Queue").doesNotContainPattern("\\p{IsHan}");
            i18n.setLocale(Locale.forLanguageTag("zh-CN"));
            tileProblem.setVisible(false);
        });
    }

    @Test
    void hiddenAndDisabledControlsAreNotFoundAndSeveralMatchesAreAnError(FxRobot robot) {
        robot.interact(() -> {
            assertThat(Accessible.findAll(root, AccessibleRole.BUTTON, "首页")).isEmpty();
            disabled.setDisable(false);
            hidden.setVisible(true);
            assertThat(Accessible.findAll(root, AccessibleRole.BUTTON, "首页")).containsExactly(disabled, hidden);
            assertThatThrownBy(() -> Accessible.find(root, AccessibleRole.BUTTON, "首页"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2 controls");
            disabled.setDisable(true);
            hidden.setVisible(false);
        });
    }

    @Test
    void aChoiceSaysWhetherItIsChosenAndAFieldWhichLabelIsItsOwn(FxRobot robot) {
        robot.interact(() -> {
            assertThat(elderlySwitch.queryAccessibleAttribute(AccessibleAttribute.SELECTED))
                    .isEqualTo(false);
            elderly.set(true);
            assertThat(elderlySwitch.queryAccessibleAttribute(AccessibleAttribute.SELECTED))
                    .isEqualTo(true);
            assertThat(elderlySwitch.getTypeSelector()).isEqualTo("Button");
            assertThat(elderlySwitch.getStyleClass()).contains("button");
            assertThat(field.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY))
                    .isSameAs(fieldLabel);
            elderly.set(false);
        });
    }

    @Test
    void theScreenCheckFindsATapTargetWithoutANameOrInTheWrongLanguage(FxRobot robot) {
        robot.interact(() -> {
            List<TapTargets.Target> targets = TapTargets.of("test", root);
            assertThat(targets)
                    .extracting(TapTargets.Target::node)
                    .as("the clickable pane too; not the hidden or disabled button, nor the labels")
                    .containsExactly(back, tile, emblem, field, elderlySwitch);
            String shown = TapTargets.shownTexts(root);
            assertThat(problemOf(targets, emblem, Locale.CHINESE, shown)).isEqualTo("no name");
            assertThat(problemOf(targets, back, Locale.CHINESE, shown)).isNull();

            Accessible.named(emblem, AccessibleRole.IMAGE_VIEW, i18n.bind(Msg.FRAME_HOME));
            assertThat(problemOf(TapTargets.of("test", root), emblem, Locale.CHINESE, shown))
                    .isNull();
            // a name left in Chinese on an English screen; one in English on a Chinese screen
            i18n.setLocale(Locale.ENGLISH);
            String english = TapTargets.shownTexts(root);
            emblem.accessibleTextProperty().unbind();
            emblem.setAccessibleText("首页");
            assertThat(problemOf(TapTargets.of("test", root), emblem, Locale.ENGLISH, english))
                    .startsWith("Chinese in en");
            assertThat(problemOf(TapTargets.of("test", root), back, Locale.CHINESE, english))
                    .isEqualTo("not Chinese");
            i18n.setLocale(Locale.forLanguageTag("zh-CN"));
            emblem.setAccessibleText(null);
            emblem.setAccessibleRole(AccessibleRole.NODE);
        });
    }

    private static String problemOf(List<TapTargets.Target> targets, Node node, Locale language, String shown) {
        return TapTargets.problem(
                targets.stream().filter(t -> t.node() == node).findFirst().orElseThrow(), language, shown);
    }
}
