/**
 * The licence printer behind a CUPS print queue ({@code driver: cups}): printing through the JDK's
 * CUPS print service ({@code javax.print}), the queue's state and the job followed to its end
 * through a small IPP client (Get-Printer-Attributes, Get-Jobs, Get-Job-Attributes, Cancel-Job)
 * that talks to the same CUPS server.
 */
package cn.egov.kiosk.device.printer.cups;
