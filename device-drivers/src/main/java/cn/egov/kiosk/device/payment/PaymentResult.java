package cn.egov.kiosk.device.payment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the terminal says about one transaction (after UnifiedPOS CAT's result properties).
 *
 * @param type what was asked
 * @param outcome how it ended
 * @param resultCode the terminal's own result code, two hex digits ({@code 00} approved, {@code 6C}
 *     timeout or abort key, {@code B5} reversal not possible...); empty when the terminal gave none
 * @param orderReference the kiosk's reference of the order, as the kiosk gave it; empty for {@link
 *     TransactionType#REPEAT}
 * @param amountFen the amount the terminal reports (for a decline: the amount asked)
 * @param receiptNumber the terminal's receipt number (what a reversal names); empty when none
 * @param traceNumber the terminal's trace number; empty when none
 * @param maskedCardNumber the card number, first six and last four digits at most; empty when none
 * @param terminalId the terminal's id (TID); empty when not told
 * @param time when the terminal booked it, in its own local time
 * @param printLines the receipt's lines as the terminal sent them for the kiosk to print
 * @param message for the engineer and the log: never a card number
 */
public record PaymentResult(
        TransactionType type,
        Outcome outcome,
        String resultCode,
        String orderReference,
        long amountFen,
        String receiptNumber,
        String traceNumber,
        String maskedCardNumber,
        String terminalId,
        Optional<LocalDateTime> time,
        List<String> printLines,
        String message) {

    /** What was asked of the terminal (after CAT's transaction types). */
    public enum TransactionType {
        SALE,
        REVERSAL,
        REFUND,
        /** The last transaction repeated: its own type is on its receipt. */
        REPEAT
    }

    /** How a transaction ended. */
    public enum Outcome {
        /** Done: a sale charged, a reversal or a refund made. */
        APPROVED,
        /** Refused by the card's issuer or the terminal: nothing was charged. */
        DECLINED,
        /** Stopped before anything was charged: the abort key, the kiosk's abort, no card in time. */
        ABORTED,
        /** The terminal did not say how it ended: ask {@link PaymentTerminal#lastTransaction()}. */
        UNKNOWN,
        /** There is no such transaction (no last transaction to repeat). */
        NOT_FOUND
    }

    public PaymentResult {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        resultCode = Objects.requireNonNullElse(resultCode, "");
        orderReference = Objects.requireNonNullElse(orderReference, "");
        receiptNumber = Objects.requireNonNullElse(receiptNumber, "");
        traceNumber = Objects.requireNonNullElse(traceNumber, "");
        maskedCardNumber = Objects.requireNonNullElse(maskedCardNumber, "");
        terminalId = Objects.requireNonNullElse(terminalId, "");
        time = Objects.requireNonNullElse(time, Optional.empty());
        printLines = List.copyOf(printLines);
        message = Objects.requireNonNullElse(message, "");
    }

    /** A result with nothing from the terminal but how it ended and why: UNKNOWN, NOT_FOUND. */
    public static PaymentResult bare(
            TransactionType type, Outcome outcome, String orderReference, long amountFen, String message) {
        return new PaymentResult(
                type, outcome, "", orderReference, amountFen, "", "", "", "", Optional.empty(), List.of(), message);
    }

    /** Whether the transaction was done (a sale charged). */
    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
