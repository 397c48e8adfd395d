package cn.egov.kiosk.print.page;

import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.print.pdf.ArchivalPdf;
import cn.egov.kiosk.print.pdf.CjkFont;
import cn.egov.kiosk.print.pdf.PageLabel;
import cn.egov.kiosk.print.pdf.PaperSize;
import cn.egov.kiosk.print.pdf.PdfMetadata;
import cn.egov.kiosk.print.pdf.PdfPage;
import cn.egov.kiosk.print.pdf.TextStyle;
import cn.egov.kiosk.print.template.Resolved;
import cn.egov.kiosk.print.template.Style;
import cn.egov.kiosk.print.template.Template;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Lays a resolved template out on A4 or A5 pages as an archival PDF (PDF/A-2b): blocks flow from
 * the top margin down and onto new pages; tables repeat their header on a new page; images placed
 * {@code at} a spot (a seal) are drawn over the page where they are; the watermark lies under each
 * page's content; "page N of M" in the footer. A template made for the receipt roll prints on A4.
 */
public final class PageRenderer {
    private static final Color GREY = new Color(0x80, 0x80, 0x80);
    private static final float WATERMARK_OPACITY = 0.12f;

    private final Path fontFile;

    /** @param fontFile the CJK TrueType font (see {@link CjkFont#locate}) */
    public PageRenderer(Path fontFile) {
        this.fontFile = fontFile;
    }

    /** The PDF of {@code doc}, issued by {@code author} (the office or the hall). */
    public byte[] render(Resolved doc, String author, Locale locale) throws IOException {
        PaperSize size = doc.paper() == Template.Paper.A5 ? PaperSize.A5 : PaperSize.A4;
        PdfMetadata meta = new PdfMetadata(doc.title(), author, null, locale.toLanguageTag(), ZonedDateTime.now());
        try (ArchivalPdf pdf = ArchivalPdf.create(meta, fontFile)) {
            Layout layout = new Layout(pdf, size, doc);
            layout.newPage();
            for (Resolved.Item item : doc.items()) {
                layout.place(item);
            }
            layout.closePage();
            if (doc.page().pageNumbers()) {
                PageLabel label = locale.getLanguage().equals("zh") ? PageLabel.CHINESE : PageLabel.ENGLISH;
                pdf.numberPages(
                        label,
                        TextStyle.regular((float) doc.page().fontPt() * 0.75f).withColor(GREY),
                        PaperSize.mm((float) doc.page().marginMm()) / 2);
            }
            return pdf.toBytes();
        }
    }

    /** The cursor down the pages. */
    private static final class Layout {
        final ArchivalPdf pdf;
        final PaperSize size;
        final Resolved doc;
        final float margin;
        final float base;
        final float left;
        final float width;
        final float bottom;
        PdfPage page;
        float y;

        Layout(ArchivalPdf pdf, PaperSize size, Resolved doc) {
            this.pdf = pdf;
            this.size = size;
            this.doc = doc;
            this.margin = PaperSize.mm((float) doc.page().marginMm());
            this.base = (float) doc.page().fontPt();
            this.left = margin;
            this.width = size.width() - 2 * margin;
            this.bottom = margin + (doc.page().pageNumbers() ? base * 1.2f : 0);
        }

        void newPage() throws IOException {
            closePage();
            page = pdf.addPage(size);
            y = size.height() - margin;
            if (doc.watermark().isPresent()) {
                page.watermark(
                        drawable(doc.watermark().get()),
                        TextStyle.bold(Math.min(
                                72,
                                size.width() / Math.max(4, doc.watermark().get().length()) * 1.1f)),
                        WATERMARK_OPACITY);
            }
        }

        void closePage() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }

        /** Room for {@code height} points below the cursor, on this page or a new one. */
        void need(float height) throws IOException {
            if (y - height < bottom && y < size.height() - margin - 1) {
                newPage();
            }
        }

        float points(Style.Size s, String text) {
            return switch (s) {
                case SMALL -> base * 0.85f;
                case NORMAL -> base;
                case LARGE -> base * 1.4f;
                case HUGE -> base * 2f;
                case FIT -> {
                    float pt = base * 2.4f;
                    while (pt > base && pdf.font().width(text, pt) > width) {
                        pt -= 1;
                    }
                    yield pt;
                }
            };
        }

        static TextStyle style(float pt, boolean bold) {
            return bold ? TextStyle.bold(pt) : TextStyle.regular(pt);
        }

        static Align align(Align a) {
            return switch (a) {
                case LEFT -> Align.LEFT;
                case CENTER -> Align.CENTER;
                case RIGHT -> Align.RIGHT;
            };
        }

        /**
         * The text with every character the font has no glyph for replaced by □ (PDF/A forbids drawing
         * a missing glyph; a rare character in a name must not stop the document).
         */
        String drawable(String text) {
            if (pdf.font().canDraw(text)) {
                return text;
            }
            StringBuilder sb = new StringBuilder(text.length());
            String box = pdf.font().canDraw("□") ? "□" : "?";
            text.codePoints().forEach(cp -> {
                String one = new String(Character.toChars(cp));
                sb.append(cp == '\n' || pdf.font().canDraw(one) ? one : box);
            });
            return sb.toString();
        }

