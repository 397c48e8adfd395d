package cn.egov.kiosk.payment;

import java.time.Duration;

/**
 * How long the payments wait, and how often they ask.
 *
 * @param sale how long the citizen has at the card terminal
 * @param qrShown how long the kiosk shows its QR code before it closes the order
 * @param qrShownPoll how often it asks whether the shown code was paid (every 3-5 s is the norm)
 * @param scannedPoll how often it asks about a scanned code waiting for its payer (5-10 s)
 * @param scannedMaxWait how long it waits for that payer before reversing (30-60 s)
 * @param terminalClockSlack how far the terminal's clock may be from the kiosk's when a repeat
 *     receipt is matched to a sale
 */
public record PaymentTimes(
        Duration sale,
        Duration qrShown,
        Duration qrShownPoll,
        Duration scannedPoll,
        Duration scannedMaxWait,
        Duration terminalClockSlack) {

    public static final PaymentTimes DEFAULTS = new PaymentTimes(
            Duration.ofSeconds(90),
            Duration.ofSeconds(120),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofMinutes(5));
}
