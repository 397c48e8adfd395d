package cn.egov.kiosk.admin;

import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** Nowhere (tests). */
    AdminAudit NONE = (at, kind, actor, detail) -> {};

    /**
     * The log alone, for a kiosk (or {@code ./kiosk admin}) without a platform: the event's kind,
     * actor and detail (a role, a source, a result: never a PIN's digits, which no event holds).
     */
    AdminAudit LOG_ONLY = new LogOnly();

    /** {@link #LOG_ONLY}. */
    final class LogOnly implements AdminAudit {
        private static final Logger log = LoggerFactory.getLogger(AdminAudit.class);

        private LogOnly() {}

        @Override
        public void record(Instant at, String kind, String actor, Map<String, Object> detail) {
            log.warn("Admin audit (log only, no platform): {} by {} at {} {}", kind, actor, at, detail);
        }
    }
}
