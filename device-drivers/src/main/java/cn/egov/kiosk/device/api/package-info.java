/**
 * The device model every kiosk device follows, after UnifiedPOS/JavaPOS and XFS4IoT: one lifecycle
 * ({@code open → claim → enable → work → disable → release → close}), a {@link
 * cn.egov.kiosk.device.api.DeviceState state}, health checks at three levels, status events on a
 * device thread, typed errors from one small set of codes, and persistent statistics counters.
 */
package cn.egov.kiosk.device.api;
