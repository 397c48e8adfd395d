package cn.egov.kiosk.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.form.FormState;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.keyboard.Keyboards;
import cn.egov.kiosk.ui.theme.Themes;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The form on screen, headless (TestFX on Monocle), with a citizen's touches and typing: a family
 * member's ID number with a wrong check digit is told when the field is left, in the citizen's words
 * and the error colour, the typed text kept; the right number clears it; next says which required
 * fields are empty; once all is right next gives the form and the applicant to submit.
 */
@ExtendWith(ApplicationExtension.class)
class FormViewTest {
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
    private final Identity citizen;
    private FormViewModel vm;

    /** As the kiosk does, the texts and the card are read off the JavaFX thread. */
    FormViewTest() {
        i18n.warmUp(ZoneId.of("Asia/Shanghai"));
        citizen = Identity.of(DemoCards.resident());
    }

    private static Catalogue.Field field(
            String id, String label, Catalogue.FieldType type, boolean required, Catalogue.Prefill prefill) {
        List<Catalogue.Choice> choices = type == Catalogue.FieldType.CHOICE
                ? List.of(new Catalogue.Choice("1", "配偶", "Spouse"), new Catalogue.Choice("2", "子女", "Child"))
                : List.of();
        return new Catalogue.Field(id, label, id, type, required, prefill, 0, choices, "", "");
    }

    /** 医保个人账户家庭共济绑定, shortened: the citizen, a family member, when, a phone. */
    static Catalogue.Item item() {
        return new Catalogue.Item(
                "110101-YB-0010",
                2,
                "110101-YB",
                "演示区医疗保障局",
                "医保个人账户家庭共济绑定",
                "医疗保障",
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
                "B",
                new Catalogue.Form(List.of(
                        field("name", "姓名", Catalogue.FieldType.NAME, true, Catalogue.Prefill.CARD_NAME),
                        field(
                                "memberIdNumber",
                                "家庭成员身份证号码",
                                Catalogue.FieldType.ID_NUMBER,
                                true,
                                Catalogue.Prefill.NONE),
                        field("relation", "与本人关系", Catalogue.FieldType.CHOICE, true, Catalogue.Prefill.NONE),
                        field("from", "开始日期", Catalogue.FieldType.DATE, true, Catalogue.Prefill.NONE),
                        field("phone", "联系电话", Catalogue.FieldType.PHONE, true, Catalogue.Prefill.NONE))),
                "https://zwfw.example.gov.cn/item/110101-YB-0010");
    }

