package cn.egov.kiosk.device.idcard;

import java.io.IOException;

/**
 * A stand-in for a vendor's decoder, registered for the tests: a 102 × 126 photo (the card's size)
 * whose every pixel is a grey from the bytes, so that a test can tell which photo it shows. Refuses
 * anything but 1,024 bytes.
 */
public final class GreyPhotoDecoder implements PhotoDecoder {
    public static final int WIDTH = 102;
    public static final int HEIGHT = 126;

    @Override
    public String name() {
        return "grey test decoder";
    }

    @Override
    public DecodedPhoto decode(byte[] wlt) throws IOException {
        if (wlt.length != 1024) {
            throw new IOException("a card photo has 1024 bytes, not " + wlt.length);
        }
        int[] argb = new int[WIDTH * HEIGHT];
        for (int i = 0; i < argb.length; i++) {
            int grey = wlt[i % wlt.length] & 0xFF;
            argb[i] = 0xFF000000 | grey << 16 | grey << 8 | grey;
        }
        return new DecodedPhoto(WIDTH, HEIGHT, argb);
    }
}
