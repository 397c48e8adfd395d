package cn.egov.kiosk.today;

import cn.egov.kiosk.payment.ReconciliationReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One day's figures at the kiosk, in the hall's time zone (hours 0 to 23 of that day). No person.
 *
 * @param day the hall's day
 * @param madeAt when the figures were read
 */
public record DaySummary(
        LocalDate day,
        ZoneId zone,
        Instant madeAt,
        Tickets tickets,
        List<FlowCount> flows,
        Faults faults,
        Applications applications,
        Payments payments,
        Prints prints) {

    /** Hours in a day. */
    public static final int HOURS = 24;

    /**
     * The queue tickets of the day.
     *
     * @param perHour per business type (in the configured order, then any other), the tickets taken
     *     in each hour (voided ones left out: never handed out), 24 values
     * @param issued on paper (printed, called since)
     * @param interrupted the kiosk stopped while printing: whether they came out is unknown
     * @param interruptedNumbers their numbers, for staff to look out for
     * @param voided refused or failed, never handed out
     */
    public record Tickets(
            Map<String, List<Integer>> perHour,
            int issued,
            int interrupted,
            List<String> interruptedNumbers,
            int voided) {}

    /**
     * A citizen flow's day.
     *
     * @param flow its name ({@code ticket}, {@code licence}, {@code apply}...)
     * @param finished reached its end
     * @param left ended elsewhere (another screen, the session's end)
     */
    public record FlowCount(String flow, int started, int finished, int left) {}

    /**
     * The devices' faults of the day.
     *
     * @param perHour faults started in each hour, 24 values
     * @param perDevice faults per device id, the most first
     * @param list each fault, in order
     */
    public record Faults(List<Integer> perHour, Map<String, Integer> perDevice, List<Fault> list) {
        public int count() {
            return list.size();
        }
    }

    /** A device fault: when, which device, which problem ({@code paper-out}, {@code offline}...). */
    public record Fault(Instant at, String deviceId, String deviceClass, String code) {}

    /**
     * The applications made here that day.
     *
     * @param received the platform holds them
     * @param waiting saved, not yet with the platform
     * @param refused refused by the platform (set aside for staff)
     */
    public record Applications(int submitted, int received, int waiting, int refused) {}

    /**
     * The payments begun that day.
     *
     * @param paid charged and kept (approved or delivered)
     * @param paidFen their amount, in fen
     * @param inDoubt still being found out (sent without an answer, a reversal or refund on its way)
     * @param forStaff left for staff
     * @param givenBack reversed or refunded
     * @param reconciliation the day's latest reconciliation, if one was made
     */
    public record Payments(
            int count,
            int paid,
            long paidFen,
            int inDoubt,
            int forStaff,
            int givenBack,
            Optional<ReconciliationReport> reconciliation) {}

    /**
     * The prints of the day.
     *
     * @param count every print, reprints included
     * @param printed on paper
     * @param failed started and not finished
     * @param refused not started (no paper, offline...)
     * @param reprints staff's reprints among them
     * @param failures the failed and refused ones, in order
     */
    public record Prints(int count, int printed, int failed, int refused, int reprints, List<PrintFailure> failures) {}

    /** A print that failed or was refused: when, what, why (a device code). */
    public record PrintFailure(Instant at, String template, String reason, boolean started) {}
}
