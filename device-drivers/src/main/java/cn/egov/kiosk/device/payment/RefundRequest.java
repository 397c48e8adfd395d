package cn.egov.kiosk.device.payment;

import java.time.Duration;
import java.util.Objects;

/** A refund (退货) to the citizen's card: the kiosk's order reference, the amount in fen, how long the citizen has. */
public record RefundRequest(String orderReference, long amountFen, Duration timeout) {
    public RefundRequest {
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(timeout, "timeout");
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a positive amount in fen, not " + amountFen);
        }
    }
}
