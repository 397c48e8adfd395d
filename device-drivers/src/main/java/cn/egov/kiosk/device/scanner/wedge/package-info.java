/**
 * The keyboard-wedge code scanner ({@code driver: wedge}): a scanner that types the code and Enter
 * like a USB keyboard. {@link cn.egov.kiosk.device.scanner.wedge.BurstDetector} tells its typing
 * from a person's (pure logic, no JavaFX); {@link cn.egov.kiosk.device.scanner.wedge.WedgeScanner}
 * is the device the kiosk's window feeds (the window's side is {@code ui.scan} in kiosk-app).
 */
package cn.egov.kiosk.device.scanner.wedge;
