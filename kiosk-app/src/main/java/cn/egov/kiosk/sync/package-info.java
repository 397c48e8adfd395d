/**
 * Keeping in step with the cloud platform: the {@link cn.egov.kiosk.sync.OutboxSender} that
 * delivers the outbox (batches, idempotency keys, back-off with jitter, Retry-After, dead
 * letters), the {@link cn.egov.kiosk.sync.DownSync} of the catalogue, notices and business types
 * into the local store, the {@link cn.egov.kiosk.sync.PlatformLink} that tells the rest of the
 * kiosk whether the platform can be reached, and registration, heartbeats and the clock check.
 * Everything here runs on its own threads; nothing touches the JavaFX thread.
 */
package cn.egov.kiosk.sync;
