/**
 * The code scanner in serial mode ({@code driver: serial-scanner}): codes as lines of text ended by
 * CR, LF or CRLF over a serial port, USB-CDC or TCP. {@link
 * cn.egov.kiosk.device.scanner.serial.LineAssembler} cuts the bytes into codes and rejects what is
 * not one (pure logic); {@link cn.egov.kiosk.device.scanner.serial.SerialScanner} is the driver;
 * {@link cn.egov.kiosk.device.scanner.serial.VirtualLineScanner} plays such a scanner on any byte
 * link (tests, and the engineer's {@code ./kiosk sim scanner}).
 */
package cn.egov.kiosk.device.scanner.serial;
