package cn.egov.kiosk.device.printer.cups;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A CUPS job as Print-Job or Get-Job-Attributes reports it. {@code media} and {@code copies} are
 * what the job was submitted with (the driver checks that CUPS took them); {@code preserved} that
 * CUPS keeps the job's document files (its {@code job-preserved}).
 */
record CupsJob(
        int id,
        String name,
        int state,
        List<String> reasons,
        String printerStateMessage,
        Optional<String> media,
        OptionalInt copies,
        boolean preserved) {
    // job-state (RFC 8011 section 5.3.7)
    static final int PENDING = 3;
    static final int PENDING_HELD = 4;
    static final int PROCESSING = 5;
    static final int PROCESSING_STOPPED = 6;
    static final int CANCELED = 7;
    static final int ABORTED = 8;
    static final int COMPLETED = 9;

    CupsJob {
        name = name == null ? "" : name;
        reasons = List.copyOf(reasons);
        printerStateMessage = printerStateMessage == null ? "" : printerStateMessage;
    }

    /** Canceled, aborted or completed: the job will not change any more. */
    boolean ended() {
        return state >= CANCELED;
    }

    static String stateName(int state) {
        return switch (state) {
            case PENDING -> "pending";
            case PENDING_HELD -> "held";
            case PROCESSING -> "processing";
            case PROCESSING_STOPPED -> "processing-stopped";
            case CANCELED -> "canceled";
            case ABORTED -> "aborted";
            case COMPLETED -> "completed";
            default -> "job-state " + state;
        };
    }

    /** For logs: {@code held (job-hold-until-specified)}. */
    String describe() {
        List<String> shown = reasons.stream().filter(r -> !r.equals("none")).toList();
        String text = stateName(state) + (shown.isEmpty() ? "" : " (" + String.join(" ", shown) + ")");
        return printerStateMessage.isBlank() ? text : text + "; printer: \"" + printerStateMessage.strip() + "\"";
    }
}
