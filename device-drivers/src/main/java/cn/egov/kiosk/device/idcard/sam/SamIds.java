package cn.egov.kiosk.device.idcard.sam;

/**
 * The SAM's id as readers print it: 16 bytes (two little-endian 16-bit numbers, three
 * little-endian 32-bit numbers) as {@code 05.01-20101220-0012345678-1234567890}.
 */
public final class SamIds {
    private SamIds() {}

    public static String format(byte[] data) {
        if (data.length < 16) {
            return "";
        }
        return String.format(
                "%02d.%02d-%08d-%010d-%010d", u16(data, 0), u16(data, 2), u32(data, 4), u32(data, 8), u32(data, 12));
    }

    /** The 16 bytes of an id (for the virtual reader). */
    public static byte[] bytes(int a, int b, long c, long d, long e) {
        byte[] out = new byte[16];
        put16(out, 0, a);
        put16(out, 2, b);
        put32(out, 4, c);
        put32(out, 8, d);
        put32(out, 12, e);
        return out;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void put32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }
}
