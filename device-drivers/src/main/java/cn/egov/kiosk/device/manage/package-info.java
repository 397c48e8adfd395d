/**
 * The device manager: builds the configured devices through driver providers found by {@link
 * java.util.ServiceLoader} (vendor drivers plug in without a change to the kiosk), opens and
 * supervises them (reconnects with backoff after a disconnect), and publishes one {@link
 * cn.egov.kiosk.device.manage.HealthModel} that the UI and diagnostics read.
 */
package cn.egov.kiosk.device.manage;
