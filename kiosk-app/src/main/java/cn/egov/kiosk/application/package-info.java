/**
 * Applications (申请): a citizen's application is durable in the local store, with its sealed
 * outbox record, before the kiosk says it was submitted; the outbox takes it to the platform,
 * now or when the platform is back, exactly once.
 */
package cn.egov.kiosk.application;
