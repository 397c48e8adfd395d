package cn.egov.kiosk.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Composing on the real dictionary: letters in, a page of candidates, a choice out. */
class PinyinComposerTest {
    private final PinyinComposer composer = new PinyinComposer(PinyinDictionary.bundled(), 8);

    private void type(String letters) {
        for (char c : letters.toCharArray()) {
            assertThat(composer.type(c)).as("%s", c).isTrue();
        }
    }

    private List<String> page() {
        return composer.page().stream().map(Candidate::text).toList();
    }

    @Test
    void choosingTheWholeWordLeavesNothingComposing() {
        type("shenfenzheng");
        assertThat(page()).first().isEqualTo("身份证");
        assertThat(composer.choose(0)).isEqualTo("身份证");
        assertThat(composer.composing()).isFalse();
        assertThat(composer.page()).isEmpty();
    }

    @Test
    void choosingAPartKeepsTheRestOfThePinyin() {
        type("zhangsan");
        int zhang = page().indexOf("张");
        if (zhang < 0) {
            // 张三 is offered whole first; page on to the single characters
            while (!page().contains("张") && composer.hasNextPage()) {
                composer.nextPage();
            }
            zhang = page().indexOf("张");
        }
        assertThat(zhang).isNotNegative();
        assertThat(composer.choose(zhang)).isEqualTo("张");
        assertThat(composer.letters()).isEqualTo("san");
        assertThat(composer.pageIndex()).isZero();
        assertThat(page()).first().isEqualTo("三");
    }

    @Test
    void zhangOffersZhangOnTheFirstPage() {
        type("zhang");
        assertThat(page()).hasSize(8).first().isEqualTo("张");
    }

    @Test
    void backspaceEditsThePinyin() {
        type("shenfenzhenh");
        assertThat(composer.backspace()).isTrue();
        type("g");
        assertThat(composer.letters()).isEqualTo("shenfenzheng");
        assertThat(page()).first().isEqualTo("身份证");
        composer.clear();
        assertThat(composer.backspace())
                .as("nothing composing: the field's own backspace")
                .isFalse();
    }

    @Test
    void pagesGoForwardAndBack() {
        type("shi");
        List<String> first = page();
        assertThat(composer.hasPreviousPage()).isFalse();
        assertThat(composer.hasNextPage()).isTrue();
        composer.nextPage();
        assertThat(composer.pageIndex()).isEqualTo(1);
        assertThat(page()).hasSize(8).doesNotContainAnyElementsOf(first);
        composer.previousPage();
        assertThat(page()).isEqualTo(first);
    }

    @Test
    void onlyLettersComposeAndUpperCaseIsLowered() {
        assertThat(composer.type('1')).isFalse();
        assertThat(composer.type(' ')).isFalse();
        assertThat(composer.type('Z')).isTrue();
        assertThat(composer.letters()).isEqualTo("z");
    }

    @Test
    void lettersComposeWhileTheDictionaryLoadsAndGetCandidatesWhenItHas() {
        PinyinComposer loading = new PinyinComposer(null, 8);
        loading.type('n');
        loading.type('i');
        assertThat(loading.page()).isEmpty();
        loading.useDictionary(PinyinDictionary.bundled());
        assertThat(loading.page()).extracting(Candidate::text).contains("你");
        assertThat(loading.takeLetters()).isEqualTo("ni");
        assertThat(loading.composing()).isFalse();
    }
}
