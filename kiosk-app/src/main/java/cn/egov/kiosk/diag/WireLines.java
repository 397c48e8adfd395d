package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.manage.WireMonitor;
import cn.egov.kiosk.diag.DeviceDiagnostics.WireLine;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The monitor's lines for a screen: a chunk the device manager's {@link WireMonitor} masked, cut
 * into rows of at most 16 bytes shown; a hidden part (the card's text, a code) is one token in its
 * row ({@code [文字 256 字节 已遮蔽]}, {@code *} in the text).
 */
final class WireLines {
    static final int PER_LINE = 16;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private WireLines() {}

    static List<WireLine> rows(WireMonitor.Line line, Locale locale) {
        List<WireLine> out = new ArrayList<>();
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int inRow = 0;
        for (FrameMasker.Part p : line.parts()) {
            if (p.isHidden()) {
                if (inRow >= PER_LINE) {
                    flush(out, line, hex, text);
                    inRow = 0;
                }
                separate(hex).append(p.kind().label(p.count(), locale));
                text.append("*".repeat(Math.min(p.count(), 3)));
                inRow += 4; // a token takes the room of a few bytes
                continue;
            }
            for (byte b : p.bytes()) {
                if (inRow >= PER_LINE) {
                    flush(out, line, hex, text);
                    inRow = 0;
                }
                separate(hex).append(HEX.toHexDigits(b));
                text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                inRow++;
            }
        }
        if (hex.length() > 0) {
            flush(out, line, hex, text);
        }
        return out;
    }

    private static StringBuilder separate(StringBuilder hex) {
        return hex.length() > 0 ? hex.append(' ') : hex;
    }

    private static void flush(List<WireLine> out, WireMonitor.Line line, StringBuilder hex, StringBuilder text) {
        out.add(new WireLine(line.at(), line.direction(), hex.toString(), text.toString()));
        hex.setLength(0);
        text.setLength(0);
    }
}