    @Start
    void start(Stage stage) {
        vm = new FormViewModel(i18n);
        vm.start(item(), citizen, Optional.empty());
        Scene scene = new Scene(
                new StackPane(new FormView(
                                vm, i18n, new KeyboardViewModel(i18n, TaskRunner.DIRECT, PinyinDictionary::bundled))
                        .root()),
                1280,
                800);
        scene.getStylesheets().addAll(Themes.STANDARD.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n instanceof TextField t ? t.getText() : ((Label) n).getText();
    }

    /** Touches a field, first brought into sight as the keyboard's next key brings it (it may be below the fold). */
    private static FxRobotInterface touch(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
        return robot.clickOn(query);
    }

    private static boolean shown(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n.isVisible() && n.isManaged();
    }

    @Test
    void aWrongCheckDigitIsToldWhenTheFieldIsLeftAndTheTypedTextStays(FxRobot robot) {
        assertThat(text(robot, "#form-problem-memberIdNumber")).isEmpty();
        assertThat(shown(robot, "#form-problem-memberIdNumber")).isFalse();

        touch(robot, "#form-field-memberIdNumber").write("110105195203150022");
        assertThat(text(robot, "#form-problem-memberIdNumber"))
                .as("nothing said while typing")
                .isEmpty();
        touch(robot, "#form-field-phone"); // leaves the ID number

        assertThat(text(robot, "#form-problem-memberIdNumber")).isEqualTo("身份证号码最后一位校验码不对，请核对后重新输入");
        assertThat(shown(robot, "#form-problem-memberIdNumber")).isTrue();
        assertThat(robot.lookup("#form-problem-memberIdNumber")
                        .queryAs(Label.class)
                        .getTextFill())
                .as("in the error colour")
                .hasToString("0xb3261eff");
        assertThat(text(robot, "#form-field-memberIdNumber"))
                .as("kept as typed")
                .isEqualTo("110105195203150022");

        // the last digit corrected: the note goes
        touch(robot, "#form-field-memberIdNumber").type(KeyCode.BACK_SPACE).write("1");
        assertThat(text(robot, "#form-field-memberIdNumber")).isEqualTo("110105195203150021");
        assertThat(text(robot, "#form-problem-memberIdNumber")).isEmpty();
        touch(robot, "#form-field-from");
        assertThat(text(robot, "#form-problem-memberIdNumber")).isEmpty();
        assertThat(shown(robot, "#form-problem-memberIdNumber")).isFalse();
        // and the words follow the language, the text still as typed
        touch(robot, "#form-field-memberIdNumber").type(KeyCode.BACK_SPACE).write("x");
        touch(robot, "#form-field-phone");
        assertThat(text(robot, "#form-problem-memberIdNumber")).isEqualTo("身份证号码最后一位校验码不对，请核对后重新输入");
        robot.interact(() -> i18n.setLocale(Locale.forLanguageTag("en")));
        assertThat(text(robot, "#form-problem-memberIdNumber"))
                .isEqualTo("The last character of this ID number does not match; please check the number");
        // a physical x goes through the ID number pad, which has X only
        assertThat(text(robot, "#form-field-memberIdNumber")).isEqualTo("11010519520315002X");
    }

    @Test
    void nextSaysWhichRequiredFieldsAreEmptyAndThenGivesTheApplication(FxRobot robot) {
        touch(robot, "#form-field-memberIdNumber").write("110105195203150021");

        robot.clickOn("#form-next");

        assertThat(text(robot, "#form-problem-phone")).isEqualTo("这一项必须填写");
        assertThat(text(robot, "#form-problem-from")).isEqualTo("这一项必须填写");
        assertThat(text(robot, "#form-problem-relation")).isEqualTo("这一项必须填写");
        assertThat(text(robot, "#form-problem-memberIdNumber")).isEmpty();
        assertThat(text(robot, "#form-summary")).isEqualTo("还有 3 处需要修改，请看红色的提示");
        assertThat(vm.completedProperty().get()).isNull();

        robot.clickOn("#" + FormViewModel.choiceId("relation", 1));
        assertThat(text(robot, "#form-problem-relation")).isEmpty();
        assertThat(robot.lookup("#" + FormViewModel.choiceId("relation", 1))
                        .queryAs(Button.class)
                        .getPseudoClassStates())
                .contains(FormStyles.CHOSEN);
        touch(robot, "#form-field-from").write("2026-02-30");
        touch(robot, "#form-field-phone").write("13800138000");
        assertThat(text(robot, "#form-problem-from")).isEqualTo("没有这一天，请核对日期");
        assertThat(text(robot, "#form-summary")).as("the phone is right now").isEqualTo("还有 1 处需要修改，请看红色的提示");
        touch(robot, "#form-field-from").eraseText(2).write("28");
        robot.clickOn("#form-next");

        assertThat(text(robot, "#form-summary")).isEmpty();
        FormState.Completed done = vm.completedProperty().get();
        assertThat(done).isNotNull();
        assertThat(done.itemId()).isEqualTo("110101-YB-0010");
        assertThat(done.form().toString())
                .isEqualTo("{\"name\":\"王小明\",\"memberIdNumber\":\"110105195203150021\",\"relation\":\"2\","
                        + "\"from\":\"2026-02-28\",\"phone\":\"13800138000\"}");
        assertThat(done.applicant())
                .isEqualTo(new Applications.Applicant(
                        Applications.IdType.RESIDENT, "11010519491231002X", "王小明", "13800138000", "北京市西城区演示胡同8号"));
    }

    @Test
    void theCardsNameIsMarkedAndLockedAndEachInputNamesItsKeyboard(FxRobot robot) {
        TextField name = robot.lookup("#form-field-name").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("王小明");
        assertThat(name.isEditable()).isFalse();
        assertThat(Keyboards.kindOf(name)).isEmpty();
        assertThat(text(robot, "#form-mark-name")).isEqualTo("来自身份证");
        assertThat(text(robot, "#form-mark-phone")).isEmpty();

        assertThat(Keyboards.kindOf(robot.lookup("#form-field-memberIdNumber").queryAs(TextField.class)))
                .contains(KeyboardKind.ID_NUMBER);
        assertThat(Keyboards.kindOf(robot.lookup("#form-field-phone").queryAs(TextField.class)))
                .contains(KeyboardKind.PHONE);
        assertThat(Keyboards.kindOf(robot.lookup("#form-field-from").queryAs(TextField.class)))
                .contains(KeyboardKind.DIGITS);
        assertThat(robot.lookup("#form-choice-relation-0").queryAs(Button.class).getText())
                .isEqualTo("配偶");

        robot.interact(vm::resetForNextCitizen);
        assertThat(robot.lookup("#form-field-name").tryQuery())
                .as("the next citizen finds nothing")
                .isEmpty();
        assertThat(vm.titleProperty().get()).isEmpty();
    }
}
