/** The barcode/QR scanner: codes arrive as data events (a {@code String} payload). */
package cn.egov.kiosk.device.scanner;
