package cn.egov.kiosk.common.document;

import cn.egov.kiosk.common.text.Align;
import java.util.Arrays;
import java.util.Objects;

/** One element of a receipt document. */
public sealed interface ReceiptElement {

    /** One line of text, printed with its style and followed by a line feed. */
    record Text(String text, TextStyle style) implements ReceiptElement {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("one line of text per element");
            }
        }
    }

    /** Blank paper: {@code lines} line feeds. */
    record Feed(int lines) implements ReceiptElement {
        public Feed {
            if (lines < 1 || lines > 255) {
                throw new IllegalArgumentException("feed 1..255 lines, not " + lines);
            }
        }
    }

    /** A QR code; {@code moduleSize} is the dot size of one module (1..16). */
    record QrCode(String payload, int moduleSize, ErrorCorrection errorCorrection, Align align)
            implements ReceiptElement {
        public QrCode {
            Objects.requireNonNull(payload, "payload");
            if (payload.isEmpty() || payload.length() > 7000) {
                throw new IllegalArgumentException("a QR payload of 1..7000 characters");
            }
            if (moduleSize < 1 || moduleSize > 16) {
                throw new IllegalArgumentException("QR module size 1..16, not " + moduleSize);
            }
        }
    }

    /**
     * A 1D barcode, Code 128 (code set B: printable ASCII), {@code height} dots high, with the
     * human-readable text under it when {@code textBelow}.
     */
    record Barcode(String payload, int height, int moduleWidth, boolean textBelow, Align align)
            implements ReceiptElement {
        public Barcode {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(align, "align");
            if (payload.isEmpty() || payload.length() > 253 || !payload.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("a Code 128 barcode holds 1..253 printable ASCII characters");
            }
            if (height < 1 || height > 255) {
                throw new IllegalArgumentException("barcode height 1..255 dots, not " + height);
            }
            if (moduleWidth < 2 || moduleWidth > 6) {
                throw new IllegalArgumentException("barcode module width 2..6 dots, not " + moduleWidth);
            }
        }
    }

    /**
     * A black-and-white raster image (a hall logo): {@code width × height} dots, row by row, {@code
     * true} for a black dot. Printed with {@code GS v 0}.
     */
    record RasterImage(int width, int height, boolean[] dots, Align align) implements ReceiptElement {
        public RasterImage {
            Objects.requireNonNull(dots, "dots");
            Objects.requireNonNull(align, "align");
            if (width < 1 || width > 2048 || height < 1 || height > 2048 || dots.length != width * height) {
                throw new IllegalArgumentException("an image of 1..2048 dots each way with width x height dots");
            }
            dots = dots.clone();
        }

        @Override
        public boolean[] dots() {
            return dots.clone();
        }

        /** Whether the dot at (x, y) is black. */
        public boolean black(int x, int y) {
            return dots[y * width + x];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RasterImage r
                    && r.width == width
                    && r.height == height
                    && r.align == align
                    && Arrays.equals(r.dots, dots);
        }

        @Override
        public int hashCode() {
            return Objects.hash(width, height, align, Arrays.hashCode(dots));
        }

        @Override
        public String toString() {
            return "RasterImage[" + width + "x" + height + ", " + align + "]";
        }
    }

    /** Feeds to the cutter and cuts: partially (a tab left holding) or fully. */
    record Cut(boolean partial) implements ReceiptElement {}

    /** QR error-correction level. */
    enum ErrorCorrection {
        L,
        M,
        Q,
        H
    }
}
