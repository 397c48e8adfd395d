package cn.egov.kiosk.payment;

/**
 * What the card terminal or the platform said of a transaction, in one small set (the names of
 * {@code device.payment.PaymentResult.Outcome} and the platform's payment statuses, together).
 */
public enum GatewayOutcome {
    /** Charged (a card sale approved; a wallet order PAID). */
    APPROVED,
    /** Refused by the bank or the wallet (a wallet order FAILED): not charged. */
    DECLINED,
    /** A wallet order waiting for its payer (PENDING): not charged yet. */
    WAITING,
    /** Ended without a charge: a wallet order CLOSED; a card sale aborted at the terminal. */
    CLOSED,
    /** Reversed (voided): a charge, if there was one, undone. */
    REVERSED,
    /** A paid wallet order refunded. */
    REFUNDED,
    /** The reversal or refund asked for cannot be made (ZVT result B5; the platform refused it). */
    NOT_POSSIBLE,
    /** No such transaction: never made, or the terminal holds no last transaction. */
    NOT_FOUND,
    /** No answer, or one that says nothing: the money may or may not have moved. */
    UNKNOWN
}
