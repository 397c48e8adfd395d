package cn.egov.kiosk.print.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A print template, as loaded from its file: what it is called, what paper it is made for, which
 * data fields are personal (and so must go through a mask formatter, or {@code full} on purpose),
 * the page's set-up for PDF, and the body.
 *
 * @param paper the paper it is made for: {@code receipt} (thermal roll), {@code a4}, {@code a5}
 * @param personal data paths that hold personal data
 */
public record Template(
        String name, LocalText title, Paper paper, Set<String> personal, Page page, List<Block> body, Path source) {

    public Template {
        personal = Set.copyOf(personal);
        body = List.copyOf(body);
    }

    /** Paper sizes. */
    public enum Paper {
        RECEIPT,
        A4,
        A5;

        /** Width and height in millimetres (a receipt's height grows with its content). */
        public double widthMm() {
            return switch (this) {
                case RECEIPT -> 80;
                case A4 -> 210;
                case A5 -> 148;
            };
        }

        public double heightMm() {
            return switch (this) {
                case RECEIPT -> 0;
                case A4 -> 297;
                case A5 -> 210;
            };
        }
    }

    /**
     * A page's set-up (PDF): margins, base font size, a watermark across every page, "page N of M"
     * in the footer.
     */
    public record Page(double marginMm, double fontPt, Optional<LocalText> watermark, boolean pageNumbers) {
        public static final Page DEFAULT = new Page(18, 11, Optional.empty(), false);
    }
}
