package cn.egov.kiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.egov.kiosk.common.text.Align;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Finding the CJK font, measuring and wrapping mixed Chinese and Latin text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfCjkFontTest {
    private ArchivalPdf pdf;
    private CjkFont font;

    @BeforeAll
    void open() throws Exception {
        long start = System.nanoTime();
        pdf = ArchivalPdf.create(PdfMetadata.of("wrap", "test"), PdfFixtures.ZENHEI);
        font = pdf.font();
        System.out.printf(
                "[pdf] WenQuanYi Zen Hei loaded into a new document in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void close() throws Exception {
        pdf.close();
    }

    @Test
    void theConfiguredFontComesFirstThenTheFallbacks(@TempDir Path dir) throws Exception {
        assertThat(CjkFont.locate(null)).isEqualTo(PdfFixtures.ZENHEI);
        assertThat(CjkFont.locate(dir.resolve("missing.ttf"))).isEqualTo(PdfFixtures.ZENHEI);
        Path configured =
                Files.writeString(dir.resolve("configured.ttf"), "readable, so chosen: loading checks the font");
        assertThat(CjkFont.locate(configured)).isEqualTo(configured);
    }

    @Test
    void noFontNamesEveryPathTried(@TempDir Path dir) {
        List<Path> tried = List.of(dir.resolve("a.ttc"), dir.resolve("b.ttf"));
        assertThatThrownBy(() -> CjkFont.locateFirst(tried))
                .isInstanceOf(CjkFontNotFoundException.class)
                .hasMessageContaining(tried.get(0).toString())
                .hasMessageContaining(tried.get(1).toString())
                .hasMessageContaining("fonts-wqy-zenhei")
                .satisfies(
                        e -> assertThat(((CjkFontNotFoundException) e).tried()).isEqualTo(tried));
    }

    @Test
    void aFileThatIsNoFontIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.ttf"), "not a font");
        assertThatThrownBy(() -> ArchivalPdf.create(PdfMetadata.of("x", "y"), bogus))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFontWithoutLatinLettersIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        // like Droid Sans Fallback: TrueType with Chinese but not one Latin letter or digit. Made here
        // from the kiosk's own font, so that the test needs nothing scripts/install-deps does not bring
        Path hanOnly = dir.resolve("han-only.ttf");
        try (TrueTypeCollection collection = new TrueTypeCollection(PdfFixtures.ZENHEI.toFile());
                OutputStream out = Files.newOutputStream(hanOnly)) {
            TrueTypeFont zenhei = collection.getFontByName("WenQuanYiZenHei");
            TTFSubsetter subset = new TTFSubsetter(zenhei);
            "受理回执某某市政务服务中心".codePoints().forEach(subset::add);
            subset.writeToStream(out);
        }
        try (TrueTypeFont made = new TTFParser().parse(new RandomAccessReadBufferedFile(hanOnly.toFile()))) {
            assertThat(made.getUnicodeCmapLookup().getGlyphId('受'))
                    .as("the made font draws Chinese")
                    .isPositive();
            assertThat(made.getUnicodeCmapLookup().getGlyphId('A'))
                    .as("and no Latin letter")
                    .isZero();
        }
        assertThatThrownBy(() -> ArchivalPdf.create(PdfMetadata.of("受理回执", "某某市政务服务中心"), hanOnly))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(hanOnly.toString())
                .hasMessageContaining("U+0020")
                .hasMessageContaining("fonts-wqy-zenhei");
        assertThat(CjkFont.FALLBACK_LOCATIONS).noneMatch(p -> p.toString().contains("droid"));
    }

    @Test
    void measuresText() {
        assertThat(font.faceName()).isEqualTo("WenQuanYiZenHei");
        assertThat(font.width("", 12)).isZero();
        float han = font.width("中", 10);
        assertThat(han).isCloseTo(10f, within(0.5f));
        assertThat(font.width("中文中文", 10)).isCloseTo(4 * han, within(0.01f));
        assertThat(font.width("abc", 20)).isCloseTo(2 * font.width("abc", 10), within(0.01f));
        assertThat(font.width("i", 10)).isLessThan(font.width("W", 10));
        assertThat(font.ascent(10)).isBetween(7f, 11f);
        assertThat(font.descent(10)).isBetween(1f, 4f);
    }

    @Test
    void breaksChineseBetweenAnyTwoCharacters() {
        String text = "政务服务中心自助服务终端打印营业执照";
        List<String> lines = font.wrap(text, 10, 45); // four characters a line
        assertThat(lines).containsExactly("政务服务", "中心自助", "服务终端", "打印营业", "执照");
    }

    @Test
    void breaksLatinAtSpacesAndMixesWithChinese() {
        String text = "请携带 identity card and receipt 到窗口办理";
        float max = font.width("请携带 identity card", 10) + 1;
        List<String> lines = font.wrap(text, 10, max);
        assertThat(lines).allSatisfy(l -> assertThat(font.width(l, 10)).isLessThanOrEqualTo(max));
        assertThat(lines.get(0)).isEqualTo("请携带 identity card");
        assertThat(String.join(" ", lines)).contains("identity card and receipt");
        assertThat(lines).noneMatch(l -> l.startsWith(" ") || l.endsWith(" "));
        for (String line : lines) {
            assertThat(line.split(" ")).allSatisfy(word -> assertThat(text).contains(word));
        }
    }

    @Test
    void cutsAWordLongerThanALine() {
        List<String> lines = font.wrap("https://example.gov.cn/verify/7Q2M9D84TR5K3XWA", 10, 60);
        assertThat(lines)
                .hasSizeGreaterThan(2)
                .allSatisfy(l -> assertThat(font.width(l, 10)).isLessThanOrEqualTo(60));
        assertThat(String.join("", lines)).isEqualTo("https://example.gov.cn/verify/7Q2M9D84TR5K3XWA");
    }

    @Test
    void keepsPunctuationOffTheWrongEndOfALine() {
        // four characters a line; the comma would start line 2 and the bracket end line 1
        assertThat(font.wrap("服务中心，请取号", 10, 45)).containsExactly("服务中", "心，请取", "号");
        assertThat(font.wrap("服务中（请取号）", 10, 45)).containsExactly("服务中", "（请取", "号）");
        assertThat(font.wrap("你好。", 10, 25)).allSatisfy(l -> assertThat(l).doesNotStartWith("。"));
    }

    @Test
    void keepsLineBreaksAndEmptyLines() {
        assertThat(font.wrap("第一行\n\n第三行\r\n第四行", 10, 200)).containsExactly("第一行", "", "第三行", "第四行");
        assertThat(font.wrap("", 10, 200)).containsExactly("");
    }

    @Test
    void aCharacterTheFontLacksIsRefusedWithoutTheText() throws Exception {
        assertThat(font.canDraw("张三 ABC 123 ，。")).isTrue();
        String lacking = "王\uD83D\uDE00明"; // an emoji no CJK font has
        assertThat(font.canDraw(lacking)).isFalse();
        try (PdfPage page = pdf.addPage(PaperSize.A5)) {
            assertThatThrownBy(() -> page.text(lacking, 10, 10, TextStyle.regular(10)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+1F600")
                    .hasMessageContaining("character 2 of a text of 3")
                    .hasMessageNotContaining("王");
        }
    }

    @Test
    void alignsLeftCentreAndRightWithinAWidth() throws Exception {
        byte[] bytes;
        try (ArchivalPdf doc = ArchivalPdf.create(PdfMetadata.of("align", "test"), PdfFixtures.ZENHEI)) {
            try (PdfPage page = doc.addPage(PaperSize.A5)) {
                page.text("左对齐 left", 50, 500, 300, Align.LEFT, TextStyle.regular(12));
                page.text("居中 centre", 50, 450, 300, Align.CENTER, TextStyle.regular(12));
                page.text("右对齐 right", 50, 400, 300, Align.RIGHT, TextStyle.bold(12));
            }
            bytes = doc.toBytes();
        }
        Map<String, float[]> extents = new HashMap<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    TextPosition first = positions.get(0);
                    TextPosition last = positions.get(positions.size() - 1);
                    extents.put(text, new float[] {first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()});
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
        }
        assertThat(extents.get("左对齐 left")[0]).isCloseTo(50f, within(0.5f));
        float[] centre = extents.get("居中 centre");
        assertThat((centre[0] + centre[1]) / 2).isCloseTo(200f, within(0.5f));
        assertThat(extents.get("右对齐 right")[1]).isCloseTo(350f, within(0.5f));
    }
}
