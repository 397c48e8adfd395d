package cn.egov.kiosk.print.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages of a PDF to images: the kiosk's preview before printing, and PNG renders for the
 * documentation. Uses only the fonts embedded in the PDF.
 */
public final class PdfPreview {
    private PdfPreview() {}

    /**
     * Page {@code pageIndex} (from 0) of {@code pdf} as an RGB image at {@code dpi} dots per inch
     * (an A4 page at 96 dpi is 794 × 1123 pixels).
     *
     * @throws IllegalArgumentException when the page does not exist or the resolution is not above 0
     */
    public static BufferedImage render(byte[] pdf, int pageIndex, float dpi) throws IOException {
        if (!(dpi > 0)) {
            throw new IllegalArgumentException("dpi must be above 0, not " + dpi);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (pageIndex < 0 || pageIndex >= document.getNumberOfPages()) {
                throw new IllegalArgumentException(
                        "no page " + pageIndex + " in a document of " + document.getNumberOfPages() + " pages");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(false);
            return renderer.renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }
    }

    /** Like {@link #render}, encoded as PNG. */
    public static byte[] renderPng(byte[] pdf, int pageIndex, float dpi) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(render(pdf, pageIndex, dpi), "png", out);
        return out.toByteArray();
    }

    /**
     * Overwrites an image's pixels: a rendered licence shows its holder, and must not lie in memory
     * after the session that asked for it.
     */
    public static void wipe(BufferedImage image) {
        DataBuffer pixels = image.getRaster().getDataBuffer();
        for (int bank = 0; bank < pixels.getNumBanks(); bank++) {
            for (int i = 0; i < pixels.getSize(); i++) {
                pixels.setElem(bank, i, 0);
            }
        }
    }

    /** The number of pages of {@code pdf}. */
    public static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
