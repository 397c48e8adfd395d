package cn.egov.kiosk.print.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** What the PDF tests share: a seal image, a veraPDF check, barcode decoding. */
final class PdfFixtures {
    private PdfFixtures() {}

    static final Path ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private static boolean veraInitialised;

    /** What veraPDF said about a document. */
    record Verdict(boolean compliant, int assertions, List<String> failures, long millis) {}

    /** Validates {@code pdf} against PDF/A-2b with veraPDF; the failures are "rule: message (context)". */
    static synchronized Verdict pdfa2b(byte[] pdf) throws Exception {
        long start = System.nanoTime();
        if (!veraInitialised) {
            VeraGreenfieldFoundryProvider.initialise();
            veraInitialised = true;
        }
        try (PDFAParser parser =
                        Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failures.add(assertion.getRuleId().getClause()
                            + "-"
                            + assertion.getRuleId().getTestNumber()
                            + ": "
                            + assertion.getMessage()
                            + (assertion.getErrorMessage() == null ? "" : " [" + assertion.getErrorMessage() + "]")
                            + " ("
                            + assertion.getLocation().getContext()
                            + ")");
                }
            }
            return new Verdict(
                    result.isCompliant(),
                    result.getTotalAssertions(),
                    failures,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * An issuing office's seal as a PNG with an alpha channel: a red ring, a star, the office's name
     * along the top and the seal's use below the star; transparent around and inside, the red a
     * little translucent so that what it is stamped on shows through.
     */
    static byte[] sealPng(String office, String use, int pixels) {
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color red = new Color(220, 20, 30, 215);
            g.setColor(red);
            float c = pixels / 2f;
            float ring = pixels * 0.03f;
            g.setStroke(new BasicStroke(ring));
            float r = c - ring;
            g.draw(new java.awt.geom.Ellipse2D.Float(c - r, c - r, 2 * r, 2 * r));
            g.fill(star(c, c, pixels * 0.14f, pixels * 0.055f));

            Font font = zenhei().deriveFont(Font.PLAIN, pixels * 0.095f);
            g.setFont(font);
            int n = office.codePointCount(0, office.length());
            double sweep = Math.toRadians(250);
            double first = -Math.PI / 2 - sweep / 2;
            float textRadius = r - ring - pixels * 0.085f;
            int[] cps = office.codePoints().toArray();
            for (int i = 0; i < n; i++) {
                double angle = first + sweep * (i + 0.5) / n;
                AffineTransform saved = g.getTransform();
                g.translate(c + textRadius * Math.cos(angle), c + textRadius * Math.sin(angle));
                g.rotate(angle + Math.PI / 2);
                String ch = new String(Character.toChars(cps[i]));
                int w = g.getFontMetrics().stringWidth(ch);
                g.drawString(ch, -w / 2f, g.getFontMetrics().getAscent() / 2f);
                g.setTransform(saved);
            }
            Font small = font.deriveFont(pixels * 0.075f);
            g.setFont(small);
            int w = g.getFontMetrics().stringWidth(use);
            g.drawString(use, c - w / 2f, c + pixels * 0.30f);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path2D star(float cx, float cy, float outer, float inner) {
        Path2D.Float star = new Path2D.Float();
        for (int i = 0; i < 10; i++) {
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            float radius = i % 2 == 0 ? outer : inner;
            float x = (float) (cx + radius * Math.cos(angle));
            float y = (float) (cy + radius * Math.sin(angle));
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        return star;
    }

    private static Font zenhei() {
        try {
            return Font.createFonts(ZENHEI.toFile())[0];
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the seal needs " + ZENHEI + " (fonts-wqy-zenhei)", e);
        }
    }

    /** Decodes the first barcode of {@code format} found in {@code image}, or null. */
    static String decode(BufferedImage image, BarcodeFormat format) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            Result result = new MultiFormatReader().decode(bitmap, hints);
            return result.getText();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The part of {@code image} in a box given in points from the page's bottom left, at {@code dpi}. */
    static BufferedImage crop(BufferedImage image, float dpi, float x, float y, float width, float height) {
        float scale = dpi / 72f;
        int left = Math.max(0, Math.round(x * scale));
        int top = Math.max(0, Math.round(image.getHeight() - (y + height) * scale));
        int w = Math.min(image.getWidth() - left, Math.round(width * scale));
        int h = Math.min(image.getHeight() - top, Math.round(height * scale));
        return image.getSubimage(left, top, w, h);
    }
}
