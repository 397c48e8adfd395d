package cn.egov.kiosk.tour;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.print.pdf.PdfPreview;
import java.io.IOException;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of what a printer got, read back as a person reading the paper would. */
final class PrintedText {
    private PrintedText() {}

    /** The lines the virtual ESC/POS printer decoded from the bytes it received. */
    static String ofReceipt(ReceiptDocument printed) {
        return String.join("\n", printed.lines()).strip();
    }

    /** A page read back: its text, and its first page as a PNG. */
    record Page(String text, byte[] png) {}

    /** The PDF's text, page by page, and its first page's picture; the bytes are overwritten once read. */
    static Page ofPdf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return new Page(stripper.getText(doc).strip(), PdfPreview.renderPng(pdf, 0, PICTURE_DPI));
        } catch (IOException e) {
            return new Page("(unreadable PDF: " + e.getMessage() + ")", new byte[0]);
        } finally {
            Arrays.fill(pdf, (byte) 0);
        }
    }

    /** A page's picture: an A4 page about 700 pixels high, readable in a report. */
    static final float PICTURE_DPI = 60;
}
