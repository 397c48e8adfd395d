/**
 * 社保缴费: what a signed-in citizen owes the residents' medical and pension schemes (城乡居民医保,
 * 城乡居民养老保险), from the platform through the {@link cn.egov.kiosk.insurance.DuesSource} port
 * ({@code sync.PlatformInsuranceDues} implements it); a year's due paid through {@code
 * payment.Payments} at its amount or a grade the scheme offers ({@link
 * cn.egov.kiosk.insurance.InsuranceDesk}); the {@code payment.Delivery} of a due (booked PAID by
 * the platform for this payment); the payment receipt's data ({@link
 * cn.egov.kiosk.insurance.PaymentReceipt}). No JavaFX; blocks on the network, the terminal and the
 * store: off the JavaFX thread.
 */
package cn.egov.kiosk.insurance;
