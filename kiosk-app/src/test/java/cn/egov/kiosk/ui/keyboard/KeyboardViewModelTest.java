package cn.egov.kiosk.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The keyboard's logic without the JavaFX toolkit: a string for a field, the work done at once. */
class KeyboardViewModelTest {
    private final I18n i18n = new I18n(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")));
    private final KeyboardViewModel vm = new KeyboardViewModel(i18n, TaskRunner.DIRECT, PinyinDictionary::bundled);

    /** A field: its text, the caret at the end, and whether the keyboard let go of it. */
    static final class Field implements KeyboardTarget {
        final StringBuilder text = new StringBuilder();
        final int max;
        boolean released;

        Field(int max) {
            this.max = max;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int selectionLength() {
            return 0;
        }

        @Override
        public int maxLength() {
            return max;
        }

        @Override
        public void replaceSelection(String s) {
            text.append(s);
        }

        @Override
        public void deleteBeforeCaret() {
            if (text.length() > 0) {
                text.setLength(text.length() - 1);
            }
        }

        @Override
        public void clear() {
            text.setLength(0);
        }

        @Override
        public void release() {
            released = true;
        }
    }

    private Key key(String id) {
        return vm.layoutProperty().get().rows().stream()
                .flatMap(List::stream)
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        id + " is not on " + vm.layoutProperty().get()));
    }

    private Set<String> ids() {
        return vm.layoutProperty().get().rows().stream()
                .flatMap(List::stream)
                .map(Key::id)
                .collect(Collectors.toSet());
    }

    private void tap(String... ids) {
        for (String id : ids) {
            vm.press(key(id));
        }
    }

    private void tapLetters(String letters) {
        for (char c : letters.toCharArray()) {
            tap("key-" + c);
        }
    }

    @Test
    void theIdNumberPadTypesDigitsAndXUpToEighteen() {
        Field field = new Field(Keyboards.EIGHTEEN);
        vm.attach(KeyboardKind.ID_NUMBER, field);
        assertThat(vm.showingProperty().get()).isTrue();
        assertThat(vm.layoutProperty().get()).isEqualTo(KeyboardLayout.ID_NUMBER);
        assertThat(ids()).contains("key-X", "key-0", "key-9", "key-backspace", "key-clear", "key-done");
        assertThat(ids()).doesNotContain("key-a", "key-A", "key-space", "key-mode");

        for (char c : "11010519491231002X".toCharArray()) {
            tap("key-" + c);
        }
        tap("key-1"); // a nineteenth: no room
        assertThat(field.text).hasToString("11010519491231002X");

        tap("key-backspace");
        assertThat(field.text).hasToString("11010519491231002");
        tap("key-clear");
        assertThat(field.text).isEmpty();
    }

    @Test
    void theCreditCodeKeysAreTheGb32100AlphabetAndNothingElse() {
        vm.attach(KeyboardKind.CREDIT_CODE, new Field(18));
        Set<String> characters = vm.layoutProperty().get().rows().stream()
                .flatMap(List::stream)
                .filter(k -> k.type() == Key.Type.CHARACTER)
                .map(Key::text)
                .collect(Collectors.toSet());
        assertThat(String.join("", characters.stream().sorted().toList())).isEqualTo("0123456789ABCDEFGHJKLMNPQRTUWXY");
    }

