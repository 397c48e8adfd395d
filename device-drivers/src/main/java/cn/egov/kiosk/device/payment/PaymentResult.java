package cn.egov.kiosk.device.payment;

/** What the terminal says about a transaction. The card number is masked by the terminal. */
public record PaymentResult(
        Outcome outcome,
        String orderReference,
        long amountFen,
        String terminalReference,
        String maskedCardNumber,
        String message) {

    public enum Outcome {
        APPROVED,
        DECLINED,
        /** No answer: the sale may or may not have happened; query, then reverse. */
        UNKNOWN,
        REVERSED,
        NOT_FOUND
    }
}
