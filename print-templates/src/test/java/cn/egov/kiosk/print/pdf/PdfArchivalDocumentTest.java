package cn.egov.kiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sample licence (two A4 pages) and receipt (one A5 page), drawn with every helper, are
 * PDF/A-2b by veraPDF, give their Chinese text back, embed the font as a subset, and carry QR codes
 * and barcodes that decode back from a rendered page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfArchivalDocumentTest {
    private static final float SCAN_DPI = 200;

    private Path font;
    private byte[] seal;
    private byte[] licence;
    private byte[] receipt;

    @BeforeAll
    void buildSamples() throws Exception {
        font = CjkFont.locate(null);
        assertThat(font).as("the kiosk's font (fonts-wqy-zenhei)").isEqualTo(PdfFixtures.ZENHEI);
        seal = PdfFixtures.sealPng(PdfSamples.OFFICE, "业务专用章", 480);
        long start = System.nanoTime();
        licence = PdfSamples.licence(font, seal);
        long licenceMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        receipt = PdfSamples.receipt(font, seal);
        long receiptMs = (System.nanoTime() - start) / 1_000_000;
        // a second build of each: the first pays for class loading and the JIT
        start = System.nanoTime();
        PdfSamples.licence(font, seal);
        long licenceAgainMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        PdfSamples.receipt(font, seal);
        long receiptAgainMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "[pdf] seal PNG %,d bytes; licence A4 x2 %,d bytes built in %d ms (again %d ms); receipt A5 %,d bytes built in %d ms (again %d ms)%n",
                seal.length, licence.length, licenceMs, licenceAgainMs, receipt.length, receiptMs, receiptAgainMs);
    }

    @Test
    void veraPdfFindsBothDocumentsPdfA2bCompliant() throws Exception {
        for (byte[] pdf : List.of(licence, receipt)) {
            PdfFixtures.Verdict verdict = PdfFixtures.pdfa2b(pdf);
            System.out.printf(
                    "[pdf] veraPDF PDF/A-2b: compliant=%s, %,d checks, %d failed, %d ms%n",
                    verdict.compliant(),
                    verdict.assertions(),
                    verdict.failures().size(),
                    verdict.millis());
            verdict.failures().forEach(f -> System.out.println("[pdf]   FAILED " + f));
            assertThat(verdict.failures()).as("failed PDF/A-2b rules").isEmpty();
            assertThat(verdict.compliant()).isTrue();
        }
    }

    @Test
    void theMetadataSaysPdfA2bInChinese() throws Exception {
        try (PDDocument document = Loader.loadPDF(licence)) {
            assertThat(document.getVersion()).isEqualTo(1.7f);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("营业执照（副本）打印件");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo(PdfSamples.OFFICE);
            XMPMetadata xmp = new DomXmpParser()
                    .parse(document.getDocumentCatalog()
                            .getMetadata()
                            .exportXMPMetadata()
                            .readAllBytes());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("营业执照（副本）打印件");
            assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly(PdfSamples.OFFICE);
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant()).isEqualTo(PdfSamples.CREATED.toInstant());
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(PdfSamples.CREATED.toInstant());
        }
    }

    @Test
    void pageSizesAreA4AndA5() throws Exception {
        try (PDDocument document = Loader.loadPDF(licence)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.01f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(0.01f));
            }
        }
        try (PDDocument document = Loader.loadPDF(receipt)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(PaperSize.A5.width(), within(0.01f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(PaperSize.A5.height(), within(0.01f));
            assertThat(PaperSize.A5.width()).isCloseTo(PaperSize.mm(148), within(0.01f));
        }
    }

    @Test
    void theTextComesBackUnchanged() throws Exception {
        String text;
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(licence)) {
            text = new PDFTextStripper().getText(document);
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
        }
        assertThat(text)
                .contains(
                        PdfSamples.TITLE,
                        PdfSamples.OFFICE,
                        PdfSamples.SUBTITLE,
                        "914403001922038216",
                        "深圳市示例科技有限公司",
                        "人民币壹佰万元整 (RMB 1,000,000)")
                .contains(PdfSamples.VERIFICATION_CODE, "扫码核验 Scan to verify", "登记机关 Registration authority");
        assertThat(pages.get(0)).contains("第 1 页 共 2 页 / Page 1 of 2");
        assertThat(pages.get(1)).contains("第 2 页 共 2 页 / Page 2 of 2");
        // every wrapped line of the paragraphs, as drawn
        try (ArchivalPdf measure = ArchivalPdf.create(PdfMetadata.of("measure", "test"), font)) {
            float content = PaperSize.A4.width() - 2 * PdfSamples.MARGIN;
            List<String> lines = new ArrayList<>(measure.font().wrap(PdfSamples.NOTICE, 10, content));
            for (String note : PdfSamples.NOTES) {
                lines.addAll(measure.font().wrap(note, 11, content));
            }
            assertThat(lines).hasSizeGreaterThan(PdfSamples.NOTES.size() + 2);
            for (String line : lines) {
                assertThat(text).contains(line.strip());
            }
            // and the paragraphs whole, once the line breaks are taken out
            String joined = text.replace("\r", "").replace("\n", "");
            for (String note : PdfSamples.NOTES) {
                if (note.chars().allMatch(c -> c != ' ')) {
                    assertThat(joined).contains(note);
                }
            }
        }
        try (PDDocument document = Loader.loadPDF(receipt)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("受理回执", "王*明", PdfSamples.RECEIPT_NUMBER, "第 1 页 共 1 页");
        }
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws Exception {
        for (byte[] pdf : List.of(licence, receipt)) {
            List<String> fonts = new ArrayList<>();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (PDPage page : document.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont f = resources.getFont(name);
                        assertThat(f).isInstanceOf(PDType0Font.class);
                        PDType0Font type0 = (PDType0Font) f;
                        assertThat(type0.isEmbedded()).isTrue();
                        assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2())
                                .as("embedded TrueType program")
                                .isNotNull();
                        fonts.add(f.getName());
                    }
                }
                System.out.printf("[pdf] fonts: %s%n", fonts.stream().distinct().toList());
            }
            assertThat(fonts)
                    .isNotEmpty()
                    .allMatch(n -> n.matches("[A-Z]{6}\\+WenQuanYiZenHei"), "a subset of WenQuanYi Zen Hei");
            assertThat(fonts.stream().distinct()).hasSize(1);
        }
    }

    @Test
    void theSealIsOneImageWithASoftMaskAndTheFileStaysSmall() throws Exception {
        try (PDDocument document = Loader.loadPDF(licence)) {
            List<PDImageXObject> images = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject x = page.getResources().getXObject(name);
                    if (x instanceof PDImageXObject image) {
                        images.add(image);
                    }
                }
                assertThat(page.getCOSObject().getCOSDictionary(COSName.GROUP))
                        .as("transparency group")
                        .isNotNull();
            }
            assertThat(images).hasSize(2);
            assertThat(images.get(0).getCOSObject())
                    .as("one image object on both pages")
                    .isSameAs(images.get(1).getCOSObject());
            assertThat(images.get(0).getSoftMask())
                    .as("the seal's alpha channel")
                    .isNotNull();
            assertThat(images.get(0).getCOSObject().getBoolean(COSName.INTERPOLATE, false))
                    .isFalse();
        }
        System.out.printf(
                "[pdf] sizes: licence (2 x A4, seal %dx%d px) %,d bytes, receipt (A5) %,d bytes%n",
                480, 480, licence.length, receipt.length);
        assertThat(licence.length).as("licence bytes").isLessThan(250_000);
        assertThat(receipt.length).as("receipt bytes").isLessThan(200_000);
    }

    @Test
    void theCodesDecodeFromARenderedPage() throws Exception {
        long start = System.nanoTime();
        BufferedImage page = PdfPreview.render(licence, 0, SCAN_DPI);
        long renderMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(page.getWidth()).isCloseTo(Math.round(PaperSize.A4.width() / 72 * SCAN_DPI), within(1));
        Files.createDirectories(Path.of("target", "pdf-samples"));
        ImageIO.write(
                page,
                "png",
                Path.of("target", "pdf-samples", "licence-p1-200dpi.png").toFile());

        // as a verifier's camera sees them: the area around each code, as rendered
        float[] qr = PdfSamples.LICENCE_QR;
        start = System.nanoTime();
        BufferedImage qrArea = PdfFixtures.crop(page, SCAN_DPI, qr[0] - 30, qr[1] - 30, qr[2] + 60, qr[2] + 60);
        assertThat(PdfFixtures.decode(qrArea, BarcodeFormat.QR_CODE))
                .as("the QR code")
                .isEqualTo(PdfSamples.VERIFICATION_CODE);
        BufferedImage barArea =
                PdfFixtures.crop(page, SCAN_DPI, PdfSamples.MARGIN - 20, PdfSamples.MARGIN - 10, 220, 60);
        assertThat(PdfFixtures.decode(barArea, BarcodeFormat.CODE_128))
                .as("the Code 128 barcode")
                .isEqualTo(PdfSamples.DOCUMENT_NUMBER);
        long decodeMs = (System.nanoTime() - start) / 1_000_000;
        // and from the whole page, for the record
        String wholeQr = PdfFixtures.decode(page, BarcodeFormat.QR_CODE);
        String wholeBar = PdfFixtures.decode(page, BarcodeFormat.CODE_128);

        float[] rq = PdfSamples.RECEIPT_QR;
        BufferedImage a5 = PdfPreview.render(receipt, 0, 150);
        assertThat(PdfFixtures.decode(
                        PdfFixtures.crop(a5, 150, rq[0] - 20, rq[1] - 20, rq[2] + 40, rq[2] + 40),
                        BarcodeFormat.QR_CODE))
                .isEqualTo(PdfSamples.RECEIPT_NUMBER);
        float[] rb = PdfSamples.RECEIPT_BARCODE;
        float barWidth = PdfPage.code128Width(PdfSamples.RECEIPT_NUMBER, rb[2]);
        assertThat(PdfFixtures.decode(
                        PdfFixtures.crop(a5, 150, rb[0] - 10, rb[1] - 10, barWidth + 20, rb[3] + 20),
                        BarcodeFormat.CODE_128))
                .isEqualTo(PdfSamples.RECEIPT_NUMBER);
        System.out.printf(
                "[pdf] A4 page rendered at %.0f dpi (%dx%d) in %d ms; QR and Code 128 decoded from their areas in %d ms; from the whole page: QR %s, Code 128 %s%n",
                SCAN_DPI,
                page.getWidth(),
                page.getHeight(),
                renderMs,
                decodeMs,
                wholeQr == null ? "not found" : "decoded",
                wholeBar == null ? "not found" : "decoded");
    }

    @Test
    void rendersForThePreviewAndTheDocs() throws Exception {
        Path out = Path.of("target", "pdf-samples");
        Files.createDirectories(out);
        Files.write(out.resolve("licence.pdf"), licence);
        Files.write(out.resolve("receipt.pdf"), receipt);
        Files.write(out.resolve("seal.png"), seal);
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            byte[] png = PdfPreview.renderPng(licence, i, 110);
            long ms = (System.nanoTime() - start) / 1_000_000;
            Files.write(out.resolve("licence-p" + (i + 1) + ".png"), png);
            System.out.printf(
                    "[pdf] licence page %d rendered to PNG at 110 dpi in %d ms (%,d bytes)%n", i + 1, ms, png.length);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
        long start = System.nanoTime();
        BufferedImage preview = PdfPreview.render(receipt, 0, 96);
        System.out.printf(
                "[pdf] receipt preview at 96 dpi: %dx%d in %d ms%n",
                preview.getWidth(), preview.getHeight(), (System.nanoTime() - start) / 1_000_000);
        assertThat(preview.getWidth()).isCloseTo(Math.round(PaperSize.A5.width() / 72 * 96), within(1));
        Files.write(out.resolve("receipt.png"), PdfPreview.renderPng(receipt, 0, 150));
        assertThat(PdfPreview.pageCount(licence)).isEqualTo(2);

        // a page shown to a citizen is overwritten when done with
        int[] drawn = preview.getRGB(0, 0, preview.getWidth(), preview.getHeight(), null, 0, preview.getWidth());
        assertThat(Arrays.stream(drawn).filter(p -> (p & 0xFFFFFF) != 0).count())
                .as("pixels drawn")
                .isPositive();
        PdfPreview.wipe(preview);
        int[] wiped = preview.getRGB(0, 0, preview.getWidth(), preview.getHeight(), null, 0, preview.getWidth());
        assertThat(Arrays.stream(wiped).allMatch(p -> (p & 0xFFFFFF) == 0))
                .as("every pixel overwritten")
                .isTrue();
    }
}
