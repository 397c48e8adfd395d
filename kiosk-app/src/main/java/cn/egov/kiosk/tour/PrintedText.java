package cn.egov.kiosk.tour;

import cn.egov.kiosk.common.document.ReceiptDocument;
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

    /** The PDF's text, page by page; the bytes are overwritten once read. */
    static String ofPdf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc).strip();
        } catch (IOException e) {
            return "(unreadable PDF: " + e.getMessage() + ")";
        } finally {
            Arrays.fill(pdf, (byte) 0);
        }
    }
}