    @Test
    void digitsAndPhoneTakeDigitsOnlyAndLettersTakeCapitals() {
        for (KeyboardKind kind : List.of(KeyboardKind.DIGITS, KeyboardKind.PHONE)) {
            vm.attach(kind, new Field(0));
            assertThat(vm.layoutProperty().get().rows().stream()
                            .flatMap(List::stream)
                            .filter(k -> k.type() == Key.Type.CHARACTER)
                            .map(Key::text))
                    .as("%s", kind)
                    .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "0");
        }
        Field field = new Field(0);
        vm.attach(KeyboardKind.LETTERS, field);
        tap("key-L", "key-I", "key-space", "key-W");
        assertThat(field.text).hasToString("LI W");
    }

    @Test
    void pinyinComposesAndAChoiceGoesIntoTheField() {
        Field field = new Field(0);
        vm.attach(KeyboardKind.PINYIN, field);
        assertThat(vm.dictionaryLoadingProperty().get()).isFalse();
        tapLetters("shenfenzheng");
        assertThat(field.text).as("nothing typed while composing").isEmpty();
        assertThat(vm.composingProperty().get()).isEqualTo("shenfenzheng");
        assertThat(vm.candidates()).hasSize(KeyboardViewModel.PAGE_SIZE).first().isEqualTo("身份证");

        vm.choose(0);
        assertThat(field.text).hasToString("身份证");
        assertThat(vm.composingProperty().get()).isEmpty();
        assertThat(vm.candidates()).isEmpty();
    }

    @Test
    void choosingAPartKeepsTheRestComposingAndBackspaceEditsThePinyin() {
        Field field = new Field(0);
        vm.attach(KeyboardKind.PINYIN, field);
        tapLetters("zhangsam");
        tap("key-backspace");
        tapLetters("n");
        assertThat(vm.composingProperty().get()).isEqualTo("zhangsan");
        while (!vm.candidates().contains("张")) {
            assertThat(vm.hasNextCandidatesProperty().get()).isTrue();
            vm.nextCandidates();
        }
        vm.choose(vm.candidates().indexOf("张"));
        assertThat(field.text).hasToString("张");
        assertThat(vm.composingProperty().get()).isEqualTo("san");
        tap("key-space"); // while composing: the first candidate
        assertThat(field.text).hasToString("张三");
        tap("key-backspace"); // nothing composing: the field's own
        assertThat(field.text).hasToString("张");
    }

    @Test
    void theModeKeyGoesFromPinyinToLettersToDigitsAndBack() {
        Field field = new Field(0);
        vm.attach(KeyboardKind.PINYIN, field);
        assertThat(vm.modeKeyLabelProperty().get()).isEqualTo(Msg.KEYBOARD_MODE_LETTERS);
        tapLetters("ab");
        tap("key-mode"); // the letters composing go in as they are
        assertThat(field.text).hasToString("ab");
        assertThat(vm.layoutProperty().get()).isEqualTo(KeyboardLayout.PINYIN_LETTERS);
        assertThat(vm.modeKeyLabelProperty().get()).isEqualTo(Msg.KEYBOARD_MODE_SYMBOLS);
        tap("key-C");
        tap("key-mode");
        assertThat(vm.layoutProperty().get()).isEqualTo(KeyboardLayout.PINYIN_SYMBOLS);
        tap("key-3", "key-hyphen", "key-middle-dot");
        tap("key-mode");
        assertThat(vm.layoutProperty().get()).isEqualTo(KeyboardLayout.PINYIN);
        assertThat(field.text).hasToString("abC3-·");
    }

    @Test
    void physicalKeysTypeOnlyWhatTheKeyboardHas() {
        Field id = new Field(18);
        vm.attach(KeyboardKind.ID_NUMBER, id);
        assertThat(vm.typed("1")).isTrue();
        assertThat(vm.typed("x")).as("folded to X").isTrue();
        assertThat(vm.typed("a")).isFalse();
        assertThat(vm.typed(" ")).isFalse();
        assertThat(id.text).hasToString("1X");

        Field name = new Field(0);
        vm.attach(KeyboardKind.PINYIN, name);
        for (char c : "ZHANG".toCharArray()) {
            assertThat(vm.typed(String.valueOf(c))).isTrue();
        }
        assertThat(vm.composingProperty().get()).isEqualTo("zhang");
        assertThat(vm.backspaceComposing()).isTrue();
        assertThat(vm.composingProperty().get()).isEqualTo("zhan");
        vm.typed("g");
        vm.typed(" ");
        assertThat(name.text).hasToString("张");
        assertThat(vm.backspaceComposing())
                .as("nothing composing: the field's own")
                .isFalse();
    }

    @Test
    void doneKeepsTheLettersHidesAndLetsGoOfTheField() {
        Field field = new Field(0);
        vm.attach(KeyboardKind.PINYIN, field);
        tapLetters("abc");
        tap("key-done");
        assertThat(field.text).hasToString("abc");
        assertThat(field.released).isTrue();
        assertThat(vm.showingProperty().get()).isFalse();
        vm.press(Key.character('d')); // nothing attached: nothing typed
        assertThat(field.text).hasToString("abc");
    }

    @Test
    void theCandidateBarPagesForwardAndBack() {
        vm.attach(KeyboardKind.PINYIN, new Field(0));
        tapLetters("shi");
        List<String> first = List.copyOf(vm.candidates());
        assertThat(vm.hasPreviousCandidatesProperty().get()).isFalse();
        assertThat(vm.hasNextCandidatesProperty().get()).isTrue();
        vm.nextCandidates();
        assertThat(vm.hasPreviousCandidatesProperty().get()).isTrue();
        assertThat(vm.candidates()).hasSize(KeyboardViewModel.PAGE_SIZE).doesNotContainAnyElementsOf(first);
        vm.previousCandidates();
        assertThat(vm.candidates()).isEqualTo(first);
    }

    @Test
    void aChoiceLongerThanTheRoomLeftIsCut() {
        Field field = new Field(2);
        vm.attach(KeyboardKind.PINYIN, field);
        tapLetters("shenfenzheng");
        vm.choose(0);
        assertThat(field.text).hasToString("身份");
    }

    @Test
    void theNextCitizenFindsNothingComposing() {
        Field field = new Field(0);
        vm.attach(KeyboardKind.PINYIN, field);
        tapLetters("wang");
        vm.resetForNextCitizen();
        assertThat(vm.composingProperty().get()).isEmpty();
        assertThat(vm.candidates()).isEmpty();
        assertThat(vm.showingProperty().get()).isFalse();
    }

    @Test
    void lettersComposeWhileTheDictionaryCannotLoad() {
        KeyboardViewModel broken = new KeyboardViewModel(i18n, TaskRunner.DIRECT, () -> {
            throw new IllegalStateException("no dictionary");
        });
        Field field = new Field(0);
        broken.attach(KeyboardKind.PINYIN, field);
        broken.press(Key.character('n'));
        assertThat(broken.composingProperty().get()).isEqualTo("n");
        assertThat(broken.candidates()).isEmpty();
        broken.press(Key.function(Key.Type.SPACE, Key.Size.SPACE));
        assertThat(field.text).hasToString("n");
    }
}
