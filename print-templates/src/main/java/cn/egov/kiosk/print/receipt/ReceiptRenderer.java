package cn.egov.kiosk.print.receipt;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.common.text.DisplayWidth;
import cn.egov.kiosk.print.layout.TextLayout;
import cn.egov.kiosk.print.template.Resolved;
import cn.egov.kiosk.print.template.Style;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Lays a resolved template out on thermal receipt paper of {@code columns} characters (48 on 80 mm,
 * 32 on 58 mm): every text wrapped by display width (a CJK character is two columns) at its
 * magnification, tables in columns by weight, QR codes and barcodes by the printer, images as
 * black-and-white dots (8 dots a millimetre, 12 a column). An image placed at a spot on a page (a
 * seal) has no place on a roll and is left out. The result is the device-neutral receipt document
 * that the ESC/POS encoder turns into bytes.
 */
public final class ReceiptRenderer {
    /** Dots per millimetre of a 203 dpi thermal head. */
    private static final double DOTS_PER_MM = 8;
    /** Dots per character column (576 dots for 48 columns). */
    private static final int DOTS_PER_COLUMN = 12;

    private final int columns;

    public ReceiptRenderer(int columns) {
        if (columns < 8 || columns > 96) {
            throw new IllegalArgumentException("8..96 columns, not " + columns);
        }
        this.columns = columns;
    }

    public ReceiptDocument render(Resolved doc) {
        ReceiptDocument.Builder out = ReceiptDocument.builder(doc.name());
        for (Resolved.Item item : doc.items()) {
            if (item instanceof Resolved.Text t) {
                text(out, t.text(), t.style());
            } else if (item instanceof Resolved.Pair p) {
                String joined = p.label().isEmpty()
                        ? p.value()
                        : p.label() + (p.label().endsWith("：") || p.label().endsWith(":") ? "" : " ") + p.value();
                text(out, joined, p.style());
            } else if (item instanceof Resolved.Rule r) {
                out.text((r.dashed() ? "-" : "=").repeat(columns), TextStyle.NORMAL);
            } else if (item instanceof Resolved.Feed f) {
                out.feed(f.lines());
            } else if (item instanceof Resolved.Qr q) {
                int module = (int) Math.round((columns >= 48 ? 6 : 4) * q.sizeMm() / 30.0);
                out.add(new ReceiptElement.QrCode(
                        q.payload(), Math.max(2, Math.min(10, module)), ReceiptElement.ErrorCorrection.M, q.align()));
                q.caption().ifPresent(c -> text(out, c, new Style(Style.Size.SMALL, false, q.align())));
            } else if (item instanceof Resolved.Barcode b) {
                if (b.payload().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                    int height = (int) Math.max(24, Math.min(255, b.heightMm() * DOTS_PER_MM));
                    out.add(new ReceiptElement.Barcode(b.payload(), height, 2, true, b.align()));
                } else {
                    text(out, b.payload(), new Style(Style.Size.NORMAL, false, b.align())); // Code 128 is ASCII only
                }
            } else if (item instanceof Resolved.Image i) {
                if (i.at().isEmpty()) {
                    image(out, i);
                }
            } else if (item instanceof Resolved.Table t) {
                table(out, t);
            } else if (item instanceof Resolved.Cut) {
                out.cut();
            }
            // a page break means nothing on a roll
        }
        return out.build();
    }

    private void text(ReceiptDocument.Builder out, String text, Style style) {
        int m = magnification(text, style.size());
        TextStyle ts = new TextStyle(style.align(), style.bold(), m, m);
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.isEmpty()) {
                out.text("", ts);
                continue;
            }
            for (String line : TextLayout.wrap(paragraph, Math.max(2, columns / m))) {
                out.text(line, ts);
            }
        }
    }

    private int magnification(String text, Style.Size size) {
        return switch (size) {
            case SMALL, NORMAL -> 1;
            case LARGE -> 2;
            case HUGE -> 3;
            case FIT -> {
                int width = DisplayWidth.of(text);
                int m = 4;
                while (m > 1 && width * m > columns) {
                    m--;
                }
                yield m;
            }
        };
    }

    private void table(ReceiptDocument.Builder out, Resolved.Table t) {
        int n = t.weights().size();
        int total = t.weights().stream().mapToInt(Integer::intValue).sum();
        int gaps = n - 1;
        int usable = columns - gaps;
        int[] widths = new int[n];
        int given = 0;
        for (int c = 0; c < n; c++) {
            widths[c] = Math.max(2, usable * t.weights().get(c) / total);
            given += widths[c];
        }
        widths[n - 1] += Math.max(0, usable - given);
        if (!t.headers().isEmpty()) {
            row(out, t.headers(), widths, t.aligns(), true);
            out.text("-".repeat(columns), TextStyle.NORMAL);
        }
        for (List<String> row : t.rows()) {
            row(out, row, widths, t.aligns(), false);
        }
    }

    private static void row(
            ReceiptDocument.Builder out, List<String> cells, int[] widths, List<Align> aligns, boolean bold) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            List<String> w = cell.isEmpty() ? List.of("") : TextLayout.wrap(cell, widths[c]);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        for (int l = 0; l < lines; l++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String part = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : "";
                sb.append(pad(part, widths[c], aligns.get(c)));
                if (c < widths.length - 1) {
                    sb.append(' ');
                }
            }
            out.text(sb.toString().stripTrailing(), TextStyle.NORMAL.withBold(bold));
        }
    }

    private static String pad(String text, int width, Align align) {
        int space = Math.max(0, width - DisplayWidth.of(text));
        return switch (align) {
            case LEFT -> text + " ".repeat(space);
            case RIGHT -> " ".repeat(space) + text;
            case CENTER -> " ".repeat(space / 2) + text + " ".repeat(space - space / 2);
        };
    }

    private void image(ReceiptDocument.Builder out, Resolved.Image i) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(i.png()));
        } catch (IOException e) {
            return; // checked when the template loaded
        }
        if (img == null) {
            return;
        }
        int width = (int) Math.min(columns * DOTS_PER_COLUMN, Math.round(i.widthMm() * DOTS_PER_MM));
        int height = Math.max(1, (int) Math.round((double) img.getHeight() * width / img.getWidth()));
        boolean[] dots = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = img.getRGB(x * img.getWidth() / width, y * img.getHeight() / height);
                int alpha = argb >>> 24;
                int lum = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
                dots[y * width + x] = alpha > 128 && lum < 128;
            }
        }
        out.add(new ReceiptElement.RasterImage(width, height, dots, i.align()));
    }
}
