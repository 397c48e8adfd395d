package cn.egov.kiosk.device.payment.zvt;

import java.util.Arrays;
import java.util.Locale;

/**
 * One ZVT application protocol data unit: {@code CLASS INSTR LEN DATA}. A length of 255 or more is
 * written as {@code FF} and two bytes little-endian. The data may hold a card number: {@link
 * #toString()} names the message and its size only.
 */
final class Apdu {
    /** The length byte that says "two bytes of length follow". */
    static final int EXTENDED_LENGTH = 0xFF;
    /** The largest data an APDU can carry. */
    static final int MAX_DATA = 0xFFFF;

    private final int cls;
    private final int instr;
    private final byte[] data;

    Apdu(int cls, int instr, byte[] data) {
        if (cls < 0 || cls > 0xFF || instr < 0 || instr > 0xFF) {
            throw new IllegalArgumentException("CLASS and INSTR are bytes: " + cls + ", " + instr);
        }
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("at most " + MAX_DATA + " bytes of data, not " + data.length);
        }
        this.cls = cls;
        this.instr = instr;
        this.data = data.clone();
    }

    static Apdu of(int cls, int instr, byte... data) {
        return new Apdu(cls, instr, data);
    }

    /** {@code CLASS << 8 | INSTR}, as {@link ZvtCommand} numbers them. */
    int code() {
        return cls << 8 | instr;
    }

    int cls() {
        return cls;
    }

    int instr() {
        return instr;
    }

    boolean is(ZvtCommand command) {
        return code() == command.code();
    }

    /** A copy of the data. */
    byte[] data() {
        return data.clone();
    }

    int dataLength() {
        return data.length;
    }

    /** The data byte at {@code index}, 0 to 255; -1 beyond the data. */
    int dataByte(int index) {
        return index < data.length ? data[index] & 0xFF : -1;
    }

    /** The bytes on the wire (without serial framing). */
    byte[] encode() {
        boolean extended = data.length >= EXTENDED_LENGTH;
        byte[] out = new byte[(extended ? 5 : 3) + data.length];
        out[0] = (byte) cls;
        out[1] = (byte) instr;
        if (extended) {
            out[2] = (byte) EXTENDED_LENGTH;
            out[3] = (byte) data.length;
            out[4] = (byte) (data.length >> 8);
        } else {
            out[2] = (byte) data.length;
        }
        System.arraycopy(data, 0, out, extended ? 5 : 3, data.length);
        return out;
    }

    /**
     * The whole length of the APDU starting at {@code offset}, when enough of its header has come
     * ({@code available} bytes); -1 when not yet.
     */
    static int totalLength(byte[] buffer, int offset, int available) {
        if (available < 3) {
            return -1;
        }
        int len = buffer[offset + 2] & 0xFF;
        if (len != EXTENDED_LENGTH) {
            return 3 + len;
        }
        if (available < 5) {
            return -1;
        }
        return 5 + ((buffer[offset + 3] & 0xFF) | (buffer[offset + 4] & 0xFF) << 8);
    }

    /** An APDU from exactly its bytes. */
    static Apdu decode(byte[] bytes) throws ZvtFormatException {
        int total = totalLength(bytes, 0, bytes.length);
        if (total < 0) {
            throw new ZvtFormatException("an APDU of " + bytes.length + " bytes is shorter than its header");
        }
        if (total != bytes.length) {
            throw new ZvtFormatException(
                    "an APDU whose length field says " + total + " bytes came in " + bytes.length + " bytes");
        }
        int start = (bytes[2] & 0xFF) == EXTENDED_LENGTH ? 5 : 3;
        return new Apdu(bytes[0] & 0xFF, bytes[1] & 0xFF, Arrays.copyOfRange(bytes, start, bytes.length));
    }

    /** The message's name, or its class and instruction, with its size: never its data. */
    String name() {
        return ZvtCommand.of(code()).map(Enum::name).orElse(String.format(Locale.ROOT, "%02X %02X", cls, instr));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Apdu a && a.cls == cls && a.instr == instr && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * code() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%02X %02X, %d bytes of data)", name(), cls, instr, data.length);
    }
}
