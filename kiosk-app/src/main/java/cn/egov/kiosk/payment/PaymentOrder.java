package cn.egov.kiosk.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * What the citizen is asked to pay for: a service item, the amount due under it (the platform's id
 * of that due: an application's fee, a year's contribution at a grade; never the citizen's ID
 * number), the amount in fen and how. A payment code read from the citizen's phone travels with the
 * order to the gateway and is never journalled nor printed ({@link #toString} gives its length).
 *
 * @param serviceId the catalogue item (事项) the payment is for
 * @param dueId what is being paid under that item; one payment holds it at a time
 * @param description the words on the bank statement and the receipt (no personal data)
 * @param payerCode the citizen's payment code, for {@link PaymentMethod#QR_SCANNED} only
 */
public record PaymentOrder(
        String serviceId,
        String dueId,
        String description,
        long amountFen,
        PaymentMethod method,
        Optional<String> payerCode) {

    public PaymentOrder {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(dueId, "dueId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(payerCode, "payerCode");
        if (serviceId.isBlank() || dueId.isBlank()) {
            throw new IllegalArgumentException("a payment names its service and its due");
        }
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a positive amount in fen, not " + amountFen);
        }
        if ((method == PaymentMethod.QR_SCANNED) != payerCode.isPresent()) {
            throw new IllegalArgumentException("a payment code goes with a scanned QR payment, and only with it");
        }
    }

    /** An order paid by card or by the QR code the kiosk shows. */
    public static PaymentOrder of(
            String serviceId, String dueId, String description, long amountFen, PaymentMethod method) {
        return new PaymentOrder(serviceId, dueId, description, amountFen, method, Optional.empty());
    }

    /** An order paid with the payment code read from the citizen's phone. */
    public static PaymentOrder scanned(
            String serviceId, String dueId, String description, long amountFen, String payerCode) {
        return new PaymentOrder(
                serviceId, dueId, description, amountFen, PaymentMethod.QR_SCANNED, Optional.of(payerCode));
    }

    @Override
    public String toString() { // the payment code is a bearer token: its length only
        return "PaymentOrder[" + serviceId + " " + dueId + " " + amountFen + " fen " + method
                + payerCode.map(c -> " code of " + c.length() + " characters").orElse("") + "]";
    }
}
