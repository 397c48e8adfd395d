package cn.egov.kiosk.device.payment;

import java.util.Objects;

/**
 * What the terminal says of itself when asked.
 *
 * @param ready whether it can take a card now
 * @param statusCode its own status code, two hex digits ({@code 00}: ready); empty when none
 * @param terminalId its id; empty when not told
 * @param message for the engineer
 */
public record TerminalStatus(boolean ready, String statusCode, String terminalId, String message) {
    public TerminalStatus {
        statusCode = Objects.requireNonNullElse(statusCode, "");
        terminalId = Objects.requireNonNullElse(terminalId, "");
        message = Objects.requireNonNullElse(message, "");
    }
}
