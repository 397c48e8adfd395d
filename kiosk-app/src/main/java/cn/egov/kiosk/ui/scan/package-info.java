/**
 * Scanned codes on screen: {@link cn.egov.kiosk.ui.scan.ScanRouter} decides which screen acts on a
 * code (by its kind, from {@code scan.ScanCode}), and says in plain words when none does; {@link
 * cn.egov.kiosk.ui.scan.WedgeCatcher} takes a keyboard-wedge scanner's keystrokes at the scene,
 * before any field sees them, and hands a person's keys back.
 */
package cn.egov.kiosk.ui.scan;
