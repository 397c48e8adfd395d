package cn.egov.kiosk.device.scanner.serial;

import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import java.util.List;

/**
 * A scanner in serial mode, masked: a code (a payment code, the province app's login code, a
 * receipt's query code) is shown as its length only; the line ends (CR, LF) stay, so an engineer
 * still sees each code arrive and its size. What the kiosk sends (a trigger) is shown.
 */
public final class ScannerFrameMasker implements FrameMasker {
    @Override
    public List<Part> mask(WireTap.Direction direction, byte[] data) {
        if (direction == WireTap.Direction.OUT) {
            return List.of(Part.shown(data));
        }
        Builder parts = new Builder();
        for (byte b : data) {
            if (b == '\r' || b == '\n') {
                parts.show(b);
            } else {
                parts.hide(Hidden.CODE);
            }
        }
        return parts.build();
    }
}
