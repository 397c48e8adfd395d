/**
 * The field engineer's diagnostics without a screen: {@code ./kiosk diag [--json]} opens every
 * configured device, checks its health and prints one line (or one JSON document) per device.
 */
package cn.egov.kiosk.diag;
