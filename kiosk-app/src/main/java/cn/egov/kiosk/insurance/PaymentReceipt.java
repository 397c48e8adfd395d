package cn.egov.kiosk.insurance;

import cn.egov.kiosk.payment.PaymentRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The data of the payment receipt (缴费凭证, template {@value #TEMPLATE}) of a paid payment: the hall,
 * the payer (name and ID number whole: the template masks them), what was paid for and to whom, the
 * amount in fen, how it was paid, the card number as the terminal masked it, the transaction's number
 * (the terminal's receipt number, or the platform's payment id, else the kiosk's reference) and when,
 * in the hall's time.
 */
public final class PaymentReceipt {
    public static final String TEMPLATE = "payment-receipt";

    private PaymentReceipt() {}

    /**
     * @param item what was paid for, as the receipt says it (2027年度城乡居民基本医疗保险)
     * @param collector who collects it (执收单位)
     * @param method how it was paid, in the receipt's language (银行卡, 扫码支付...)
     */
    public static JsonNode of(
            PaymentRecord paid,
            String hallName,
            String payerName,
            String payerIdNumber,
            String item,
            String collector,
            String method,
            ZoneId zone) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("hallName", hallName);
        ObjectNode payer = d.putObject("payer");
        payer.put("name", payerName);
        payer.put("idNumber", payerIdNumber);
        d.put("item", item);
        d.put("collector", collector);
        d.put("amount", paid.amountFen());
        d.put("method", method);
        paid.cardMasked().ifPresent(c -> d.put("cardNumber", c));
        d.put("transactionNo", transactionNo(paid));
        Instant at = paid.approvedAt().orElse(paid.updatedAt());
        d.put("paidAt", at.atZone(zone).toOffsetDateTime().withNano(0).toString());
        d.put("reprint", false);
        return d;
    }

    /** The number that finds the payment again: the terminal's receipt number, the platform's payment id, or the kiosk's reference. */
    public static String transactionNo(PaymentRecord paid) {
        return paid.receiptNo()
                .filter(r -> !r.isBlank())
                .or(() -> paid.paymentId().filter(r -> !r.isBlank()))
                .orElse(paid.orderRef());
    }
}
