package cn.egov.kiosk.device.printer;

import cn.egov.kiosk.device.api.ExtendedCode;

/** The extended codes of the receipt and document printers. */
public enum PrinterCode implements ExtendedCode {
    PAPER_OUT,
    COVER_OPEN,
    JAM,
    CUTTER_ERROR,
    /** A fault the printer reports without saying which. */
    PRINTER_FAULT,
    /** The printer (CUPS: its queue) says it is offline. */
    OFFLINE,
    /** A CUPS queue in an error state that names no condition. */
    PRINTER_ERROR,
    QUEUE_STOPPED,
    NOT_ACCEPTING,
    /** The printer's status answer cannot be understood. */
    BAD_STATUS,
    /** The printer does not answer the status request. */
    NO_STATUS_ANSWER,
    /** The printer never confirmed that the job was printed. */
    JOB_NOT_CONFIRMED,
    /** The configured CUPS queue does not exist. */
    NO_QUEUE,
    CUPS_REFUSED,
    CUPS_UNREACHABLE,
    MEDIA_NOT_SUPPORTED,
    /** CUPS took the job without the paper size asked for. */
    MEDIA_NOT_SET,
    /** CUPS took the job without the number of copies asked for. */
    COPIES_NOT_SET,
    SPOOL_FAILED,
    JOB_VANISHED,
    JOB_CANCELED,
    JOB_ABORTED,
    JOB_TIMEOUT
}
