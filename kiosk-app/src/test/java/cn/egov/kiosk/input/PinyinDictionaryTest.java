package cn.egov.kiosk.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled dictionary, as the keyboard reads typed letters with it. */
class PinyinDictionaryTest {
    private static PinyinDictionary dictionary;

    @BeforeAll
    static void load() {
        dictionary = PinyinDictionary.bundled();
    }

    private static List<String> texts(String letters, int first) {
        return dictionary.candidates(letters).stream()
                .limit(first)
                .map(Candidate::text)
                .toList();
    }

    @Test
    void theBundledDictionaryIsWholeAndItsLicenceBesideIt() throws IOException {
        assertThat(dictionary.size()).isEqualTo(65_123);
        assertThat(dictionary.isSyllable("zhuang")).isTrue();
        assertThat(dictionary.isSyllable("lv")).isTrue();
        assertThat(dictionary.isSyllable("zh")).isFalse();
        try (InputStream notice = PinyinDictionary.class.getResourceAsStream("pinyin.NOTICE.txt");
                InputStream licence = PinyinDictionary.class.getResourceAsStream("pinyin.LICENSE.txt")) {
            assertThat(new String(notice.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("rime-data-pinyin-simp 0.0~git20230104.52b9c75-1", "Apache");
            assertThat(new String(licence.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Apache License", "Version 2.0");
        }
    }

    @Test
    void aWholeWordInFullPinyinComesFirst() {
        assertThat(texts("shenfenzheng", 1)).containsExactly("身份证");
        assertThat(texts("shebao", 3)).contains("社保");
    }

    @Test
    void aSyllableOffersItsCharactersByFrequency() {
        assertThat(texts("zhang", 3)).containsExactly("张", "涨", "长");
        List<Candidate> zhang = dictionary.candidates("zhang");
        assertThat(zhang.get(0).weight()).isGreaterThan(zhang.get(1).weight());
        assertThat(zhang).allMatch(c -> c.consumed() == 5 || c.consumed() < 5);
    }

    @Test
    void theWholeInputFirstThenItsBeginningsLongestFirst() {
        List<Candidate> all = dictionary.candidates("shenfenzheng");
        assertThat(all.get(0).consumed()).isEqualTo(12);
        assertThat(all).extracting(Candidate::consumed).isSortedAccordingTo((a, b) -> b - a);
        // after the whole word: 身份 (shen fen), then 身 and the other shen characters
        List<String> texts = all.stream().map(Candidate::text).toList();
        assertThat(texts.indexOf("身份")).isLessThan(texts.indexOf("身"));
        assertThat(texts).contains("身", "神", "深");
    }

    @Test
    void anUnfinishedLastSyllableAndInitialsFindTheWord() {
        assertThat(texts("shenfenzh", 3)).contains("身份证");
        assertThat(texts("sfz", 5)).contains("身份证");
        assertThat(texts("shenfz", 3)).contains("身份证");
        assertThat(dictionary.candidates("sfz").get(0).abbreviated()).isEqualTo(3);
    }

    @Test
    void fullSyllablesRankBeforeAbbreviatedOnesOfTheSameLength() {
        // zhan: 站 展 占 … typed in full come before 张 (zhang, unfinished)
        List<Candidate> zhan = dictionary.candidates("zhan");
        List<String> texts = zhan.stream().map(Candidate::text).toList();
        assertThat(texts.indexOf("站")).isLessThan(texts.indexOf("张"));
        assertThat(texts).contains("张");
    }

    @Test
    void uUmlautIsTypedAsV() {
        assertThat(texts("lv", 10)).contains("绿");
        assertThat(texts("nvhai", 3)).contains("女孩");
    }

    @Test
    void interjectionsDoNotSplitWords() {
        // "xinan" is xi'nan or xin'an, never xi n an
        assertThat(texts("n", 5)).contains("嗯");
        assertThat(dictionary.candidates("xinan")).noneMatch(c -> c.text().equals("嗯"));
    }

    @Test
    void somethingThatIsNotPinyinFindsNothing() {
        assertThat(dictionary.candidates("")).isEmpty();
        assertThat(dictionary.candidates("ZHANG")).isEmpty();
        assertThat(dictionary.candidates("1")).isEmpty();
        assertThat(dictionary.candidates("iii")).isEmpty();
    }

    @Test
    void aBrokenLineIsNamedByNumber() {
        assertThatThrownBy(() -> PinyinDictionary.read(new StringReader("ni\t你\t1\nhao\t好\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PinyinDictionary.read(new StringReader("ni hao1\t你好\t1\n")))
                .hasMessageContaining("line 1");
    }

    @Test
    void aSmallDictionaryKeepsEachReadingsWordsByWeight() throws IOException {
        PinyinDictionary small =
                PinyinDictionary.read(new StringReader("ni\t尼\t5\nni\t你\t90\nni hao\t你好\t50\nhao\t好\t70\n"));
        assertThat(small.candidates("nihao")).extracting(Candidate::text).containsExactly("你好", "你", "尼");
        assertThat(small.candidates("nh")).extracting(Candidate::text).containsExactly("你好", "你", "尼");
    }
}
