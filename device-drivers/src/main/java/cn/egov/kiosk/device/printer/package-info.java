/**
 * Printers: the receipt/ticket printer (thermal, ESC/POS in {@code escpos}) and the document
 * (licence) printer behind the operating system's print queue (CUPS in {@code cups}).
 */
package cn.egov.kiosk.device.printer;
