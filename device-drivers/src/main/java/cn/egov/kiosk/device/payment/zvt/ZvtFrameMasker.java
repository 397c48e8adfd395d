package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * ZVT, masked: each APDU (bare over TCP, or in its {@code DLE STX ... DLE ETX CRC} frame on a serial
 * line, shown unstuffed) keeps its class, instruction, length and the tags of its fields; the card
 * number (BMP 22), track data (23, 24, 2D), expiry date (0E), free text (3C), TLV containers (06)
 * and printed receipt lines ({@code 06 D1}, {@code 06 D3}) are hidden. An APDU is shown once all of
 * it has passed (its bytes wait until then); bytes that are no APDU are hidden.
 */
public final class ZvtFrameMasker implements FrameMasker {
    private static final int MAX_PENDING = 5 + Apdu.MAX_DATA + 16;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream in = new ByteArrayOutputStream();
    private boolean serial;

    @Override
    public List<Part> mask(WireTap.Direction direction, byte[] data) {
        ByteArrayOutputStream pending = direction == WireTap.Direction.OUT ? out : in;
        pending.writeBytes(data);
        byte[] bytes = pending.toByteArray();
        Builder parts = new Builder();
        int at = 0;
        while (at < bytes.length) {
            int used = unit(bytes, at, parts);
            if (used == 0) {
                break;
            }
            at += used;
        }
        pending.reset();
        if (bytes.length - at > MAX_PENDING) {
            parts.hide(Hidden.UNRECOGNISED, bytes.length - at);
        } else {
            pending.write(bytes, at, bytes.length - at);
        }
        return parts.build();
    }

    /** Shows the unit at {@code at} and returns its size; 0 when it has not all come. */
    private int unit(byte[] b, int at, Builder parts) {
        int left = b.length - at;
        if (b[at] == DleFrames.DLE) {
            if (left < 2) {
                return 0;
            }
            if (b[at + 1] != DleFrames.STX) {
                parts.hide(Hidden.UNRECOGNISED);
                return 1;
            }
            serial = true;
            ByteArrayOutputStream apdu = new ByteArrayOutputStream();
            int i = at + 2;
            while (i + 1 < b.length) {
                if (b[i] == DleFrames.DLE && b[i + 1] == DleFrames.DLE) {
                    apdu.write(DleFrames.DLE);
                    i += 2;
                } else if (b[i] == DleFrames.DLE && b[i + 1] == DleFrames.ETX) {
                    if (i + 4 > b.length) {
                        return 0; // the CRC has not come
                    }
                    parts.show(b, at, 2);
                    apdu(apdu.toByteArray(), parts);
                    parts.show(b, i, 4);
                    return i + 4 - at;
                } else {
                    apdu.write(b[i]);
                    i++;
                }
            }
            return 0;
        }
        if (serial && (b[at] == DleFrames.ACK || b[at] == DleFrames.NAK)) {
            parts.show(b[at]);
            return 1;
        }
        int total = Apdu.totalLength(b, at, left);
        if (total < 0 || total > left) {
            return 0;
        }
        byte[] apdu = new byte[total];
        System.arraycopy(b, at, apdu, 0, total);
        apdu(apdu, parts);
        return total;
    }

    private static void apdu(byte[] a, Builder parts) {
        int header = a.length >= 3 && (a[2] & 0xFF) == Apdu.EXTENDED_LENGTH ? 5 : 3;
        if (a.length < header) {
            parts.hide(Hidden.UNRECOGNISED, a.length);
            return;
        }
        parts.show(a, 0, header);
        int code = (a[0] & 0xFF) << 8 | a[1] & 0xFF;
        switch (code) {
            case 0x8000, 0x060F, 0x061E, 0x04FF -> parts.show(a, header, a.length - header);
            case 0x06D1, 0x06D3 -> parts.hide(Hidden.RECEIPT_TEXT, a.length - header);
            default -> {
                if ((a[0] & 0xFF) == 0x84) {
                    parts.show(a, header, a.length - header); // a refusal: its code
                } else {
                    fields(a, header, parts);
                }
            }
        }
    }

    /** The BMP fields (walked by {@link BmpFields#span}): tags and length prefixes shown, personal values hidden. */
    private static void fields(byte[] a, int at, Builder parts) {
        try {
            while (at < a.length) {
                BmpFields.Span field = BmpFields.span(a, at);
                int bmp = field.bmp();
                if (!field.lengthKnown()) {
                    parts.show(bmp);
                    parts.hide(Hidden.DATA, a.length - at - 1);
                    return;
                }
                int start = field.start();
                int end = Math.min(a.length, field.end());
                parts.show(a, at, start - at);
                Hidden hidden = hiddenKind(bmp);
                if (hidden == null) {
                    parts.show(a, start, end - start);
                } else {
                    parts.hide(hidden, end - start);
                }
                at = end;
            }
        } catch (ZvtFormatException e) {
            parts.hide(Hidden.DATA, a.length - at);
        }
    }

    private static Hidden hiddenKind(int bmp) {
        return switch (bmp) {
            case Bmp.PAN -> Hidden.CARD_NUMBER;
            case 0x23, 0x24, 0x2D -> Hidden.TRACK;
            case 0x0E -> Hidden.EXPIRY;
            case Bmp.ADDITIONAL_TEXT -> Hidden.RECEIPT_TEXT;
            case Bmp.TLV -> Hidden.DATA;
            default -> null;
        };
    }
}
