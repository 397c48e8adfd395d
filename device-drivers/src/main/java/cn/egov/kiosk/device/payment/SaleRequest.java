package cn.egov.kiosk.device.payment;

import java.time.Duration;
import java.util.Objects;

/** A sale: the kiosk's order reference, the amount in fen, how long the citizen has. */
public record SaleRequest(String orderReference, long amountFen, Duration timeout) {
    public SaleRequest {
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(timeout, "timeout");
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a positive amount in fen, not " + amountFen);
        }
    }
}
