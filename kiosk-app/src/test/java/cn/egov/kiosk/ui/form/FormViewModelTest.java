package cn.egov.kiosk.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.FieldProblem;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.keyboard.KeyboardKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The form's screen state without the toolkit: the words of every problem, keyboards, next. */
class FormViewModelTest {
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
    private final FormViewModel vm = new FormViewModel(i18n);

    @Test
    void everyProblemHasItsOwnWordsInBothLanguages() {
        for (Locale l : i18n.supported()) {
            i18n.setLocale(l);
            Set<String> words = Arrays.stream(FieldProblem.values())
                    .map(p -> i18n.text(FormViewModel.message(p), 50))
                    .collect(Collectors.toSet());
            assertThat(words)
                    .as(l.toString())
                    .hasSize(FieldProblem.values().length)
                    .allMatch(w -> !w.isBlank());
        }
        i18n.setLocale(Locale.forLanguageTag("zh-CN"));
        assertThat(i18n.text(FormViewModel.message(FieldProblem.TOO_LONG), 50)).isEqualTo("内容太长了，最多 50 个字");
    }

    @Test
    void eachTypeNamesTheKeyboardItNeeds() {
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.ID_NUMBER)).isEqualTo(KeyboardKind.ID_NUMBER);
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.PHONE)).isEqualTo(KeyboardKind.PHONE);
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.CREDIT_CODE)).isEqualTo(KeyboardKind.CREDIT_CODE);
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.DATE)).isEqualTo(KeyboardKind.DIGITS);
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.NUMBER)).isEqualTo(KeyboardKind.DIGITS);
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.ADDRESS)).isEqualTo(KeyboardKind.PINYIN);
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.NAME)).isEqualTo(KeyboardKind.PINYIN);
        assertThat(FormViewModel.keyboardFor(Catalogue.FieldType.TEXT)).isEqualTo(KeyboardKind.PINYIN);
    }

    @Test
    void aProblemIsSaidOnLeavingGoesWhenRightAndNextCountsWhatIsLeft() {
        vm.start(FormViewTest.item(), Identity.of(DemoCards.resident()), Optional.empty());
        FormViewModel.FieldModel member = vm.fields().get(1);
        FormViewModel.FieldModel phone = vm.fields().get(4);
        assertThat(vm.fields().get(0).locked()).isTrue();
        assertThat(vm.fields().get(0).mark().get()).isEqualTo("来自身份证");
        assertThat(member.keyboard()).hasValue(KeyboardKind.ID_NUMBER);
        assertThat(vm.fields().get(2).keyboard()).as("a choice: no keyboard").isEmpty();

        member.textProperty().set("1101051952031500");
        assertThat(member.problem().get()).as("not while typing").isEmpty();
        vm.left(member.id());
        assertThat(member.problem().get()).isEqualTo("身份证号码应为18位，请核对后重新输入");
        member.textProperty().set("11010519520315002");
        assertThat(member.problem().get()).as("still wrong: the note stays").isNotEmpty();
        member.textProperty().set("110105195203150021");
        assertThat(member.problem().get()).as("right: gone at once").isEmpty();
        assertThat(vm.summary().get()).as("no count before next").isEmpty();

        assertThat(vm.next()).isFalse();
        assertThat(vm.summary().get()).isEqualTo("还有 3 处需要修改，请看红色的提示");
        assertThat(vm.firstProblemProperty().get()).isEqualTo("relation");
        phone.textProperty().set("13800138000");
        assertThat(vm.summary().get()).isEqualTo("还有 2 处需要修改，请看红色的提示");
        i18n.setLocale(Locale.forLanguageTag("en"));
        assertThat(vm.summary().get()).isEqualTo("2 answers need changing: see the red notes");
        vm.choose("relation", "1");
        vm.fields().get(3).textProperty().set("2026-12-01");
        assertThat(vm.summary().get()).isEmpty();
        assertThat(vm.next()).isTrue();
        assertThat(vm.completedProperty().get().form().path("relation").asText())
                .isEqualTo("1");

        vm.fields().get(3).textProperty().set("2026-12-02");
        assertThat(vm.completedProperty().get())
                .as("changed after next: next again")
                .isNull();
        vm.resetForNextCitizen();
        assertThat(vm.fields()).isEmpty();
        assertThat(vm.next()).isFalse();
        vm.left("phone"); // a late focus change after the reset is ignored
    }

    @Test
    void aPartOfTheFormsScreenIsResetWithTheForm() {
        AtomicInteger resets = new AtomicInteger();
        vm.alsoResets(resets::incrementAndGet);

        vm.start(FormViewTest.item(), Identity.of(DemoCards.resident()), Optional.empty());
        assertThat(resets.get()).as("another form starts").isEqualTo(1);
        vm.resetForNextCitizen();
        assertThat(resets.get()).as("the next citizen comes").isEqualTo(2);
    }
}
