package cn.egov.kiosk.device.payment.zvt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The ZVT messages as APDUs: the kiosk's commands (the ECR's) and the terminal's messages, which
 * the simulator sends. Passwords are six digits (three BCD bytes); amounts are in fen.
 */
final class ZvtMessages {
    /** CNY in ISO 4217. */
    static final int CNY = 156;

    /** Intermediate status: waiting for the card. */
    static final int STATUS_INSERT_CARD = 0x0A;
    /** Intermediate status: please wait (talking to the host). */
    static final int STATUS_PLEASE_WAIT = 0x0E;

    private ZvtMessages() {}

    // ---- the ECR's commands ------------------------------------------------------------------

    /** 06 00: the password, the configuration byte, the currency (its two BCD bytes, without a BMP). */
    static Apdu registration(String password, int configByte, int currency) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(6);
        data.writeBytes(Bcd.digits(password));
        data.write(configByte);
        data.writeBytes(Bcd.encode(currency, 2));
        return apdu(ZvtCommand.REGISTRATION, data.toByteArray());
    }

    /** 06 01: the amount (BMP 04) and the currency (BMP 49); the card timeout (BMP 01) when given. */
    static Apdu authorisation(long amountFen, int currency, int timeoutSeconds) {
        BmpWriter w = new BmpWriter();
        if (timeoutSeconds > 0) {
            w.timeout(Math.min(255, timeoutSeconds));
        }
        return apdu(
                ZvtCommand.AUTHORISATION, w.amount(amountFen).currency(currency).toBytes());
    }

    /** 06 30: the password and the receipt number of the sale to reverse (BMP 87). */
    static Apdu reversal(String password, String receipt) {
        return apdu(
                ZvtCommand.REVERSAL,
                concat(Bcd.digits(password), new BmpWriter().receipt(receipt).toBytes()));
    }

    /** 06 31: the password, the amount, the currency. */
    static Apdu refund(String password, long amountFen, int currency) {
        return apdu(
                ZvtCommand.REFUND,
                concat(
                        Bcd.digits(password),
                        new BmpWriter().amount(amountFen).currency(currency).toBytes()));
    }

    /** 06 20: the last transaction's receipt again. */
    static Apdu repeatReceipt(String password) {
        return apdu(ZvtCommand.REPEAT_RECEIPT, Bcd.digits(password));
    }

    /** 06 50: the end of day. */
    static Apdu endOfDay(String password) {
        return apdu(ZvtCommand.END_OF_DAY, Bcd.digits(password));
    }

    /** 05 01: the terminal's status. */
    static Apdu statusEnquiry(String password) {
        return apdu(ZvtCommand.STATUS_ENQUIRY, Bcd.digits(password));
    }

    /** 06 B0: stop; sent in answer to an intermediate status. */
    static Apdu abort() {
        return apdu(ZvtCommand.ABORT, new byte[0]);
    }

    /** 80 00 00: taken. */
    static Apdu ack() {
        return apdu(ZvtCommand.ACK, new byte[0]);
    }

    /** 84 xx 00: refused, xx why. */
    static Apdu nak(int reason) {
        return Apdu.of(ZvtCommand.NAK_CLASS, reason);
    }

    // ---- the terminal's messages ---------------------------------------------------------------

    /** 04 FF: an intermediate status (what the terminal shows the cardholder). */
    static Apdu intermediateStatus(int status) {
        return apdu(ZvtCommand.INTERMEDIATE_STATUS, new byte[] {(byte) status});
    }

    /** 04 0F: the status information: the transaction's fields. */
    static Apdu statusInformation(byte[] fields) {
        return apdu(ZvtCommand.STATUS_INFORMATION, fields);
    }

    /** 06 0F: completion, with fields or none. */
    static Apdu completion(byte[] fields) {
        return apdu(ZvtCommand.COMPLETION, fields);
    }

    /** 06 1E: aborted, with the result code. */
    static Apdu aborted(int resultCode) {
        return apdu(ZvtCommand.ABORTED, new byte[] {(byte) resultCode});
    }

    /** 06 D1: one print line: an attribute byte (0 normal), then the text. */
    static Apdu printLine(String text, Charset charset) {
        return apdu(ZvtCommand.PRINT_LINE, concat(new byte[] {0}, text.getBytes(charset)));
    }

    /** 06 D3: a print text block: a TLV container of text lines. */
    static Apdu printTextBlock(List<String> lines, Charset charset) {
        return apdu(
                ZvtCommand.PRINT_TEXT_BLOCK,
                new BmpWriter().textLines(lines, charset).toBytes());
    }

    // ---- reading ---------------------------------------------------------------------------

    /** The text of a print line (06 D1), without its attribute byte. */
    static String printLineText(Apdu line, Charset charset) {
        byte[] data = line.data();
        return data.length <= 1 ? "" : new String(data, 1, data.length - 1, charset);
    }

    /** The lines of a print text block (06 D3). */
    static List<String> printTextBlockLines(Apdu block, Charset charset) {
        return BmpFields.parse(block.data(), 0).textLines(charset);
    }

    /** The fields of a command that starts with a password (reversal, refund): after its three bytes. */
    static BmpFields fieldsAfterPassword(Apdu command) {
        return BmpFields.parse(command.data(), Math.min(3, command.dataLength()));
    }

    private static Apdu apdu(ZvtCommand command, byte[] data) {
        return new Apdu(command.code() >> 8, command.code() & 0xFF, data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
