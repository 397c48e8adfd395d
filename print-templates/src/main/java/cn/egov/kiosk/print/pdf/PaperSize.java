package cn.egov.kiosk.print.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper sizes the kiosk's documents use, portrait, in PDF points (1/72 inch). */
public enum PaperSize {
    /** ISO A4, 210 × 297 mm: licences, certificates. */
    A4(PDRectangle.A4),
    /** ISO A5, 148 × 210 mm: acceptance receipts, appointment confirmations. */
    A5(PDRectangle.A5);

    private final PDRectangle rectangle;

    PaperSize(PDRectangle rectangle) {
        this.rectangle = rectangle;
    }

    /** Width in points (A4: 595.28, A5: 419.53). */
    public float width() {
        return rectangle.getWidth();
    }

    /** Height in points (A4: 841.89, A5: 595.28). */
    public float height() {
        return rectangle.getHeight();
    }

    /** Millimetres to points. */
    public static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    PDRectangle rectangle() {
        return new PDRectangle(rectangle.getWidth(), rectangle.getHeight());
    }
}
