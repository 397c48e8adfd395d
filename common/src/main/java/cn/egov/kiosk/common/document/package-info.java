/**
 * The device-neutral receipt document: lines of styled text, QR codes, feeds and cuts. Templates
 * render to it; each receipt-printer driver encodes it in its printer's command language (ESC/POS
 * for the {@code escpos} driver) and can decode that language back to it.
 */
package cn.egov.kiosk.common.document;
