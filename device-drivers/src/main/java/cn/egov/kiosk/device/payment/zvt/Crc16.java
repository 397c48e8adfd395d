package cn.egov.kiosk.device.payment.zvt;

/**
 * CRC-16/KERMIT, the check of a ZVT serial frame: reflected polynomial 0x8408, initial value 0, no
 * final XOR, over the unstuffed APDU followed by ETX (0x03). Sent low byte first.
 */
final class Crc16 {
    private Crc16() {}

    /** Continues {@code crc} over {@code length} bytes of {@code data} from {@code offset}. */
    static int kermit(int crc, byte[] data, int offset, int length) {
        int c = crc & 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            c ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x8408 : c >>> 1;
            }
        }
        return c;
    }

    /** The check of a frame holding {@code apdu}: over the APDU and ETX. */
    static int ofFrame(byte[] apdu) {
        return kermit(kermit(0, apdu, 0, apdu.length), new byte[] {DleFrames.ETX}, 0, 1);
    }
}
