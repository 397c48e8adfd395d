/**
 * 扫码: what a scanned code means, decided in one place ({@link ScanCode#classify}), and the codes
 * the kiosk's scanner reads handed on as such ({@link ScanInput}). No JavaFX: which screen acts on a
 * code is the UI's concern ({@code ui.scan.ScanRouter}).
 */
package cn.egov.kiosk.scan;
