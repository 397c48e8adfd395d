package cn.egov.kiosk.device.payment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The terminal's end of day (日结): its totals since the last one, what the kiosk's journal is
 * reconciled against.
 *
 * @param done whether the terminal closed the day
 * @param resultCode the terminal's result code, two hex digits; empty when none
 * @param count how many transactions the day held, as the terminal counts them (-1: not told)
 * @param totalFen their total in fen
 * @param terminalId the terminal's id; empty when not told
 * @param time when the terminal closed the day, its local time
 * @param printLines the settlement receipt's lines
 * @param message for the engineer and the log
 */
public record EndOfDay(
        boolean done,
        String resultCode,
        int count,
        long totalFen,
        String terminalId,
        Optional<LocalDateTime> time,
        List<String> printLines,
        String message) {
    public EndOfDay {
        resultCode = Objects.requireNonNullElse(resultCode, "");
        terminalId = Objects.requireNonNullElse(terminalId, "");
        time = Objects.requireNonNullElse(time, Optional.empty());
        printLines = List.copyOf(printLines);
        message = Objects.requireNonNullElse(message, "");
    }
}
