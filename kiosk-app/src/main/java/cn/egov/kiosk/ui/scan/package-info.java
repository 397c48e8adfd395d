/**
 * Scanned codes on screen: {@link cn.egov.kiosk.ui.scan.ScanRouter} decides which screen acts on a
 * code (by its kind, from {@code scan.ScanCode}), and says in plain words when none does.
 */
package cn.egov.kiosk.ui.scan;
