package cn.egov.kiosk.device.printer;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;

/**
 * What a failed print means for the person at the kiosk, whatever the printer: load paper, close
 * the cover, the printer is away, or it is broken. Worked out from the failure's codes by an
 * exhaustive switch over {@link PrinterCode}, so a new code must be placed here to compile.
 */
public enum PrinterTrouble {
    PAPER_OUT,
    COVER_OPEN,
    OFFLINE,
    FAULT;

    /** The trouble a printer's failure means. */
    public static PrinterTrouble of(DeviceException e) {
        if (e.extended().orElse(null) instanceof PrinterCode code) {
            return switch (code) {
                case PAPER_OUT -> PAPER_OUT;
                case COVER_OPEN -> COVER_OPEN;
                case OFFLINE,
                        QUEUE_STOPPED,
                        NOT_ACCEPTING,
                        NO_STATUS_ANSWER,
                        NO_QUEUE,
                        CUPS_REFUSED,
                        CUPS_UNREACHABLE -> OFFLINE;
                case JAM,
                        CUTTER_ERROR,
                        PRINTER_FAULT,
                        PRINTER_ERROR,
                        BAD_STATUS,
                        JOB_NOT_CONFIRMED,
                        MEDIA_NOT_SUPPORTED,
                        MEDIA_NOT_SET,
                        COPIES_NOT_SET,
                        SPOOL_FAILED,
                        JOB_VANISHED,
                        JOB_CANCELED,
                        JOB_ABORTED,
                        JOB_TIMEOUT -> byErrorCode(e.code(), FAULT);
            };
        }
        return byErrorCode(e.code(), FAULT);
    }

    private static PrinterTrouble byErrorCode(ErrorCode code, PrinterTrouble otherwise) {
        return code == ErrorCode.OFFLINE || code == ErrorCode.NO_HARDWARE ? OFFLINE : otherwise;
    }
}
