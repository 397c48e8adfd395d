package cn.egov.kiosk.print.pdf;

import cn.egov.kiosk.common.text.Align;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroupAttributes;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;

/**
 * One page of an {@link ArchivalPdf} being drawn on. Coordinates are points from the bottom left
 * corner; a text's {@code y} is its baseline. Everything drawn stays within what PDF/A-2b allows:
 * the embedded CJK font, sRGB colours, images with soft masks, constant alpha.
 *
 * <p>Close the page when it is drawn (its content stream is written then).
 */
public final class PdfPage implements Closeable {
    /** Stroke width of simulated bold, as a share of the font size. */
    private static final float BOLD_STROKE = 0.03f;
    /** The quiet zone on each side of a Code 128 barcode, in modules. */
    private static final int CODE128_QUIET = 10;

    private final ArchivalPdf owner;
    private final PDPage page;
    private final PDPageContentStream content;
    private boolean closed;

    PdfPage(ArchivalPdf owner, PDPage page, PDPageContentStream content) {
        this.owner = owner;
        this.page = page;
        this.content = content;
    }

    /** The page width in points. */
    public float width() {
        return page.getMediaBox().getWidth();
    }

    /** The page height in points. */
    public float height() {
        return page.getMediaBox().getHeight();
    }

    /** The document's font, to measure and wrap text for this page. */
    public CjkFont font() {
        return owner.font();
    }

    /**
     * Draws one line of text with its baseline at ({@code x}, {@code y}).
     *
     * @throws IllegalArgumentException when the font has no glyph for a character (PDF/A forbids
     *     drawing the .notdef glyph)
     */
    public void text(String text, float x, float y, TextStyle style) throws IOException {
        requireOpen();
        String line = CjkFont.drawable(text);
        if (line.isEmpty()) {
            return;
        }
        owner.font().requireDrawable(line);
        showText(content, owner.font(), line, x, y, style);
    }

    /** One line of drawable text at a baseline, in its own graphics state. */
    private static void showText(
            PDPageContentStream stream, CjkFont font, String line, float x, float y, TextStyle style)
            throws IOException {
        stream.saveGraphicsState();
        stream.setNonStrokingColor(style.color());
        if (style.bold()) {
            stream.setStrokingColor(style.color());
            stream.setLineWidth(style.size() * BOLD_STROKE);
            stream.setLineJoinStyle(1);
        }
        stream.beginText();
        stream.setFont(font.pdFont(), style.size());
        if (style.bold()) {
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
        }
        stream.newLineAtOffset(x, y);
        stream.showText(line);
        stream.endText();
        stream.restoreGraphicsState();
    }

    /** Draws one line of text aligned within {@code width} points from {@code x}. */
    public void text(String text, float x, float y, float width, Align align, TextStyle style) throws IOException {
        float w = owner.font().width(text, style.size());
        float left = switch (align) {
            case LEFT -> x;
            case CENTER -> x + (width - w) / 2;
            case RIGHT -> x + width - w;
        };
        text(text, left, y, style);
    }

    /**
     * Draws {@code text} wrapped to {@code width} points (see {@link CjkFont#wrap}), the first line
     * hanging from {@code top} (its ascent touches it), lines {@code lineHeight} points apart.
     *
     * @return the y below the last line ({@code top} minus the lines' height): where the next block
     *     may start
     */
    public float paragraph(String text, float x, float top, float width, Align align, TextStyle style, float lineHeight)
            throws IOException {
        List<String> lines = owner.font().wrap(text, style.size(), width);
        float baseline = top - owner.font().ascent(style.size());
        for (String line : lines) {
            text(line, x, baseline, width, align, style);
            baseline -= lineHeight;
        }
        return top - lines.size() * lineHeight;
    }

    /** A horizontal line from {@code x1} to {@code x2} at height {@code y}. */
    public void rule(float x1, float x2, float y, float thickness, Color color) throws IOException {
        requireOpen();
        content.saveGraphicsState();
        content.setStrokingColor(color);
        content.setLineWidth(thickness);
        content.moveTo(x1, y);
        content.lineTo(x2, y);
        content.stroke();
        content.restoreGraphicsState();
    }

