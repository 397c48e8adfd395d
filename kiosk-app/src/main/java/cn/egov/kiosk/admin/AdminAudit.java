package cn.egov.kiosk.admin;

import java.time.Instant;
import java.util.Map;

/**
 * Where the admin side's audit events go: the audit trail that reaches the platform
 * ({@code store.AuditRepository}), or the log alone on a kiosk without a platform. Never a PIN or a
 * set-up code. Called off the JavaFX thread; blocks until the event is durable.
 */
@FunctionalInterface
public interface AdminAudit {
    /** An actor for what no role did: a wrong PIN, the first start. */
    String SYSTEM = "SYSTEM";

    void record(Instant at, String kind, String actor, Map<String, Object> detail);

    /** Nowhere (tests, tools). */
    AdminAudit NONE = (at, kind, actor, detail) -> {};
}
