package cn.egov.kiosk.device.printer.escpos;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.document.ReceiptElement.ErrorCorrection;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.text.Align;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ESC/POS bytes back into a receipt document: what a person would find on the paper. Used by
 * the simulators to show what was printed, by the engineer's tools to explain captured bytes, and by
 * tests. Understands the commands the encoder writes plus {@code ESC !}; anything else is listed in
 * {@link Result#unknown()} and skipped.
 */
public final class EscPosDecoder {

    /** The decoded document, plus what else the bytes held. */
    public record Result(
            ReceiptDocument document, int initializations, List<Integer> statusRequests, List<String> unknown) {}

    public Result decode(byte[] bytes) {
        return new Parser(bytes).run();
    }

    private static final class Parser {
        final byte[] b;
        int i;
        final List<ReceiptElement> elements = new ArrayList<>();
        final List<Integer> statusRequests = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        int inits;
        Align align = Align.LEFT;
        boolean bold;
        int width = 1;
        int height = 1;
        TextStyle lineStyle;
        int qrSize = 3;
        ErrorCorrection qrEcc = ErrorCorrection.L;
        byte[] qrData;
        int barcodeHeight = 162;
        int barcodeModule = 3;
        boolean barcodeText;

        Parser(byte[] bytes) {
            this.b = bytes;
        }

        int u(int at) {
            return at < b.length ? b[at] & 0xFF : -1;
        }

        Result run() {
            while (i < b.length) {
                int c = u(i);
                switch (c) {
                    case 0x0A -> {
                        endLine();
                        i++;
                    }
                    case 0x0D -> i++;
                    case 0x10 -> dle();
                    case 0x1B -> esc();
                    case 0x1C -> fs();
                    case 0x1D -> gs();
                    default -> {
                        if (c < 0x20) {
                            unknown.add(String.format("control 0x%02X at %d", c, i));
                            i++;
                        } else {
                            if (line.size() == 0) {
                                lineStyle = new TextStyle(align, bold, width, height);
                            }
                            line.write(c);
                            i++;
                        }
                    }
                }
            }
            if (line.size() > 0) {
                unknown.add("text without a final line feed: printed only when the next line feed comes");
            }
            return new Result(new ReceiptDocument("decoded", elements), inits, statusRequests, unknown);
        }

        void endLine() {
            TextStyle style = line.size() == 0 ? new TextStyle(align, bold, width, height) : lineStyle;
            // alignment applies to the whole line when it is printed
            style = style.aligned(align);
            elements.add(new ReceiptElement.Text(new String(line.toByteArray(), EscPos.CHARSET), style));
            line.reset();
        }

        void dle() {
            if (u(i + 1) == 0x04 && u(i + 2) >= 1 && u(i + 2) <= 4) {
                statusRequests.add(u(i + 2));
                i += 3;
            } else {
                unknown.add(String.format("DLE 0x%02X at %d", u(i + 1), i));
                i += 2;
            }
        }

        void esc() {
            int cmd = u(i + 1);
            switch (cmd) {
                case '@' -> {
                    inits++;
                    line.reset();
                    align = Align.LEFT;
                    bold = false;
                    width = 1;
                    height = 1;
                    i += 2;
                }
                case 'E' -> {
                    bold = (u(i + 2) & 1) == 1;
                    i += 3;
                }
                case 'a' -> {
                    int n = u(i + 2);
                    align = switch (n) {
                        case 1, '1' -> Align.CENTER;
                        case 2, '2' -> Align.RIGHT;
                        default -> Align.LEFT;
                    };
                    i += 3;
                }
                case 'd' -> {
                    if (line.size() > 0) {
                        endLine();
                    }
                    int n = u(i + 2);
                    if (n > 0) {
                        elements.add(new ReceiptElement.Feed(n));
                    }
                    i += 3;
                }
                case '!' -> {
                    int n = u(i + 2);
                    bold = (n & 0x08) != 0;
                    height = (n & 0x10) != 0 ? 2 : 1;
                    width = (n & 0x20) != 0 ? 2 : 1;
                    i += 3;
                }
                default -> {
                    unknown.add(String.format("ESC 0x%02X at %d", cmd, i));
                    i += 2;
                }
            }
        }

        void fs() {
            int cmd = u(i + 1);
            if (cmd == '&' || cmd == '.') {
                i += 2; // Chinese mode on / off
            } else {
                unknown.add(String.format("FS 0x%02X at %d", cmd, i));
                i += 2;
            }
        }

        void gs() {
            int cmd = u(i + 1);
            switch (cmd) {
                case '!' -> {
                    int n = u(i + 2);
                    width = ((n >> 4) & 0x07) + 1;
                    height = (n & 0x07) + 1;
                    i += 3;
                }
                case 'V' -> {
                    int m = u(i + 2);
                    boolean partial = m == 1 || m == '1' || m == EscPos.CUT_PARTIAL_AFTER_FEED;
                    if (line.size() > 0) {
                        endLine();
                    }
                    elements.add(new ReceiptElement.Cut(partial));
                    i += (m == EscPos.CUT_FULL_AFTER_FEED || m == EscPos.CUT_PARTIAL_AFTER_FEED) ? 4 : 3;
                }
                case '(' -> gsParen();
                case 'h' -> {
                    barcodeHeight = u(i + 2);
                    i += 3;
                }
                case 'w' -> {
                    barcodeModule = u(i + 2);
                    i += 3;
                }
                case 'H' -> {
                    barcodeText = u(i + 2) != 0 && u(i + 2) != '0';
                    i += 3;
                }
                case 'k' -> barcode();
                case 'v' -> raster();
                default -> {
                    unknown.add(String.format("GS 0x%02X at %d", cmd, i));
                    i += 2;
                }
            }
        }

        /** {@code GS k 73 n {B data}}: Code 128; other symbologies are listed as unknown. */
        void barcode() {
            int m = u(i + 2);
            int n = u(i + 3);
            if (m != EscPos.BARCODE_CODE128 || n < 2 || i + 4 + n > b.length) {
                unknown.add(String.format("GS k 0x%02X at %d", m, i));
                i = m >= 65 && n >= 0 ? Math.min(b.length, i + 4 + n) : i + 3;
                return;
            }
            String data = new String(b, i + 4, n, StandardCharsets.US_ASCII);
            String payload = data.startsWith("{") ? data.substring(2) : data;
            if (line.size() > 0) {
                endLine();
            }
            try {
                elements.add(new ReceiptElement.Barcode(
                        payload,
                        Math.max(1, barcodeHeight),
                        Math.max(2, Math.min(6, barcodeModule)),
                        barcodeText,
                        align));
            } catch (IllegalArgumentException e) {
                unknown.add(String.format("GS k (not a Code 128 payload) at %d", i));
            }
            i += 4 + n;
        }

        /** {@code GS v 0 m xL xH yL yH d...}: a raster image. */
        void raster() {
            int rowBytes = u(i + 4) | (u(i + 5) << 8);
            int rows = u(i + 6) | (u(i + 7) << 8);
            int start = i + 8;
            if (u(i + 2) != '0' || rowBytes <= 0 || rows <= 0 || start + (long) rowBytes * rows > b.length) {
                unknown.add(String.format("GS v at %d", i));
                i = b.length;
                return;
            }
            int w = rowBytes * 8;
            boolean[] dots = new boolean[w * rows];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < w; x++) {
                    dots[y * w + x] = (b[start + y * rowBytes + x / 8] & (0x80 >> (x % 8))) != 0;
                }
            }
            if (line.size() > 0) {
                endLine();
            }
            elements.add(new ReceiptElement.RasterImage(w, rows, dots, align));
            i = start + rowBytes * rows;
        }

        void gsParen() {
            int kind = u(i + 2);
            int len = u(i + 3) | (u(i + 4) << 8);
            int start = i + 5;
            if (kind != 'k' || len < 2 || start + len > b.length) {
                unknown.add(String.format("GS ( 0x%02X at %d", kind, i));
                i = Math.min(b.length, start + Math.max(len, 0));
                return;
            }
            int cn = u(start);
            int fn = u(start + 1);
            if (cn == EscPos.QR_CN) {
                switch (fn) {
                    case EscPos.QR_SIZE -> qrSize = u(start + 2);
                    case EscPos.QR_ECC -> qrEcc = ErrorCorrection.values()[Math.max(0, Math.min(3, u(start + 2) - 48))];
                    case EscPos.QR_STORE -> {
                        if (len < 3) {
                            unknown.add("QR store without its header at " + i);
                        } else {
                            qrData = new byte[len - 3];
                            System.arraycopy(b, start + 3, qrData, 0, len - 3);
                        }
                    }
                    case EscPos.QR_PRINT -> qrPrint();
                    default -> {} // model selection and the like
                }
            } else {
                unknown.add(String.format("GS ( k cn=%d fn=%d at %d", cn, fn, i));
            }
            i = start + len;
        }

        /** A QR code from what was stored; what a document cannot hold is reported, not thrown. */
        void qrPrint() {
            if (qrData == null) {
                unknown.add("QR print with nothing stored at " + i);
                return;
            }
            String payload = new String(qrData, EscPos.CHARSET);
            if (payload.isEmpty() || payload.length() > 7000) {
                unknown.add("QR print of " + payload.length() + " characters at " + i);
                return;
            }
            if (line.size() > 0) {
                endLine();
            }
            int size = Math.max(1, Math.min(16, qrSize)); // printers take module sizes 1..16
            elements.add(new ReceiptElement.QrCode(payload, size, qrEcc, align));
        }
    }
}