    /**
     * One row of a table hanging from {@code top}: each cell's text wrapped to its column (less
     * {@code padding} on each side), the row as high as its tallest cell, optionally with cell
     * borders (0.5 pt, grey).
     *
     * @return the row's height in points
     */
    public float tableRow(
            float x,
            float top,
            float[] columnWidths,
            List<String> cells,
            TextStyle style,
            float padding,
            boolean borders)
            throws IOException {
        if (cells.size() != columnWidths.length) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columnWidths.length + " columns");
        }
        float lineHeight = style.size() * 1.35f;
        int maxLines = 1;
        for (int i = 0; i < cells.size(); i++) {
            maxLines = Math.max(
                    maxLines,
                    owner.font()
                            .wrap(cells.get(i), style.size(), columnWidths[i] - 2 * padding)
                            .size());
        }
        float height = maxLines * lineHeight + 2 * padding;
        float left = x;
        for (int i = 0; i < cells.size(); i++) {
            paragraph(
                    cells.get(i),
                    left + padding,
                    top - padding,
                    columnWidths[i] - 2 * padding,
                    Align.LEFT,
                    style,
                    lineHeight);
            left += columnWidths[i];
        }
        if (borders) {
            requireOpen();
            content.saveGraphicsState();
            content.setStrokingColor(Color.GRAY);
            content.setLineWidth(0.5f);
            float cellLeft = x;
            for (float w : columnWidths) {
                content.addRect(cellLeft, top - height, w, height);
                cellLeft += w;
            }
            content.stroke();
            content.restoreGraphicsState();
        }
        return height;
    }

    /**
     * Draws an image (PNG bytes; an alpha channel becomes a soft mask, as PDF/A-2 allows) into the
     * box at ({@code x}, {@code y}) of {@code width} × {@code height} points. The same bytes drawn
     * again, on any page, reuse one image object.
     */
    public void image(byte[] png, float x, float y, float width, float height) throws IOException {
        requireOpen();
        PDImageXObject image = owner.image(png);
        if (image.getCOSObject().containsKey(COSName.SMASK)) {
            ArchivalPdf.useTransparency(page);
        }
        content.drawImage(image, x, y, width, height);
    }

    /**
     * Draws a QR code (error correction level M) of {@code data} as vector squares, black on a
     * white square of {@code size} points that includes the quiet zone of four modules, its lower
     * left corner at ({@code x}, {@code y}).
     */
    public void qrCode(String data, float x, float y, float size) throws IOException {
        requireOpen();
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(data)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + data.length() + " characters", e);
        }
        float module = size / matrix.getWidth();
        content.saveGraphicsState();
        content.setNonStrokingColor(Color.WHITE);
        content.addRect(x, y, size, size);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            float rowY = y + size - (row + 1) * module;
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                content.addRect(x + start * module, rowY, (col - start) * module, module);
            }
        }
        content.fill();
        content.restoreGraphicsState();
    }

    /**
     * The width of the box {@link #code128} needs for {@code data} at {@code moduleWidth} points a
     * module (the narrowest bar), quiet zones included.
     */
    public static float code128Width(String data, float moduleWidth) {
        return (new Code128Writer().encode(data).length + 2 * CODE128_QUIET) * moduleWidth;
    }

    /**
     * Draws a Code 128 barcode of {@code data} (printable ASCII) as vector bars, black on a white
     * box of {@code width} × {@code height} points at ({@code x}, {@code y}) that includes a quiet
     * zone of ten modules on each side. For scanning, keep a module at 0.25 mm (0.7 pt) or more:
     * see {@link #code128Width}.
     */
    public void code128(String data, float x, float y, float width, float height) throws IOException {
        requireOpen();
        boolean[] bars = new Code128Writer().encode(data);
        float module = width / (bars.length + 2 * CODE128_QUIET);
        content.saveGraphicsState();
        content.setNonStrokingColor(Color.WHITE);
        content.addRect(x, y, width, height);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
        int i = 0;
        while (i < bars.length) {
            if (!bars[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < bars.length && bars[i]) {
                i++;
            }
            content.addRect(x + (CODE128_QUIET + start) * module, y, (i - start) * module, height);
        }
        content.fill();
        content.restoreGraphicsState();
    }

    /**
     * Draws {@code text} across the page centre along the diagonal (bottom left to top right), at
     * {@code opacity} (0 to 1). The text is drawn into a transparency group that is painted with a
     * constant alpha, as PDF/A-2 allows, so that simulated bold does not darken where fill and
     * stroke overlap. Drawn before the content it lies under it; drawn last, over it.
     */
    public void watermark(String text, TextStyle style, float opacity) throws IOException {
        requireOpen();
        if (!(opacity > 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in (0, 1], not " + opacity);
        }
        String line = CjkFont.drawable(text);
        CjkFont font = owner.font();
        font.requireDrawable(line);
        ArchivalPdf.useTransparency(page);

        // a form XObject that is a transparency group (PDFBox draws forms with document context,
        // needed to subset the font, only through its appearance stream type)
        PDAppearanceStream group = new PDAppearanceStream(owner.document());
        group.setBBox(page.getMediaBox());
        group.setResources(new PDResources());
        PDTransparencyGroupAttributes attributes = new PDTransparencyGroupAttributes();
        attributes.getCOSObject().setItem(COSName.CS, COSName.DEVICERGB);
        group.setGroup(attributes);
        float w = font.width(line, style.size());
        float capHeight = font.ascent(style.size()) * 0.7f;
        try (PDPageContentStream form = new PDPageContentStream(
                owner.document(), group, group.getContentStream().createOutputStream(COSName.FLATE_DECODE))) {
            form.transform(Matrix.getTranslateInstance(width() / 2, height() / 2));
            form.transform(Matrix.getRotateInstance(Math.atan2(height(), width()), 0, 0));
            showText(form, font, line, -w / 2, -capHeight / 2, style);
        }

        PDExtendedGraphicsState alpha = new PDExtendedGraphicsState();
        alpha.setNonStrokingAlphaConstant(opacity);
        alpha.setStrokingAlphaConstant(opacity);
        content.saveGraphicsState();
        content.setGraphicsStateParameters(alpha);
        content.drawForm(group);
        content.restoreGraphicsState();
    }

    /** Writes the page's content. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            owner.pageClosed(this);
            content.close();
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // the document is being closed anyway
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the page is closed");
        }
    }
}
