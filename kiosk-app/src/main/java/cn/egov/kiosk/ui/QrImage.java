package cn.egov.kiosk.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A QR code as an image for the screen: black modules on white with a quiet zone, whole pixels per module. */
public final class QrImage {
    private QrImage() {}

    /** The QR code of {@code text}, about {@code size} pixels square (never smaller than the code needs). */
    public static WritableImage of(String text, int size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
        int scale = Math.max(1, size / m.getWidth());
        int w = m.getWidth() * scale;
        int h = m.getHeight() * scale;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return image;
    }
}
