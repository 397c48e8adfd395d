package cn.egov.kiosk.device.printer.cups;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.printer.PrinterCode;
import cn.egov.kiosk.device.printer.PrinterStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A CUPS queue as Get-Printer-Attributes reports it: {@code printer-state} (3 idle, 4 processing, 5
 * stopped), {@code printer-is-accepting-jobs}, {@code printer-state-reasons} and {@code
 * printer-state-message}; and what that means for printing.
 *
 * <p>State reasons are keywords with an optional severity suffix ({@code -report}, {@code
 * -warning}, {@code -error}; RFC 8011 section 5.4.12). They are read so:
 *
 * <ul>
 *   <li>{@code media-empty}, {@code media-needed} (error or no suffix): paper out; as a warning or
 *       report, and {@code media-low}: paper low.
 *   <li>{@code cover-open}, {@code door-open}, {@code interlock-open}: cover open; {@code
 *       media-jam}: jam (any severity: the printer cannot print through either).
 *   <li>{@code offline} ({@code offline-report} is what CUPS backends set when the printer does not
 *       answer), {@code shutdown}, {@code connecting-to-device}: the printer is offline.
 *   <li>{@code paused} or printer-state stopped: the queue is stopped ({@code cupsdisable});
 *       {@code printer-is-accepting-jobs} false or {@code spool-area-full}: it refuses jobs ({@code
 *       cupsreject}).
 *   <li>any other reason with the {@code -error} suffix (toner empty, a fault): a printer error.
 * </ul>
 *
 * <p>While a job of ours runs, an offline printer and a queue that refuses new jobs do not count:
 * the backend sets {@code connecting-to-device} at the start of every job and {@code
 * offline-report} while it retries a printer that has not answered yet, and the job is in the
 * queue already. They count again once the job has ended.
 *
 * <p>CUPS keeps the reasons a backend reported (paper out, say) after the job, until the backend of
 * a later job reports afresh: what the printer reported may be stale, unlike the {@link
 * #queueProblems queue's own state}.
 */
record CupsQueueState(int printerState, boolean accepting, List<String> reasons, String message) {
    static final int IDLE = 3;
    static final int PROCESSING = 4;
    static final int STOPPED = 5;

    /** What stops printing, in the order a person would deal with it. */
    enum Problem {
        COVER_OPEN(ErrorCode.HARDWARE_ERROR, PrinterCode.COVER_OPEN, Condition.COVER_OPEN, "cover open"),
        PAPER_OUT(ErrorCode.HARDWARE_ERROR, PrinterCode.PAPER_OUT, Condition.PAPER_OUT, "paper out"),
        JAM(ErrorCode.HARDWARE_ERROR, PrinterCode.JAM, Condition.JAM, "paper jam"),
        OFFLINE(ErrorCode.OFFLINE, PrinterCode.OFFLINE, Condition.HARDWARE_FAULT, "printer offline"),
        PRINTER_ERROR(ErrorCode.HARDWARE_ERROR, PrinterCode.PRINTER_ERROR, Condition.HARDWARE_FAULT, "printer error"),
        QUEUE_STOPPED(ErrorCode.OFFLINE, PrinterCode.QUEUE_STOPPED, Condition.HARDWARE_FAULT, "queue stopped"),
        NOT_ACCEPTING(
                ErrorCode.OFFLINE, PrinterCode.NOT_ACCEPTING, Condition.HARDWARE_FAULT, "queue not accepting jobs");

        private final ErrorCode code;
        private final PrinterCode extended;
        private final Condition condition;
        private final String text;

        Problem(ErrorCode code, PrinterCode extended, Condition condition, String text) {
            this.code = code;
            this.extended = extended;
            this.condition = condition;
            this.text = text;
        }

        /** The error code a refused or failed job carries. */
        ErrorCode code() {
            return code;
        }

        /** The extended code a refused or failed job carries. */
        PrinterCode extended() {
            return extended;
        }

        /** The device condition it raises. */
        Condition condition() {
            return condition;
        }

        String text() {
            return text;
        }
    }

    CupsQueueState {
        reasons = List.copyOf(reasons);
        message = message == null ? "" : message;
    }

    /**
     * What stops printing now, in order.
     *
     * @param ownJobRunning whether a job of ours is being followed (then an offline printer and a
     *     queue that refuses new jobs do not count)
     */
    Set<Problem> problems(boolean ownJobRunning) {
        Set<Problem> set = EnumSet.noneOf(Problem.class);
        if (printerState == STOPPED) {
            set.add(Problem.QUEUE_STOPPED);
        }
        if (!accepting && !ownJobRunning) {
            set.add(Problem.NOT_ACCEPTING);
        }
        for (String reason : reasons) {
            String severity = severity(reason);
            String base = base(reason);
            boolean serious = severity.equals("error") || severity.isEmpty();
            switch (base) {
                case "media-empty", "media-needed" -> {
                    if (serious) {
                        set.add(Problem.PAPER_OUT);
                    }
                }
                case "cover-open", "door-open", "interlock-open" -> set.add(Problem.COVER_OPEN);
                case "media-jam" -> set.add(Problem.JAM);
                case "offline", "shutdown", "connecting-to-device" -> {
                    if (!ownJobRunning) {
                        set.add(Problem.OFFLINE);
                    }
                }
                case "paused" -> set.add(Problem.QUEUE_STOPPED);
                case "spool-area-full" -> {
                    if (!ownJobRunning) {
                        set.add(Problem.NOT_ACCEPTING);
                    }
                }
                case "none", "media-low" -> {}
                default -> {
                    if (severity.equals("error")) {
                        set.add(Problem.PRINTER_ERROR);
                    }
                }
            }
        }
        return set;
    }

    /**
     * The problems of the queue itself (stopped, refusing jobs), which CUPS always knows afresh; the
     * others come from the printer through a backend.
     */
    Set<Problem> queueProblems(boolean ownJobRunning) {
        Set<Problem> set = problems(ownJobRunning);
        set.retainAll(EnumSet.of(Problem.QUEUE_STOPPED, Problem.NOT_ACCEPTING));
        return set;
    }

    /** The first problem, the one a refused job reports. */
    Optional<Problem> firstProblem(boolean ownJobRunning) {
        return problems(ownJobRunning).stream().findFirst();
    }

    boolean paperLow() {
        for (String reason : reasons) {
            String base = base(reason);
            if (base.equals("media-low")
                    || ((base.equals("media-empty") || base.equals("media-needed"))
                            && (severity(reason).equals("warning")
                                    || severity(reason).equals("report")))) {
                return true;
            }
        }
        return false;
    }

    /** The device conditions this state amounts to while no job of ours runs. */
    Set<Condition> conditions() {
        Set<Condition> set = EnumSet.noneOf(Condition.class);
        for (Problem p : problems(false)) {
            set.add(p.condition());
        }
        if (paperLow()) {
            set.add(Condition.PAPER_LOW);
        }
        return set;
    }

    /** The state in the device-class terms of {@link PrinterStatus}. */
    PrinterStatus printerStatus() {
        Set<Problem> p = problems(false);
        boolean online = !p.contains(Problem.OFFLINE)
                && !p.contains(Problem.QUEUE_STOPPED)
                && !p.contains(Problem.NOT_ACCEPTING);
        return new PrinterStatus(
                online,
                paperLow(),
                p.contains(Problem.PAPER_OUT),
                p.contains(Problem.COVER_OPEN),
                false,
                p.contains(Problem.PRINTER_ERROR),
                p.contains(Problem.JAM));
    }

    /** For logs and health: {@code stopped, not accepting jobs; reasons paused; "Paused"}. */
    String describe() {
        StringBuilder sb = new StringBuilder(
                switch (printerState) {
                    case IDLE -> "idle";
                    case PROCESSING -> "processing";
                    case STOPPED -> "stopped";
                    default -> "printer-state " + printerState;
                });
        sb.append(accepting ? ", accepting jobs" : ", not accepting jobs");
        List<String> shown = reasons.stream().filter(r -> !r.equals("none")).toList();
        if (!shown.isEmpty()) {
            sb.append("; reasons ").append(String.join(" ", shown));
        }
        if (!message.isBlank()) {
            sb.append("; \"").append(message.strip()).append('"');
        }
        return sb.toString();
    }

    private static String severity(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        for (String s : List.of("error", "warning", "report")) {
            if (r.endsWith("-" + s)) {
                return s;
            }
        }
        return "";
    }

    private static String base(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        String s = severity(r);
        return s.isEmpty() ? r : r.substring(0, r.length() - s.length() - 1);
    }
}
