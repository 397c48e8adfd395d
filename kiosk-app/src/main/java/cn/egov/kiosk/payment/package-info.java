/**
 * Paying at the kiosk, as pure logic (no JavaFX, no SQL): never charged twice, never a charge
 * without a record. {@link cn.egov.kiosk.payment.Payments} is the one door the screens use: every
 * payment attempt is a row of the {@link cn.egov.kiosk.payment.PaymentJournal} (the store implements
 * it), written durably before any call that may charge, each step in the same transaction as its
 * state. The money moves through two ports of the kiosk's own, {@link
 * cn.egov.kiosk.payment.CardGateway} (the bank-card terminal) and {@link
 * cn.egov.kiosk.payment.QrGateway} (wallet payments through the platform); {@link
 * cn.egov.kiosk.payment.PaymentRecovery} resolves at start-up what a crash left in doubt, and {@link
 * cn.egov.kiosk.payment.Reconciliation} (日结/对账) sets a day's journal against the terminal's
 * end-of-day totals and the platform's orders. Amounts are in fen, as long integers.
 */
package cn.egov.kiosk.payment;
