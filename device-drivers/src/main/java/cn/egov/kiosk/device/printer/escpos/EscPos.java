package cn.egov.kiosk.device.printer.escpos;

import java.nio.charset.Charset;

/** ESC/POS byte values and the fixed command sequences the kiosk uses. */
public final class EscPos {
    private EscPos() {}

    public static final byte LF = 0x0A;
    public static final byte CR = 0x0D;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte ENQ = 0x05;
    public static final byte ESC = 0x1B;
    public static final byte FS = 0x1C;
    public static final byte GS = 0x1D;

    /** Text on Chinese printers: GB18030 (a superset of GB2312 and GBK; ASCII unchanged). */
    public static final Charset CHARSET = Charset.forName("GB18030");

    /** {@code ESC @}: initialise the printer (clears the buffer and every mode). */
    public static final byte[] INITIALIZE = {ESC, '@'};

    /** {@code FS &}: select Chinese (two-byte) character mode. */
    public static final byte[] CHINESE_MODE = {FS, '&'};

    /** {@code DLE EOT n} for n = 1..4: printer, offline cause, error cause, paper sensor. */
    public static byte[] statusRequest(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** The four status requests in one write; the printer answers one byte each, in order. */
    public static final byte[] FULL_STATUS_REQUEST = {DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 3, DLE, EOT, 4};

    /**
     * {@code GS r 1}: transmit the paper sensor status, in sequence: the printer answers only when it
     * has processed (printed) everything sent before it. The way to learn that a job is on paper.
     */
    public static final byte[] IN_SEQUENCE_PAPER_STATUS = {GS, 'r', 1};

    /** {@code DLE ENQ 2}: real-time; recover from an error and clear the receive and print buffers. */
    public static final byte[] CLEAR_AFTER_ERROR = {DLE, ENQ, 2};

    /** An answer to {@code GS r 1}: bits 4 and 7 are zero (a {@code DLE EOT} answer has bit 4 set). */
    public static boolean isInSequenceAnswer(int b) {
        return (b & 0x90) == 0;
    }

    /** {@code GS ( k} function codes of the QR symbol (cn = 49). */
    static final int QR_CN = 49;

    static final int QR_MODEL = 65;
    static final int QR_SIZE = 67;
    static final int QR_ECC = 69;
    static final int QR_STORE = 80;
    static final int QR_PRINT = 81;

    /** {@code GS V m n}: feed to the cut position plus n dots, then cut; 65 full, 66 partial. */
    static final int CUT_FULL_AFTER_FEED = 65;

    static final int CUT_PARTIAL_AFTER_FEED = 66;

    /** {@code GS k m=73}: Code 128, with the length byte and a code set prefix ({@code {B}). */
    public static final int BARCODE_CODE128 = 73;
}