        void place(Resolved.Item item) throws IOException {
            if (item instanceof Resolved.Text t) {
                String text = drawable(t.text());
                float pt = points(t.style().size(), text);
                paragraph(
                        text,
                        left,
                        width,
                        align(t.style().align()),
                        style(pt, t.style().bold()),
                        pt * 1.45f);
            } else if (item instanceof Resolved.Pair p) {
                pair(new Resolved.Pair(drawable(p.label()), drawable(p.value()), p.style()));
            } else if (item instanceof Resolved.Rule r) {
                need(base);
                page.rule(
                        left, left + width, y - base * 0.5f, r.dashed() ? 0.4f : 0.9f, r.dashed() ? GREY : Color.BLACK);
                y -= base;
            } else if (item instanceof Resolved.Feed f) {
                y -= f.lines() * base * 1.45f;
            } else if (item instanceof Resolved.Qr q) {
                qr(q);
            } else if (item instanceof Resolved.Barcode b) {
                barcode(b);
            } else if (item instanceof Resolved.Image i) {
                image(i);
            } else if (item instanceof Resolved.Table t) {
                table(t);
            } else if (item instanceof Resolved.PageBreak) {
                newPage();
            }
            // a cut means nothing on a page
        }

        void paragraph(String text, float x, float w, Align a, TextStyle ts, float lineHeight) throws IOException {
            List<String> lines = pdf.font().wrap(text, ts.size(), w);
            for (String line : lines) { // line by line, so that a long text flows onto the next page
                need(lineHeight);
                y = page.paragraph(line, x, y, w, a, ts, lineHeight);
            }
            if (lines.isEmpty()) {
                y -= lineHeight;
            }
        }

        void pair(Resolved.Pair p) throws IOException {
            float pt = points(p.style().size(), p.label() + p.value());
            TextStyle labelStyle = style(pt, true);
            TextStyle valueStyle = style(pt, p.style().bold());
            float lineHeight = pt * 1.45f;
            float labelWidth = Math.min(width * 0.4f, pdf.font().width(p.label(), pt) + pt * 0.3f);
            List<String> lines = pdf.font().wrap(p.value(), pt, width - labelWidth);
            need(lineHeight);
            float top = y;
            page.paragraph(p.label(), left, top, labelWidth, Align.LEFT, labelStyle, lineHeight);
            for (String line : lines.isEmpty() ? List.of("") : lines) {
                need(lineHeight);
                y = page.paragraph(line, left + labelWidth, y, width - labelWidth, Align.LEFT, valueStyle, lineHeight);
            }
        }

        float xFor(Align a, float w) {
            return switch (a) {
                case LEFT -> left;
                case CENTER -> left + (width - w) / 2;
                case RIGHT -> left + width - w;
            };
        }

        void qr(Resolved.Qr q) throws IOException {
            float s = PaperSize.mm((float) q.sizeMm());
            float caption = q.caption().isPresent() ? base * 1.6f : 0;
            need(s + caption);
            float x = xFor(q.align(), s);
            page.qrCode(q.payload(), x, y - s, s);
            y -= s;
            if (q.caption().isPresent()) {
                paragraph(
                        drawable(q.caption().get()),
                        left,
                        width,
                        align(q.align()),
                        TextStyle.regular(base * 0.85f),
                        base * 1.3f);
            }
        }

        void barcode(Resolved.Barcode b) throws IOException {
            float h = PaperSize.mm((float) b.heightMm());
            float w = Math.min(width, PdfPage.code128Width(b.payload(), 1.0f)); // 1 pt bars scan from a 150 dpi image
            need(h + base * 1.5f);
            page.code128(b.payload(), xFor(b.align(), w), y - h, w, h);
            y -= h;
            paragraph(b.payload(), left, width, align(b.align()), TextStyle.regular(base * 0.85f), base * 1.3f);
        }

        void image(Resolved.Image i) throws IOException {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(i.png()));
            if (img == null) {
                return; // checked when the template loaded
            }
            float w = PaperSize.mm((float) i.widthMm());
            float h = w * img.getHeight() / img.getWidth();
            if (i.at().isPresent()) {
                double[] at = i.at().get();
                page.image(i.png(), PaperSize.mm((float) at[0]), size.height() - PaperSize.mm((float) at[1]) - h, w, h);
                return;
            }
            need(h);
            page.image(i.png(), xFor(i.align(), w), y - h, w, h);
            y -= h + base * 0.4f;
        }

        void table(Resolved.Table t) throws IOException {
            int total = t.weights().stream().mapToInt(Integer::intValue).sum();
            float[] widths = new float[t.weights().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = width * t.weights().get(c) / total;
            }
            TextStyle body = TextStyle.regular(base);
            TextStyle head = TextStyle.bold(base);
            float padding = base * 0.35f;
            boolean headerOnThisPage = false;
            List<List<String>> rows = new ArrayList<>(t.rows());
            if (!t.headers().isEmpty()) {
                need(base * 3);
                y -= page.tableRow(
                        left,
                        y,
                        widths,
                        t.headers().stream().map(this::drawable).toList(),
                        head,
                        padding,
                        true);
                headerOnThisPage = true;
            }
            for (List<String> raw : rows) {
                List<String> row = raw.stream().map(this::drawable).toList();
                float estimate = rowHeight(row, widths, padding);
                if (y - estimate < bottom) {
                    newPage();
                    headerOnThisPage = false;
                }
                if (!headerOnThisPage && !t.headers().isEmpty()) {
                    y -= page.tableRow(
                            left,
                            y,
                            widths,
                            t.headers().stream().map(this::drawable).toList(),
                            head,
                            padding,
                            true);
                    headerOnThisPage = true;
                }
                y -= page.tableRow(left, y, widths, row, body, padding, true);
            }
            y -= base * 0.5f;
        }

        float rowHeight(List<String> row, float[] widths, float padding) {
            int lines = 1;
            for (int c = 0; c < widths.length && c < row.size(); c++) {
                lines = Math.max(
                        lines,
                        pdf.font()
                                .wrap(row.get(c), base, widths[c] - 2 * padding)
                                .size());
            }
            return lines * base * 1.45f + 2 * padding;
        }
    }
}
