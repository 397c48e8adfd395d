package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.text.Align;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One block of a template's body, as the file declares it. Every block may be limited to one
 * medium ({@code only: escpos} or {@code only: pdf}).
 */
public sealed interface Block {

    /** The media the block is printed on. */
    Set<Medium> media();

    /** A paragraph: wrapped to the width. */
    record Text(LocalText text, Style style, Set<Medium> media) implements Block {}

    /** A label and a value on one line ({@code 受理编号：A-2026-0001}), the value wrapped under it if long. */
    record Pair(LocalText label, LocalText value, Style style, Set<Medium> media) implements Block {}

    /** A horizontal line across the width. */
    record Rule(boolean dashed, Set<Medium> media) implements Block {}

    /** Blank lines. */
    record Feed(int lines, Set<Medium> media) implements Block {}

    /** A QR code; {@code sizeMm} is its width on a page (a thermal printer picks its module size). */
    record Qr(LocalText payload, double sizeMm, Align align, Optional<LocalText> caption, Set<Medium> media)
            implements Block {}

    /** A Code 128 barcode with its text under it. */
    record Barcode(LocalText payload, double heightMm, Align align, Set<Medium> media) implements Block {}

    /**
     * An image file next to the template (PNG): a logo in the flow, or placed at {@code at} (mm from
     * the page's top left) over what is there (an office's seal), with its own transparency.
     */
    record Image(String file, byte[] png, double widthMm, Align align, Optional<double[]> at, Set<Medium> media)
            implements Block {
        public Image {
            Objects.requireNonNull(png, "png");
        }
    }

    /** A table: one row per item of the list at {@code rows}; columns share the width by weight. */
    record Table(String rows, List<Column> columns, boolean header, Set<Medium> media) implements Block {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** A table column: header, the cell's text (in the row's scope), width weight, alignment. */
    record Column(LocalText header, LocalText value, int weight, Align align) {}

    /** The blocks inside, printed only when {@code path} holds something (or does not, with {@code negate}). */
    record When(String path, boolean negate, List<Block> blocks, Set<Medium> media) implements Block {
        public When {
            blocks = List.copyOf(blocks);
        }
    }

    /** The blocks inside, once per item of the list at {@code path}. */
    record Repeat(String path, List<Block> blocks, Set<Medium> media) implements Block {
        public Repeat {
            blocks = List.copyOf(blocks);
        }
    }

    /** Cuts the paper (a thermal printer; nothing on a page). */
    record Cut(Set<Medium> media) implements Block {}

    /** A new page (on a page; nothing on a thermal printer). */
    record PageBreak(Set<Medium> media) implements Block {}
}
