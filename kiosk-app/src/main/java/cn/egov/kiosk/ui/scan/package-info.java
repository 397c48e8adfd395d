/**
 * A keyboard-wedge code scanner on the kiosk's scene: {@link cn.egov.kiosk.ui.scan.WedgeCatcher}
 * takes the physical keys before any field does, gives scans to the scanner device and hands a
 * person's keys back to be typed. Installed by {@code app.KioskWindow} when the configured scanner
 * is {@code driver: wedge}; the detection itself is {@code device.scanner.wedge.BurstDetector}.
 */
package cn.egov.kiosk.ui.scan;
