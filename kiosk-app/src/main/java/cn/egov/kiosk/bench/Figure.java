package cn.egov.kiosk.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * One measured figure; {@code baseline} is the comparison measured in the same run (a minimal
 * JavaFX application, the bytes' own wire time), {@code ratio} = value / baseline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String name, double value, String unit, Double baseline, Double ratio, String note) {

    public static Figure of(String name, double value, String unit, String note) {
        return new Figure(name, value, unit, null, null, note);
    }

    public static Figure against(String name, double value, double baseline, String unit, String note) {
        return new Figure(name, value, unit, baseline, baseline == 0 ? null : value / baseline, note);
    }

    public static Figure skipped(String name, String why) {
        return new Figure(name, Double.NaN, "skipped", null, null, why);
    }

    /** {@code startup.attract-ready  612.0 ms  baseline 401.0 ms  ratio 1.53  (note)}. */
    public String line() {
        if ("skipped".equals(unit)) {
            return String.format(Locale.ROOT, "%-36s skipped: %s", name, note);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-36s %10.2f %-3s", name, value, unit));
        if (baseline != null) {
            sb.append(String.format(Locale.ROOT, "  baseline %10.2f %-3s", baseline, unit));
        }
        if (ratio != null) {
            sb.append(String.format(Locale.ROOT, "  ratio %6.2f", ratio));
        }
        if (note != null && !note.isEmpty()) {
            sb.append("  (").append(note).append(')');
        }
        return sb.toString();
    }
}
