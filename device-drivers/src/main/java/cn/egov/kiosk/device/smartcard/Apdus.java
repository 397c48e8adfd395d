package cn.egov.kiosk.device.smartcard;

import java.util.Arrays;

/**
 * Building command APDUs and reading response APDUs (ISO/IEC 7816-4, short lengths only). What may
 * be logged of an exchange: {@link #describe(byte[])} of a command (instruction and length) and {@link
 * #statusWord(byte[])} of a response, never the data fields, which can hold personal data.
 */
public final class Apdus {
    private Apdus() {}

    /** SELECT by name (DF name or AID), first or only occurrence: {@code 00 A4 04 00 Lc name}. */
    public static byte[] selectByName(byte[] name) {
        if (name.length == 0 || name.length > 16) {
            throw new IllegalArgumentException("a DF name of 1 to 16 bytes, not " + name.length);
        }
        byte[] apdu = new byte[5 + name.length];
        apdu[1] = (byte) 0xA4;
        apdu[2] = 0x04;
        apdu[4] = (byte) name.length;
        System.arraycopy(name, 0, apdu, 5, name.length);
        return apdu;
    }

    /**
     * READ RECORD of record {@code record} of the file with short identifier {@code sfi}, "read
     * record P1" ({@code P2 = sfi << 3 | 4}), asking for up to 256 bytes ({@code Le = 00}).
     */
    public static byte[] readRecord(int record, int sfi) {
        if (record < 1 || record > 254 || sfi < 1 || sfi > 30) {
            throw new IllegalArgumentException("record 1..254 and SFI 1..30, not " + record + "/" + sfi);
        }
        return new byte[] {0x00, (byte) 0xB2, (byte) record, (byte) ((sfi << 3) | 4), 0x00};
    }

    /** SW1 SW2 as a number ({@code 0x9000}); -1 when the response has fewer than two bytes. */
    public static int statusWord(byte[] response) {
        if (response == null || response.length < 2) {
            return -1;
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    /** The status word as four hex digits ({@code 9000}), or {@code "none"}. */
    public static String statusText(byte[] response) {
        int sw = statusWord(response);
        return sw < 0 ? "none" : String.format("%04X", sw);
    }

    /** The data field of a response: everything before SW1 SW2. */
    public static byte[] data(byte[] response) {
        return response == null || response.length < 2 ? new byte[0] : Arrays.copyOf(response, response.length - 2);
    }

    /** 9000, or 61xx (more data waiting: the command itself succeeded). */
    public static boolean succeeded(byte[] response) {
        int sw = statusWord(response);
        return sw == 0x9000 || (sw >> 8) == 0x61;
    }

    /** {@code INS B2, 5 bytes}: all a log line says about a command (no parameters, no data). */
    public static String describe(byte[] command) {
        if (command == null || command.length < 4) {
            return "malformed command of " + (command == null ? 0 : command.length) + " bytes";
        }
        return String.format("INS %02X, %d bytes", command[1] & 0xFF, command.length);
    }
}
