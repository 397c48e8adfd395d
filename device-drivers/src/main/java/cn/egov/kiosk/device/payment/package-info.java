/**
 * The bank-card payment terminal. Amounts are in fen (分). A sale that times out is queried and,
 * if its outcome stays unknown, reversed: never charged twice, never a charge without a record.
 */
package cn.egov.kiosk.device.payment;
