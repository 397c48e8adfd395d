package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The {@code payments} section: when the kiosk finishes payments left in doubt and when it makes the
 * day's reconciliation (日结/对账).
 *
 * @param reconciliationHour the hour of the night (the hall's time) at which the previous day is
 *     reconciled and the card terminal's day closed, 0 to 23
 * @param recoveryMinutes how often payments left in doubt are asked about again, 1 to 60 minutes
 *     (and once at start-up, before payments are offered)
 */
public record PaymentSettings(int reconciliationHour, int recoveryMinutes) {
    public static final int DEFAULT_RECONCILIATION_HOUR = 2;
    public static final int DEFAULT_RECOVERY_MINUTES = 5;

    public static final Key<Integer> RECONCILIATION_HOUR = Key.optional(
                    "reconciliationHour", Types.wholeNumber(0, 23), DEFAULT_RECONCILIATION_HOUR)
            .doc(
                    "每天几点（大厅时间）对前一天日结对账，并让银行卡终端结算",
                    "The hour (the hall's time) at which the day before is reconciled and the card terminal's day closed");

    public static final Key<Integer> RECOVERY_MINUTES = Key.optional(
                    "recoveryMinutes", Types.wholeNumber(1, 60), DEFAULT_RECOVERY_MINUTES)
            .doc(
                    "每隔几分钟再次核实结果未明的支付（启动时先核实一次）",
                    "Every how many minutes payments left in doubt are asked about again (once at start-up first)");

    /** The {@code payments} section. */
    public static final ObjectSchema<PaymentSettings> SCHEMA = ObjectSchema.of(
            "a mapping",
            List.of(RECONCILIATION_HOUR, RECOVERY_MINUTES),
            v -> new PaymentSettings(v.get(RECONCILIATION_HOUR), v.get(RECOVERY_MINUTES)));

    /** What an omitted {@code payments} section means. */
    public static final PaymentSettings DEFAULTS =
            new PaymentSettings(DEFAULT_RECONCILIATION_HOUR, DEFAULT_RECOVERY_MINUTES);

    public PaymentSettings {
        if (reconciliationHour < 0 || reconciliationHour > 23) {
            throw new IllegalArgumentException("payments.reconciliationHour out of range: " + reconciliationHour);
        }
        if (recoveryMinutes < 1 || recoveryMinutes > 60) {
            throw new IllegalArgumentException("payments.recoveryMinutes out of range: " + recoveryMinutes);
        }
    }

    public LocalTime reconciliationTime() {
        return LocalTime.of(reconciliationHour, 0);
    }

    public Duration recoveryEvery() {
        return Duration.ofMinutes(recoveryMinutes);
    }
}
