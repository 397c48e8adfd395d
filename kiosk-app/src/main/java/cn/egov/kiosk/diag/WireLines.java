package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.WireTap;
import cn.egov.kiosk.device.link.WireTapQueue;
import cn.egov.kiosk.diag.DeviceDiagnostics.WireLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chunks of a device's link made into the monitor's lines: 16 bytes a line, hex and text, with
 * personal data masked by device class. What a card reader answers beyond its frame's header and
 * status (the card's text, photo, numbers) is masked; so is what a scanner reads (a login or
 * payment code) and every run of eight or more digits a payment terminal sends (a card number).
 * Printers' and commands' bytes are shown as they are (what the kiosk prints is masked already).
 */
final class WireLines {
    static final int PER_LINE = 16;
    /** What a card reader's answer keeps in clear: the SAM preamble, length and status (10 bytes). */
    static final int CARD_ANSWER_HEADER = 10;

    private final DeviceClass deviceClass;

    WireLines(DeviceClass deviceClass) {
        this.deviceClass = deviceClass;
    }

    /** One chunk as lines, masked. */
    List<WireLine> lines(WireTapQueue.Chunk chunk) {
        byte[] data = chunk.data();
        boolean[] masked = mask(chunk.direction(), data);
        List<WireLine> out = new ArrayList<>();
        for (int start = 0; start < data.length; start += PER_LINE) {
            int end = Math.min(data.length, start + PER_LINE);
            StringBuilder hex = new StringBuilder(PER_LINE * 3);
            StringBuilder text = new StringBuilder(PER_LINE);
            for (int i = start; i < end; i++) {
                if (i > start) {
                    hex.append(' ');
                }
                int b = data[i] & 0xFF;
                if (masked[i]) {
                    hex.append("**");
                    text.append('*');
                } else {
                    hex.append(String.format(Locale.ROOT, "%02X", b));
                    text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                }
            }
            out.add(new WireLine(chunk.at(), chunk.direction(), hex.toString(), text.toString()));
        }
        return out;
    }

    private boolean[] mask(WireTap.Direction direction, byte[] data) {
        boolean[] masked = new boolean[data.length];
        if (direction != WireTap.Direction.IN) {
            return masked;
        }
        switch (deviceClass) {
            case ID_CARD_READER, SMART_CARD_READER -> {
                for (int i = CARD_ANSWER_HEADER; i < data.length; i++) {
                    masked[i] = true;
                }
            }
            case BARCODE_SCANNER -> {
                for (int i = 0; i < data.length; i++) {
                    masked[i] = data[i] != '\r' && data[i] != '\n';
                }
            }
            case PAYMENT_TERMINAL -> maskDigitRuns(data, masked);
            case RECEIPT_PRINTER, DOCUMENT_PRINTER -> {}
        }
        return masked;
    }

    /** Runs of eight or more ASCII (or BCD-packed) digits: a card number. */
    private static void maskDigitRuns(byte[] data, boolean[] masked) {
        int run = 0;
        for (int i = 0; i <= data.length; i++) {
            boolean digit = i < data.length && isDigitByte(data[i]);
            if (digit) {
                run++;
            } else {
                if (run >= 8) {
                    for (int j = i - run; j < i; j++) {
                        masked[j] = true;
                    }
                }
                run = 0;
            }
        }
    }

    private static boolean isDigitByte(byte b) {
        int v = b & 0xFF;
        return (v >= '0' && v <= '9') || ((v >> 4) <= 9 && (v & 0x0F) <= 9 && v >= 0x10);
    }
}
