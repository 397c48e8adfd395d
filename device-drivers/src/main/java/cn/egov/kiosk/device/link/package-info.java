/**
 * Byte links: the transports under the device protocols. A protocol is written against {@link
 * cn.egov.kiosk.device.link.ByteLink} and tested over a {@link cn.egov.kiosk.device.link.PipeLink};
 * the same code then runs over a serial port (jSerialComm), a TCP socket or a device file.
 */
package cn.egov.kiosk.device.link;
