package cn.egov.kiosk.sync;

import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionListener;
import cn.egov.kiosk.store.AuditRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions as audit events for the platform ({@code session.start}, {@code session.end} with the
 * reason, the language and how long it lasted; never who). Sessions change on the JavaFX thread;
 * the events are written on the audit writer's thread, so the screen never waits on the disk.
 */
final class SessionAudit implements SessionListener {
    private static final Logger log = LoggerFactory.getLogger(SessionAudit.class);

    private final AuditRepository audit;
    private final ExecutorService writer;
    private final Clock clock;

    SessionAudit(AuditRepository audit, ExecutorService writer, Clock clock) {
        this.audit = audit;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void started(Session session) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("session", session.id());
        detail.put("language", session.locale().toLanguageTag());
        write("session.start", detail);
    }

    @Override
    public void ended(Session session, EndReason reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("session", session.id());
        detail.put("reason", reason.name());
        detail.put(
                "seconds",
                Duration.between(session.startedAt(), clock.instant()).toSeconds());
        write("session.end", detail);
    }

    private void write(String kind, Map<String, Object> detail) {
        var at = clock.instant();
        try {
            writer.execute(() -> {
                try {
                    audit.record(at, kind, "CITIZEN", detail);
                } catch (RuntimeException e) {
                    log.error("The audit event {} could not be recorded", kind, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Audit writer closed; {} not recorded", kind);
        }
    }
}
