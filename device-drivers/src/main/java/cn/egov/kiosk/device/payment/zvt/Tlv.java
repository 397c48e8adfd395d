package cn.egov.kiosk.device.payment.zvt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The BER-TLV of ZVT's container (BMP 06), as far as the driver needs it: the text lines (tag 07)
 * of a print text block (06 D3), wherever they are nested (tag 25, print texts).
 */
final class Tlv {
    static final int TEXT_LINE = 0x07;
    static final int PRINT_TEXTS = 0x25;

    private Tlv() {}

    /** Adds the text of every tag 07 between {@code from} and {@code to}, descending into constructed tags. */
    static void collectText(byte[] data, int from, int to, Charset charset, List<String> into) {
        int at = from;
        try {
            while (at < to) {
                int first = data[at] & 0xFF;
                int tag = first;
                at++;
                if ((first & 0x1F) == 0x1F) { // a tag of more bytes
                    int b;
                    do {
                        if (at >= to) {
                            return;
                        }
                        b = data[at++] & 0xFF;
                        tag = tag << 8 | b;
                    } while ((b & 0x80) != 0);
                }
                int[] len = Bmp.berLength(data, at);
                at += len[1];
                int end = at + len[0];
                if (end > to) {
                    return; // cut short: what was read stands
                }
                if ((first & 0x20) != 0) {
                    collectText(data, at, end, charset, into);
                } else if (tag == TEXT_LINE) {
                    into.add(new String(data, at, len[0], charset));
                }
                at = end;
            }
        } catch (ZvtFormatException e) {
            // a broken length: the lines before it stand
        }
    }

    /** A tag with its value. */
    static byte[] of(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 4);
        out.write(tag);
        out.writeBytes(Bmp.berLength(value.length));
        out.writeBytes(value);
        return out.toByteArray();
    }
}
