package cn.egov.kiosk.device.printer.escpos;

import cn.egov.kiosk.device.printer.PrinterStatus;

/**
 * The bytes of the real-time status ({@code DLE EOT n}). Every answer byte has bit 0 and bit 7
 * clear and bits 1 and 4 set ({@code b & 0x93 == 0x12}); the rest:
 *
 * <pre>
 *  n=1 printer        bit 3 offline
 *  n=2 offline cause  bit 2 cover open, bit 3 paper fed by button, bit 5 stopped: paper end, bit 6 error
 *  n=3 error cause    bit 2 recoverable error, bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable
 *  n=4 paper sensor   bits 2+3 paper near end, bits 5+6 paper end
 * </pre>
 */
public final class EscPosStatus {
    private EscPosStatus() {}

    static final int FIXED_MASK = 0x93;
    static final int FIXED_VALUE = 0x12;

    /** Whether a byte can be an answer to {@code DLE EOT}. */
    public static boolean wellFormed(int b) {
        return (b & FIXED_MASK) == FIXED_VALUE;
    }

    /** The status from the answers to {@code DLE EOT 1, 2, 3, 4}. */
    public static PrinterStatus decode(int printer, int offlineCause, int errorCause, int paper) {
        boolean offline = (printer & 0x08) != 0;
        boolean coverOpen = (offlineCause & 0x04) != 0;
        boolean paperEndStop = (offlineCause & 0x20) != 0;
        boolean recoverable = (errorCause & 0x04) != 0 || (errorCause & 0x40) != 0;
        boolean cutter = (errorCause & 0x08) != 0;
        boolean unrecoverable = (errorCause & 0x20) != 0;
        boolean nearEnd = (paper & 0x0C) != 0;
        boolean paperEnd = (paper & 0x60) != 0 || paperEndStop;
        return new PrinterStatus(!offline, nearEnd, paperEnd, coverOpen, cutter, unrecoverable, recoverable);
    }

    /**
     * The four answer bytes a printer in this status sends: the inverse of {@link #decode}, so that
     * {@code decode(encode(s))} is {@code s} for every status. Each flag goes into its own bit only;
     * what a real printer sets along with it (offline while the paper is out, near end with end) is
     * up to the status given, as {@link VirtualEscPosPrinter#status()} does for offline.
     */
    public static byte[] encode(PrinterStatus s) {
        int printer = FIXED_VALUE | (s.online() ? 0 : 0x08);
        int offlineCause = FIXED_VALUE
                | (s.coverOpen() ? 0x04 : 0)
                | (s.paperOut() ? 0x20 : 0)
                | (s.cutterError() || s.unrecoverableError() ? 0x40 : 0);
        int errorCause = FIXED_VALUE
                | (s.recoverableError() ? 0x04 : 0)
                | (s.cutterError() ? 0x08 : 0)
                | (s.unrecoverableError() ? 0x20 : 0);
        int paper = FIXED_VALUE | (s.paperLow() ? 0x0C : 0) | (s.paperOut() ? 0x60 : 0);
        return new byte[] {(byte) printer, (byte) offlineCause, (byte) errorCause, (byte) paper};
    }
}
