package cn.egov.kiosk.printing;

import cn.egov.kiosk.print.template.Medium;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One print, as the audit trail keeps it: what (the template and the reference that finds the
 * document again on the platform), when, on which device, and how it ended. Never the content.
 *
 * @param reason why it failed or was refused (a device code such as PAPER_OUT); empty when printed
 */
public record PrintRecord(
        String id,
        Instant printedAt,
        String template,
        String reference,
        Optional<String> deviceId,
        Medium medium,
        Result result,
        Optional<String> reason,
        boolean reprint) {

    /** How a print ended. */
    public enum Result {
        /** On paper, confirmed by the printer. */
        PRINTED,
        /** Started and did not complete: the citizen may hold part of it. */
        FAILED,
        /** Not started: the printer could not print (paper out, offline, none fitted). */
        REFUSED
    }

    public PrintRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(printedAt, "printedAt");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
    }
}
