package cn.egov.kiosk.device.payment.zvt;

import java.io.ByteArrayOutputStream;

/**
 * The serial framing of ZVT: {@code DLE STX}, the APDU with every DLE (0x10) doubled, {@code DLE
 * ETX}, then the CRC-16/KERMIT of the unstuffed APDU and ETX, low byte first (the CRC bytes are not
 * doubled). The receiver answers each frame with one byte, ACK or NAK. TCP carries bare APDUs.
 */
final class DleFrames {
    static final byte DLE = 0x10;
    static final byte STX = 0x02;
    static final byte ETX = 0x03;
    static final byte ACK = 0x06;
    static final byte NAK = 0x15;

    private DleFrames() {}

    /** The frame that carries {@code apdu}. */
    static byte[] frame(byte[] apdu) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(apdu.length + 8);
        out.write(DLE);
        out.write(STX);
        for (byte b : apdu) {
            out.write(b);
            if (b == DLE) {
                out.write(DLE);
            }
        }
        out.write(DLE);
        out.write(ETX);
        int crc = Crc16.ofFrame(apdu);
        out.write(crc & 0xFF);
        out.write(crc >> 8);
        return out.toByteArray();
    }
}
