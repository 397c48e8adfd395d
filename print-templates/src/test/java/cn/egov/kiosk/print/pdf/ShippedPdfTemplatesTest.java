package cn.egov.kiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.print.page.PageRenderer;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.print.template.Resolved;
import cn.egov.kiosk.print.template.Template;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.print.ticket.Templates;
import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped template renders its sample to an archival PDF: PDF/A-2b by veraPDF, the Chinese
 * text extracts back unchanged, the page is the template's paper, the QR code scans, nothing
 * personal is printed unmasked. A PNG of each first page is left in target/pdf-renders to look at.
 */
class ShippedPdfTemplatesTest {
    private static final List<String> PERSONAL =
            List.of("11010519491231002X", "13812345678", "示例大街1号院2单元301", "6222021234567891234");

    static Stream<Arguments> templatesAndLanguages() throws Exception {
        return Templates.shipped().names().stream()
                .flatMap(n -> Stream.of(Arguments.of(n, Locale.SIMPLIFIED_CHINESE), Arguments.of(n, Locale.ENGLISH)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("templatesAndLanguages")
    void theSampleIsAnArchivalPdfWhoseTextReadsBack(String name, Locale locale) throws Exception {
        TemplateLibrary library = Templates.shipped();
        Template template = library.get(name);
        Resolved resolved = Resolved.of(template, library.sample(name), Medium.PDF, locale);

        byte[] pdf = new PageRenderer(CjkFont.locate(null)).render(resolved, "演示区政务服务中心", locale);

        PdfFixtures.Verdict verdict = PdfFixtures.pdfa2b(pdf);
        assertThat(verdict.failures()).as("veraPDF PDF/A-2b").isEmpty();
        assertThat(verdict.compliant()).isTrue();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            PDRectangle expected = template.paper() == Template.Paper.A5 ? PDRectangle.A5 : PDRectangle.A4;
            assertThat(box.getWidth()).isCloseTo(expected.getWidth(), Offset.offset(0.5f));
            assertThat(box.getHeight()).isCloseTo(expected.getHeight(), Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(doc);
            String compact = text.replaceAll("\\s+", "");
            assertThat(doc.getDocumentInformation().getTitle())
                    .as("the title in the metadata")
                    .isEqualTo(resolved.title());
            for (Resolved.Item item : resolved.items()) {
                if (item instanceof Resolved.Text t
                        && !t.text().isBlank()
                        && !t.text().contains("𠀀")) {
                    assertThat(compact).as("text of %s", name).contains(t.text().replaceAll("\\s+", ""));
                }
            }
            for (String value : PERSONAL) {
                assertThat(compact).as("%s on %s", value, name).doesNotContain(value);
            }
            if (resolved.items().stream().anyMatch(Resolved.Qr.class::isInstance)) {
                String payload = ((Resolved.Qr) resolved.items().stream()
                                .filter(Resolved.Qr.class::isInstance)
                                .findFirst()
                                .orElseThrow())
                        .payload();
                BufferedImage page = PdfPreview.render(pdf, pageWith(doc, payload), 200);
                assertThat(PdfFixtures.decode(page, BarcodeFormat.QR_CODE)).isEqualTo(payload);
            }
        }
        if (locale.getLanguage().equals("zh")) {
            Path out = Path.of("target", "pdf-renders");
            Files.createDirectories(out);
            Files.write(out.resolve(name + ".png"), PdfPreview.renderPng(pdf, 0, 72));
            Files.write(out.resolve(name + ".pdf"), pdf);
            System.out.printf("[pdf] %s: %d bytes, %d pages%n", name, pdf.length, PdfPreview.pageCount(pdf));
        }
    }

    /** The page (from 0) that holds the QR code: the last one with any content is good enough here. */
    private static int pageWith(PDDocument doc, String payload) {
        return doc.getNumberOfPages() - 1;
    }
}
