package cn.egov.kiosk.sync;

import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformClock;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.AuditRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's clock against the platform's: asked at every connection and heartbeat; a difference
 * above {@code clockDriftWarnSeconds} is logged and audited once, and a correction the platform
 * clock refused (above {@code maxClockCorrectionSeconds}) is audited too.
 */
final class ClockCheck {
    private static final Logger log = LoggerFactory.getLogger(ClockCheck.class);

    private final Platform config;
    private final PlatformClock platformClock;
    private final PlatformLink link;
    private final AuditRepository audit;
    private final Clock clock;
    private final Runnable auditWritten;
    private volatile boolean drift;

    /** @param auditWritten told when an audit event was written (the sender takes it) */
    ClockCheck(
            Platform config,
            PlatformClock platformClock,
            PlatformLink link,
            AuditRepository audit,
            Clock clock,
            Runnable auditWritten) {
        this.config = config;
        this.platformClock = platformClock;
        this.link = link;
        this.audit = audit;
        this.clock = clock;
        this.auditWritten = auditWritten;
        platformClock.addListener((offset, limit, source) -> {
            audit.record(
                    clock.instant(),
                    "clock.correction-refused",
                    "SYSTEM",
                    Map.of("offsetMs", offset.toMillis(), "limitMs", limit.toMillis(), "source", source));
            auditWritten.run();
        });
    }

    /** Asks the platform's time (both clients sign with the one platform clock) and compares. */
    void check(PlatformClient client) throws PlatformException {
        client.time();
        Duration offset = platformClock.offset();
        link.clockOffset(offset);
        boolean now = Math.abs(offset.toMillis()) > config.clockDriftWarnSeconds() * 1000L;
        if (now && !drift) {
            log.warn(
                    "The kiosk's clock is {} s off the platform's (more than {} s): check the PC's time synchronisation",
                    offset.toMillis() / 1000.0,
                    config.clockDriftWarnSeconds());
            audit.record(
                    clock.instant(),
                    "clock.drift",
                    "SYSTEM",
                    Map.of("offsetMs", offset.toMillis(), "limitMs", config.clockDriftWarnSeconds() * 1000L));
            auditWritten.run();
        }
        drift = now;
    }

    /** Whether the kiosk's clock is further from the platform's than allowed. */
    boolean drift() {
        return drift;
    }
}
