package cn.egov.kiosk.tour;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.print.pdf.PdfPreview;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /** The QR codes' payloads of a receipt, as the virtual printer decoded them. */
    static List<String> codesOf(ReceiptDocument printed) {
        return List.copyOf(printed.qrPayloads());
    }

    /** A page read back: its text, its QR codes' payloads (decoded from the drawn page), its first page as a PNG. */
    record Page(String text, List<String> codes, byte[] png) {}

    /** The PDF's text, page by page, and its first page's picture; the bytes are overwritten once read. */
    static Page ofPdf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return new Page(stripper.getText(doc).strip(), codes(pdf), PdfPreview.renderPng(pdf, 0, PICTURE_DPI));
        } catch (IOException e) {
            return new Page("(unreadable PDF: " + e.getMessage() + ")", List.of(), new byte[0]);
        } finally {
            Arrays.fill(pdf, (byte) 0);
        }
    }

    /** The QR codes drawn on the first page, read as a phone or a scanner would read the paper. */
    private static List<String> codes(byte[] pdf) throws IOException {
        BufferedImage page = PdfPreview.render(pdf, 0, CODE_DPI);
        try {
            int[] px = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), px)));
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            List<String> out = new ArrayList<>();
            for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, hints)) {
                out.add(r.getText());
            }
            return out;
        } catch (NotFoundException none) {
            return List.of();
        } finally {
            PdfPreview.wipe(page);
        }
    }

    /** Fine enough for a QR code of a few millimetres to decode. */
    static final float CODE_DPI = 150;

    /** A page's picture: an A4 page about 700 pixels high, readable in a report. */
    static final float PICTURE_DPI = 60;
}
