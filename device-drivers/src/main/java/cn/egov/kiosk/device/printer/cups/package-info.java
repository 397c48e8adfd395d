/**
 * The licence printer behind a CUPS print queue ({@code driver: cups}), through a small IPP client
 * posting to the CUPS server over HTTP: the document submitted in the request (Print-Job), the
 * queue's state and media (Get-Printer-Attributes), the job followed to its end (Get-Job-Attributes,
 * Cancel-Job), and what the server keeps of printed jobs (its cupsd.conf, {@code
 * job-preserved}).
 */
package cn.egov.kiosk.device.printer.cups;
