package cn.egov.kiosk.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the terminal's last transaction (its repeat receipt) is the sale a payment in doubt asked
 * for. The terminal does not carry the kiosk's reference, so it is matched by amount, time and trace
 * number; only what is certain either way is decided, the rest is left to staff.
 */
final class CardMatch {
    private CardMatch() {}

    enum Verdict {
        /** The sale asked for: its outcome is the payment's. */
        OURS,
        /** Another transaction: the sale asked for was never booked. */
        NOT_OURS,
        /** Cannot tell. */
        UNSURE
    }

    /**
     * @param traceHolder the journal's payment that already holds the last transaction's trace number
     * @param window how long after it was sent the sale could have been booked
     */
    static Verdict of(
            PaymentRecord payment,
            CardAnswer last,
            Optional<PaymentRecord> traceHolder,
            Duration window,
            Duration slack) {
        if (last.outcome() == GatewayOutcome.NOT_FOUND) {
            return Verdict.NOT_OURS; // the terminal holds no transaction at all
        }
        if (traceHolder.isPresent() && !traceHolder.get().orderRef().equals(payment.orderRef())) {
            return Verdict.NOT_OURS; // an earlier payment's sale
        }
        if (last.amountFen() != payment.amountFen()) {
            return Verdict.NOT_OURS;
        }
        if (last.at() == null || payment.sentAt().isEmpty()) {
            return Verdict.UNSURE;
        }
        Instant sent = payment.sentAt().get();
        if (last.at().isBefore(sent.minus(slack))) {
            return Verdict.NOT_OURS; // booked before the kiosk asked
        }
        if (last.at().isAfter(sent.plus(window).plus(slack))) {
            return Verdict.UNSURE; // booked later: a sale the kiosk did not journal (a test at the terminal?)
        }
        return Verdict.OURS;
    }
}
