package cn.egov.kiosk.device.scanner;

import cn.egov.kiosk.device.api.ExtendedCode;

/**
 * The extended codes of a code scanner: what was wrong with a line it sent that was not taken as a
 * code (published as an error event; the line itself is never kept or logged).
 */
public enum ScannerCode implements ExtendedCode {
    /** A line with nothing in it (or only spaces): two line ends in a row, a failed decode. */
    EMPTY_LINE,
    /** A line longer than the driver's {@code maxLength}: line noise or a scanner in the wrong mode. */
    LINE_TOO_LONG,
    /** A control character (NUL, BEL, ESC, GS...) in the line: noise, or a scanner set to send them. */
    CONTROL_CHARACTER,
    /** Bytes that are not text in the configured character set (UTF-8 or GB18030). */
    BAD_ENCODING
}
