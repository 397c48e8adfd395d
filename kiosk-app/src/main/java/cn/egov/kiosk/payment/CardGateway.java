package cn.egov.kiosk.payment;

import java.time.Duration;
import java.util.Optional;

/**
 * The bank-card terminal as the payments need it (the kiosk's port; an adapter over {@code
 * device.payment.PaymentTerminal} implements it). Each call blocks until the terminal answers or
 * gives up; none throws for a terminal that does not answer: that is {@link GatewayOutcome#UNKNOWN},
 * which means the money may have moved. An implementation that throws anyway is taken as UNKNOWN.
 */
public interface CardGateway {

    /**
     * Asks the citizen to present a card and pay {@code amountFen}; the terminal does not carry the
     * kiosk's {@code orderRef} (ZVT has no field for it), so a lost answer is found again by the
     * repeat receipt: amount, time and trace number.
     */
    CardAnswer sale(String orderRef, long amountFen, Duration timeout);

    /**
     * Reverses (voids) the sale with this receipt number, before the terminal's end of day: {@link
     * GatewayOutcome#REVERSED} (also when it was reversed already, ZVT B4), {@link
     * GatewayOutcome#NOT_POSSIBLE} (ZVT B5), or UNKNOWN.
     */
    CardAnswer reverse(String receiptNo, long amountFen);

    /**
     * The repeat receipt: the terminal's last transaction as it booked it, {@link
     * GatewayOutcome#NOT_FOUND} when it holds none, UNKNOWN when it does not answer.
     */
    CardAnswer lastTransaction();

    /** Closes the terminal's day and gives its totals; empty when it does not answer. */
    Optional<TerminalTotals> endOfDay();
}
