package cn.egov.kiosk.device.idcard;

import java.util.Arrays;

/** The binary parts of a card (photo, fingerprint): copied in and out, overwritten on wipe. */
final class CardBytes {
    private final byte[] bytes;

    CardBytes(byte[] bytes) {
        this.bytes = bytes == null ? new byte[0] : bytes.clone();
    }

    byte[] copy() {
        return bytes.clone();
    }

    boolean isEmpty() {
        return bytes.length == 0;
    }

    void wipe() {
        Arrays.fill(bytes, (byte) 0);
    }
}
