package cn.egov.kiosk.device.idcard.sam;

import java.io.ByteArrayOutputStream;

/**
 * Builds SAM frames. A frame is the preamble {@code AA AA AA 96 69}, a two-byte length (high byte
 * first) counting every byte after itself up to and including the checksum, the body, and the
 * checksum: the XOR of the length bytes and the body. A command's body is {@code CMD PARA [data]};
 * a response's is {@code SW1 SW2 SW3 [data]}.
 */
public final class SamFrames {
    private SamFrames() {}

    static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** The largest frame body a reader sends (text, photo and fingerprint with room to spare). */
    static final int MAX_LENGTH = 4096;

    /** A command frame. */
    public static byte[] command(SamCommand command, byte... data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) command.cmd();
        body[1] = (byte) command.para();
        System.arraycopy(data, 0, body, 2, data.length);
        return frame(body);
    }

    /** A response frame (for the virtual reader and tests). */
    public static byte[] response(int sw1, int sw2, int sw3, byte[] data) {
        byte[] body = new byte[3 + data.length];
        body[0] = (byte) sw1;
        body[1] = (byte) sw2;
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return frame(body);
    }

    /** Preamble, length, body, checksum. */
    public static byte[] frame(byte[] body) {
        int length = body.length + 1;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a frame body of " + body.length + " bytes does not fit (at most " + (MAX_LENGTH - 1) + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(PREAMBLE.length + 2 + length);
        out.writeBytes(PREAMBLE);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(body);
        out.write(checksum(length, body, 0, body.length));
        return out.toByteArray();
    }

    static int checksum(int length, byte[] body, int offset, int count) {
        int x = (length >> 8) ^ (length & 0xFF);
        for (int i = 0; i < count; i++) {
            x ^= body[offset + i] & 0xFF;
        }
        return x & 0xFF;
    }
}
