package cn.egov.kiosk.print.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.common.text.DisplayWidth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextLayoutTest {
    private static final String NO_LINE_START = "，。、；：？！）》」』】,.;:?!)";

    // ---- Chinese: by display width, two columns a character ----------------------------------

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 10, 11, 16, 32, 48})
    void chineseLinesNeverExceedTheColumnsAndLoseNothing(int columns) {
        String text = "请留意叫号屏幕和语音提示过号请重新取号政务服务一网通办只跑一次零跑腿";

        List<String> lines = TextLayout.wrap(text, columns);

        assertThat(lines).allSatisfy(l -> assertThat(DisplayWidth.of(l)).isLessThanOrEqualTo(columns));
        assertThat(String.join("", lines)).isEqualTo(text);
    }

    @Test
    void chineseFillsALineToTheLastEvenColumn() {
        assertThat(TextLayout.wrap("一二三四五六七八九十", 10)).containsExactly("一二三四五", "六七八九十");
        // an odd column count leaves the last column empty: a CJK character is never split
        assertThat(TextLayout.wrap("一二三四五六七八九十", 11)).containsExactly("一二三四五", "六七八九十");
        assertThat(TextLayout.wrap("一二三", 4)).containsExactly("一二", "三");
    }

    @Test
    void shortTextIsOneLineAndEmptyTextOneEmptyLine() {
        assertThat(TextLayout.wrap("政务服务大厅", 32)).containsExactly("政务服务大厅");
        assertThat(TextLayout.wrap("", 32)).containsExactly("");
    }

    @Test
    void fewerThanTwoColumnsAreRefused() {
        assertThatThrownBy(() -> TextLayout.wrap("一", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 columns");
    }

    // ---- Latin words ---------------------------------------------------------------------------

    @Test
    void latinWordsAreNotSplitWhenTheyFit() {
        assertThat(TextLayout.wrap("Please watch the display", 12)).containsExactly("Please watch", "the display");
        assertThat(TextLayout.wrap("take a new ticket.", 10)).containsExactly("take a new", "ticket.");
    }

    @Test
    void theEnglishInstructionBreaksOnlyBetweenWords() {
        String text = "Please watch the display and listen for your number. If you miss it, take a new ticket.";

        assertThat(TextLayout.wrap(text, 32))
                .containsExactly(
                        "Please watch the display and",
                        "listen for your number. If you",
                        "miss it, take a new ticket.");
        assertThat(TextLayout.wrap(text, 48))
                .containsExactly(
                        "Please watch the display and listen for your", "number. If you miss it, take a new ticket.");
    }

    @Test
    void aWordLongerThanTheLineIsHardBroken() {
        assertThat(TextLayout.wrap("abcdefghijklmnop", 6)).containsExactly("abcdef", "ghijkl", "mnop");
        assertThat(TextLayout.wrap("id K01-20261128-A001", 8)).containsExactly("id", "K01-2026", "1128-A00", "1");
    }

    @Test
    void mixedChineseAndLatin() {
        List<String> lines = TextLayout.wrap("服务热线 0571-87654321 欢迎来电", 12);

        assertThat(lines).containsExactly("服务热线", "0571-87654321".substring(0, 12), "1 欢迎来电");
    }

    @Test
    void mixedTextKeepsNumbersWholeWhenTheyFit() {
        assertThat(TextLayout.wrap("热线0571-8765欢迎", 12)).containsExactly("热线", "0571-8765欢", "迎");
    }

    // ---- closing punctuation -------------------------------------------------------------------

    @Test
    void closingPunctuationNeverStartsALine() {
        // 一二三四五 fills 10 columns; the comma would start the next line, so 五 goes down with it
        assertThat(TextLayout.wrap("一二三四五，六七", 10)).containsExactly("一二三四", "五，六七");
        assertThat(TextLayout.wrap("一二三四五。", 10)).containsExactly("一二三四", "五。");
        assertThat(TextLayout.wrap("一二三四五）六", 10)).containsExactly("一二三四", "五）六");
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 8, 10, 12, 14, 16, 20, 24, 32})
    void noLineOfTheChineseInstructionStartsWithClosingPunctuation(int columns) {
        String text = "请留意叫号屏幕和语音提示，过号请重新取号。材料齐全的，请到三号窗口；不齐全的，请咨询工作人员！";

        List<String> lines = TextLayout.wrap(text, columns);

        assertThat(String.join("", lines)).isEqualTo(text);
        assertThat(lines).allSatisfy(l -> assertThat(DisplayWidth.of(l)).isLessThanOrEqualTo(columns));
        assertThat(lines)
                .allSatisfy(l -> assertThat(NO_LINE_START.indexOf(l.codePointAt(0)))
                        .as(l)
                        .isNegative());
    }

    @Test
    void aLatinWordBeforeACommaAtTheLineEndMovesDownWhole() {
        // "abcdefghij" fills the line; the comma must not start the next one, and the word is not split
        assertThat(TextLayout.wrap("xy abcdefghij, ok", 13)).containsExactly("xy", "abcdefghij,", "ok");
        assertThat(TextLayout.wrap("Welcome to Xihu, Hangzhou", 15)).containsExactly("Welcome to", "Xihu, Hangzhou");
    }

    // ---- spread --------------------------------------------------------------------------------

    @Test
    void spreadPadsBetweenToTheExactWidth() {
        String line = TextLayout.spread("取号时间", "12:30", 20);

        assertThat(line).isEqualTo("取号时间" + " ".repeat(7) + "12:30");
        assertThat(DisplayWidth.of(line)).isEqualTo(20);
    }

    @Test
    void spreadKeepsOneSpaceWhenTheTextsDoNotFit() {
        assertThat(TextLayout.spread("Business type", "Residence permit", 20))
                .isEqualTo("Business type Residence permit");
        assertThat(TextLayout.spread("ab", "cd", 5)).isEqualTo("ab cd");
    }
}
