package cn.egov.kiosk.settings;

import java.time.Instant;
import java.util.Map;

/**
 * Where a configuration change is recorded: the audit trail that reaches the platform ({@code
 * store.AuditRepository}), or the log on a kiosk without a platform.
 */
@FunctionalInterface
public interface ConfigAudit {
    /** Records one change; durable when this returns. */
    void record(Instant at, String kind, String actor, Map<String, Object> detail);
}
