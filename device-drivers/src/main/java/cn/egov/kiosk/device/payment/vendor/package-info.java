/**
 * Terminals reached only through an acquirer's library (Chinese acquirers' MIS-POS: {@code
 * bankall(request, response)} with fixed-width fields): a vendor writes a {@link
 * cn.egov.kiosk.device.payment.vendor.PaymentAdapter} and its {@link
 * cn.egov.kiosk.device.payment.vendor.PaymentAdapterProvider}, registered by {@code
 * META-INF/services}; {@link cn.egov.kiosk.device.payment.vendor.PaymentAdapterDrivers} offers each
 * to the driver registry under its name, and {@link
 * cn.egov.kiosk.device.payment.vendor.AdaptedPaymentTerminal} makes it a device that keeps the
 * payment rules. {@code docs/PAYMENT-TERMINALS.md} says how an adapter is written.
 */
package cn.egov.kiosk.device.payment.vendor;
