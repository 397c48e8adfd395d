package cn.egov.kiosk.device.printer.cups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The engineer's test page, written by hand, is a PDF that a PDF library reads. */
class CupsTestPageTest {

    @Test
    void isOneA4PageWithTheLines() throws Exception {
        byte[] pdf = TestPagePdf.a4(
                List.of("KIOSK LICENCE PRINTER TEST", "queue (kioskpdf) \\ at localhost:631", "办证 becomes ?"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat((double) box.getWidth()).isCloseTo(595.28, within(0.1));
            assertThat((double) box.getHeight()).isCloseTo(841.89, within(0.1));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("KIOSK LICENCE PRINTER TEST")
                    .contains("queue (kioskpdf) \\ at localhost:631")
                    .contains("?? becomes ?");
        }
    }
}
