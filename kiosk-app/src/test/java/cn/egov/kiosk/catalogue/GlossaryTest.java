package cn.egov.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.egov.kiosk.platform.api.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The official words found in a text, the longest first, with their plain words in both languages. */
class GlossaryTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final Locale EN = Locale.ENGLISH;

    private static final Glossary GLOSSARY = Glossary.parse(List.of(
            "# a comment",
            "",
            "受理\t收下您的申请\tyour application is taken in",
            "不予受理\t不收这份申请\tyour application is not taken in",
            "事项\t要办的事\ta service",
            "变更事项\t-\t-",
            "承诺时限\t最多要等多久\tthe longest you wait\tpromised time limit",
            "证照\t证件和执照\tcertificates and licences",
            "电子证照\t政府网上存着的证件\ta certificate the government holds online"));

    /** The segments as (text, plain words or ""). */
    private static List<Tuple> segments(String text, Locale locale) {
        return GLOSSARY.explain(text, locale).stream()
                .map(s -> tuple(s.text(), s.plain().orElse("")))
                .toList();
    }

    @Test
    void aTermIsFollowedByItsPlainWordsAndTheRestIsKept() {
        assertThat(segments("承诺时限", ZH)).containsExactly(tuple("承诺时限", "最多要等多久"));
        assertThat(segments("本事项的承诺时限为5个工作日", ZH))
                .containsExactly(
                        tuple("本", ""),
                        tuple("事项", "要办的事"),
                        tuple("的", ""),
                        tuple("承诺时限", "最多要等多久"),
                        tuple("为5个工作日", ""));
        assertThat(segments("姓名", ZH)).containsExactly(tuple("姓名", ""));
        assertThat(GLOSSARY.explain("", ZH)).isEmpty();
    }

    @Test
    void theLongestTermWinsWhereTermsOverlap() {
        // 不予受理 holds 受理, 电子证照 holds 证照: the longer one is meant
        assertThat(segments("不予受理", ZH)).containsExactly(tuple("不予受理", "不收这份申请"));
        assertThat(segments("已有电子证照，不用带", ZH))
                .containsExactly(tuple("已有", ""), tuple("电子证照", "政府网上存着的证件"), tuple("，不用带", ""));
        assertThat(segments("受理后领取证照", ZH))
                .containsExactly(tuple("受理", "收下您的申请"), tuple("后领取", ""), tuple("证照", "证件和执照"));
    }

    @Test
    void aTermInsideAWordThatMeansSomethingElseIsNotExplained() {
        // 变更事项 is "what changes": no 事项 in it
        assertThat(segments("变更事项", ZH)).containsExactly(tuple("变更事项", ""));
        assertThat(Glossary.explainsAny(GLOSSARY.explain("变更事项", ZH))).isFalse();
        // English wordings only as whole words
        assertThat(segments("Promised time limits", EN)).containsExactly(tuple("Promised time limits", ""));
        assertThat(segments("unpromised time limit", EN)).containsExactly(tuple("unpromised time limit", ""));
    }

    @Test
    void theEnglishScreenGetsEnglishPlainWordsForChineseAndEnglishTerms() {
        // the catalogue's own texts stay Chinese on the English screen: the plain words come in English
        assertThat(segments("不予受理", EN)).containsExactly(tuple("不予受理", "your application is not taken in"));
        // the screen's own English wording of a term
        assertThat(segments("Promised time limit", EN))
                .containsExactly(tuple("Promised time limit", "the longest you wait"));
        assertThat(segments("The promised time limit: 5 days", EN))
                .containsExactly(
                        tuple("The ", ""), tuple("promised time limit", "the longest you wait"), tuple(": 5 days", ""));
        // English wordings are not looked for on the Chinese screen
        assertThat(segments("Promised time limit", ZH)).containsExactly(tuple("Promised time limit", ""));
        assertThat(GLOSSARY.plain("承诺时限", EN)).contains("the longest you wait");
        assertThat(GLOSSARY.plain("承诺时限", ZH)).contains("最多要等多久");
        assertThat(GLOSSARY.plain("变更事项", ZH)).isEmpty();
    }

    @Test
    void aPageExplainsATermOnceWhereItFirstAppears() {
        Set<String> explained = new HashSet<>();
        assertThat(GLOSSARY.explain("受理", ZH, explained))
                .containsExactly(new Glossary.Segment("受理", Optional.of("收下您的申请")));
        assertThat(GLOSSARY.explain("受理以后", ZH, explained))
                .containsExactly(
                        new Glossary.Segment("受理", Optional.empty()), new Glossary.Segment("以后", Optional.empty()));
        assertThat(explained).containsExactly("受理");
    }

    @Test
    void aBrokenLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> Glossary.parse(List.of("# x", "受理 收下您的申请")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Glossary.parse(List.of("受理\ta\tb", "受理\tc\td")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Glossary.parse(List.of("受理\t\tb"))).hasMessageContaining("empty");
    }

    @Test
    void theBundledGlossaryExplainsTheWordsTheCatalogueAndTheScreensReallyUse() throws IOException {
        Glossary bundled = Glossary.bundled();
        List<Glossary.Entry> terms =
                bundled.entries().stream().filter(Glossary.Entry::explains).toList();
        assertThat(terms).hasSizeBetween(30, 60);
        assertThat(terms).allSatisfy(e -> {
            assertThat(e.plainZh()).as(e.term()).isNotEqualTo(e.term()).matches(".*\\p{IsHan}.*");
            assertThat(e.plainEn()).as(e.term()).matches("[\\x20-\\x7e]+");
        });
        assertThat(bundled.plain("承诺时限", ZH)).contains("最多要等多久");
        assertThat(bundled.plain("受理", ZH)).contains("收下您的申请");
        assertThat(bundled.plain("零跑腿", ZH).orElseThrow()).contains("不用来");

        // most terms are in the sample catalogue or the screens' texts: the glossary is of words really used
        StringBuilder used = new StringBuilder();
        for (Catalogue.Item item : SampleCatalogue.items()) {
            used.append(item.name()).append('\n');
            item.materials().forEach(m -> used.append(m.name()).append(m.note()).append('\n'));
            if (item.form() != null) {
                item.form().fields().forEach(f -> used.append(f.label()).append('\n'));
            }
        }
        try (InputStream in = Glossary.class.getResourceAsStream("/cn/egov/kiosk/ui/messages.properties")) {
            used.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        long found = terms.stream().filter(e -> used.indexOf(e.term()) >= 0).count();
        assertThat(found)
                .as("terms found in the catalogue or the screens")
                .isGreaterThanOrEqualTo(terms.size() * 2 / 3);
        // and each line that is not a term is a longer word holding one
        assertThat(bundled.entries().stream().filter(e -> !e.explains()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(terms).anyMatch(x -> e.term().contains(x.term())));
    }
}
