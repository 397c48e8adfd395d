/**
 * The barcode/QR scanner: codes arrive as data events (a {@code String} payload) and through {@link
 * cn.egov.kiosk.device.scanner.BarcodeScanner#awaitScan}. The drivers: {@code serial} (a scanner
 * that sends each code as a line of text over a serial port, USB-CDC or TCP) and {@code wedge} (a
 * scanner that types like a keyboard, fed by the kiosk's window).
 */
package cn.egov.kiosk.device.scanner;
