package cn.egov.kiosk.device.printer.escpos;

import static cn.egov.kiosk.device.printer.escpos.EscPos.ESC;
import static cn.egov.kiosk.device.printer.escpos.EscPos.GS;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement;
import cn.egov.kiosk.common.document.ReceiptElement.Barcode;
import cn.egov.kiosk.common.document.ReceiptElement.Cut;
import cn.egov.kiosk.common.document.ReceiptElement.Feed;
import cn.egov.kiosk.common.document.ReceiptElement.QrCode;
import cn.egov.kiosk.common.document.ReceiptElement.RasterImage;
import cn.egov.kiosk.common.document.ReceiptElement.Text;
import cn.egov.kiosk.common.document.TextStyle;
import cn.egov.kiosk.common.text.Align;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a receipt document as ESC/POS: initialise, Chinese mode, then per element alignment
 * ({@code ESC a}), bold ({@code ESC E}), size ({@code GS !}), GB18030 text and a line feed; QR
 * codes with {@code GS ( k} (model 2); Code 128 barcodes with {@code GS h/w/H} and {@code GS k 73};
 * raster images with {@code GS v 0}; feeds with {@code ESC d}; cuts with {@code GS V}. Modes are
 * only sent when they change.
 */
public final class EscPosEncoder {

    /** The bytes for a document, starting with {@code ESC @}. */
    public byte[] encode(ReceiptDocument document) {
        Writer w = new Writer();
        w.bytes(EscPos.INITIALIZE);
        w.bytes(EscPos.CHINESE_MODE);
        for (ReceiptElement element : document.elements()) {
            if (element instanceof Text t) {
                w.text(t);
            } else if (element instanceof Feed f) {
                w.bytes(ESC, 'd', f.lines());
            } else if (element instanceof QrCode q) {
                w.qr(q);
            } else if (element instanceof Barcode bc) {
                w.barcode(bc);
            } else if (element instanceof RasterImage r) {
                w.raster(r);
            } else if (element instanceof Cut c) {
                w.bytes(GS, 'V', c.partial() ? EscPos.CUT_PARTIAL_AFTER_FEED : EscPos.CUT_FULL_AFTER_FEED, 0);
            }
        }
        return w.out.toByteArray();
    }

    /**
     * Text with control characters (ESC, GS, DLE...) replaced by spaces: data that reaches a ticket
     * (a hall name, a citizen's input) can never smuggle a printer command in.
     */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(cp < 0x20 || cp == 0x7F ? ' ' : cp));
        return sb.toString();
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        Align align = Align.LEFT;
        boolean bold;
        int size; // GS ! argument

        void bytes(byte[] b) {
            out.writeBytes(b);
        }

        void bytes(int... values) {
            for (int v : values) {
                out.write(v);
            }
        }

        void align(Align a) {
            if (a != align) {
                bytes(ESC, 'a', a.ordinal());
                align = a;
            }
        }

        void text(Text t) {
            TextStyle s = t.style();
            align(s.align());
            if (s.bold() != bold) {
                bytes(ESC, 'E', s.bold() ? 1 : 0);
                bold = s.bold();
            }
            int n = ((s.width() - 1) << 4) | (s.height() - 1);
            if (n != size) {
                bytes(GS, '!', n);
                size = n;
            }
            out.writeBytes(printable(t.text()).getBytes(EscPos.CHARSET));
            out.write(EscPos.LF);
        }

        void barcode(Barcode bc) {
            align(bc.align());
            bytes(GS, 'h', bc.height());
            bytes(GS, 'w', bc.moduleWidth());
            bytes(GS, 'H', bc.textBelow() ? 2 : 0);
            byte[] data = ("{B" + bc.payload()).getBytes(StandardCharsets.US_ASCII);
            bytes(GS, 'k', EscPos.BARCODE_CODE128, data.length);
            out.writeBytes(data);
        }

        void raster(RasterImage r) {
            align(r.align());
            int rowBytes = (r.width() + 7) / 8;
            bytes(GS, 'v', '0', 0, rowBytes & 0xFF, rowBytes >> 8, r.height() & 0xFF, r.height() >> 8);
            for (int y = 0; y < r.height(); y++) {
                for (int xb = 0; xb < rowBytes; xb++) {
                    int v = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        int x = xb * 8 + bit;
                        if (x < r.width() && r.black(x, y)) {
                            v |= 0x80 >> bit;
                        }
                    }
                    out.write(v);
                }
            }
        }

        void qr(QrCode q) {
            align(q.align());
            byte[] data = q.payload().getBytes(EscPos.CHARSET);
            bytes(GS, '(', 'k', 4, 0, EscPos.QR_CN, EscPos.QR_MODEL, 50, 0); // model 2
            bytes(GS, '(', 'k', 3, 0, EscPos.QR_CN, EscPos.QR_SIZE, q.moduleSize());
            bytes(
                    GS,
                    '(',
                    'k',
                    3,
                    0,
                    EscPos.QR_CN,
                    EscPos.QR_ECC,
                    48 + q.errorCorrection().ordinal());
            int len = data.length + 3;
            bytes(GS, '(', 'k', len & 0xFF, (len >> 8) & 0xFF, EscPos.QR_CN, EscPos.QR_STORE, 48);
            out.writeBytes(data);
            bytes(GS, '(', 'k', 3, 0, EscPos.QR_CN, EscPos.QR_PRINT, 48);
        }
    }
}
