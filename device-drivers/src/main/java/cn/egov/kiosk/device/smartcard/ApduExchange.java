package cn.egov.kiosk.device.smartcard;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One command APDU to one complete response, as ISO/IEC 7816-3 and -4 ask of the terminal for
 * T=0 cards:
 *
 * <ul>
 *   <li>{@code 61 xx} (xx more bytes waiting): GET RESPONSE ({@code CLA C0 00 00 xx}), the data
 *       pieces concatenated, until a final status;
 *   <li>{@code 6C xx} (wrong length, xx is right): the same command again with {@code Le = xx}.
 * </ul>
 *
 * A {@link SmartCardReader} returns complete responses; a driver runs each of its exchanges
 * through here. (Over javax.smartcardio the JDK's provider already does both by default, system
 * properties {@code sun.security.smartcardio.t0GetResponse} and {@code t1GetResponse}; this is what
 * holds when they are off, or for a driver on another transport.)
 */
public final class ApduExchange {
    /** More rounds than this is a card that never finishes: the JDK stops at 32 as well. */
    public static final int MAX_ROUNDS = 32;

    /** Sends one APDU and returns the card's response (data and SW1 SW2). */
    @FunctionalInterface
    public interface Transmitter {
        byte[] transmit(byte[] command) throws Exception;
    }

    /** Thrown when the card's answers make no complete response. */
    public static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    private ApduExchange() {}

    /**
     * Sends {@code command} and returns the complete response (all data pieces, the final SW1 SW2).
     *
     * @throws ProtocolException when the card's answers make no complete response
     * @throws Exception what the transmitter throws
     */
    public static byte[] exchange(Transmitter link, byte[] command) throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] next = command;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            byte[] response = link.transmit(next);
            if (response == null || response.length < 2) {
                throw new ProtocolException(
                        "a response of " + (response == null ? 0 : response.length) + " bytes, without SW1 SW2");
            }
            int sw1 = response[response.length - 2] & 0xFF;
            int sw2 = response[response.length - 1] & 0xFF;
            if (sw1 == 0x6C && response.length == 2) {
                byte[] again = withLe(next, sw2);
                if (again == null) {
                    return concat(data, response); // not a short APDU we can re-issue: leave it to the caller
                }
                next = again;
                continue;
            }
            if (sw1 == 0x61) {
                data.write(response, 0, response.length - 2);
                next = new byte[] {command[0], (byte) 0xC0, 0x00, 0x00, (byte) sw2};
                continue;
            }
            return concat(data, response);
        }
        throw new ProtocolException("no final status word after " + MAX_ROUNDS + " GET RESPONSE or re-issue rounds");
    }

    private static byte[] concat(ByteArrayOutputStream data, byte[] response) {
        if (data.size() == 0) {
            return response;
        }
        data.write(response, 0, response.length);
        return data.toByteArray();
    }

    /**
     * The command with its short Le set to {@code le}: added to a case 1 or 3 command, replaced in a
     * case 2 or 4 one. Null for an extended-length or malformed command.
     */
    static byte[] withLe(byte[] command, int le) {
        int n = command.length;
        if (n == 4) {
            return append(command, le);
        }
        if (n == 5) {
            byte[] c = command.clone();
            c[4] = (byte) le;
            return c;
        }
        int lc = command[4] & 0xFF;
        if (lc == 0) {
            return null; // extended length
        }
        if (n == 5 + lc) {
            return append(command, le);
        }
        if (n == 6 + lc) {
            byte[] c = command.clone();
            c[n - 1] = (byte) le;
            return c;
        }
        return null;
    }

    private static byte[] append(byte[] command, int le) {
        byte[] c = Arrays.copyOf(command, command.length + 1);
        c[command.length] = (byte) le;
        return c;
    }
}
