package cn.egov.kiosk.device.printer;

import cn.egov.kiosk.device.api.Condition;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a printer reports about itself. */
public record PrinterStatus(
        boolean online,
        boolean paperLow,
        boolean paperOut,
        boolean coverOpen,
        boolean cutterError,
        boolean unrecoverableError,
        boolean recoverableError) {

    public static final PrinterStatus READY = new PrinterStatus(true, false, false, false, false, false, false);

    /** The device-model conditions this status amounts to. */
    public Set<Condition> conditions() {
        Set<Condition> set = EnumSet.noneOf(Condition.class);
        if (paperLow) {
            set.add(Condition.PAPER_LOW);
        }
        if (paperOut) {
            set.add(Condition.PAPER_OUT);
        }
        if (coverOpen) {
            set.add(Condition.COVER_OPEN);
        }
        if (cutterError) {
            set.add(Condition.CUTTER_ERROR);
        }
        if (unrecoverableError || (!online && !paperOut && !coverOpen && !cutterError)) {
            set.add(Condition.HARDWARE_FAULT);
        }
        return set;
    }

    /** The first condition that stops printing, in the order a person would fix them. */
    public Optional<Condition> blockingProblem() {
        Set<Condition> set = conditions();
        return Condition.BLOCKING_IN_ORDER.stream().filter(set::contains).findFirst();
    }

    /** For logs and diagnostics: {@code online, paper low}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(online ? "online" : "printer offline");
        if (paperLow) sb.append(", paper low");
        if (paperOut) sb.append(", paper out");
        if (coverOpen) sb.append(", cover open");
        if (cutterError) sb.append(", cutter error");
        if (unrecoverableError) sb.append(", unrecoverable error");
        if (recoverableError) sb.append(", recoverable error");
        return sb.toString();
    }
}
