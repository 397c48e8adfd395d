/**
 * The field engineer's diagnostics on screen (behind the PIN): the devices with their state, one
 * device's health at every level, counters (and their reset), recent errors and actions, the serial
 * monitor and the diagnostics bundle to a removable drive, over {@code diag.DeviceDiagnostics}.
 */
package cn.egov.kiosk.ui.diag;
