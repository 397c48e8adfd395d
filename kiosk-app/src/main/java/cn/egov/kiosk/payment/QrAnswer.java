package cn.egov.kiosk.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * The platform's answer about a wallet order (主扫 or 被扫). Fields are null when the answer did not
 * carry them.
 *
 * @param paymentId the platform's id of the order
 * @param qrContent what the kiosk shows as a QR code for the citizen's phone (an order created)
 * @param expiresAt when the platform gives up on an unpaid order
 * @param amountFen the order's amount in fen (0 when the answer did not say)
 * @param receiptNo the platform's receipt number of a paid order
 * @param message the platform's words, for staff and the log
 */
public record QrAnswer(
        GatewayOutcome outcome,
        String paymentId,
        String qrContent,
        Instant expiresAt,
        long amountFen,
        String receiptNo,
        String message) {

    public QrAnswer {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** No answer came: the order may exist, and may be paid. */
    public static QrAnswer unknown(String why) {
        return new QrAnswer(GatewayOutcome.UNKNOWN, null, null, null, 0, null, why);
    }

    /** The ids for the journal, with {@code note}. */
    Answer answer(String note) {
        return new Answer(receiptNo, null, paymentId, null, null, outcome.name(), note);
    }
}
