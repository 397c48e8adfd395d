/**
 * ESC/POS, the command language of thermal receipt printers: the encoder and decoder of the
 * receipt document, the real-time status ({@code DLE EOT}), the driver over any byte link, and a
 * virtual printer that answers like one (the simulator, in process or on a serial port).
 */
package cn.egov.kiosk.device.printer.escpos;
