/**
 * Print templates: what the kiosk prints, from data to a device-neutral document. This first
 * template (the queue ticket) is code; the printing issue generalises templates into files that
 * staff can adapt. Never talks to a device and never imports JavaFX.
 */
package cn.egov.kiosk.print;
