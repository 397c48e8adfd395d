package cn.egov.kiosk.sync;

import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.AuditRepository;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the kiosk in step with the platform: connects (registration, the clock, a due key rotation,
 * the down-sync, then the outbox), watches the link every 15 s with one cheap unsigned call, and
 * syncs on schedule. Runs on the {@code platform-sync} thread only.
 */
final class LinkWatch {
    private static final Logger log = LoggerFactory.getLogger(LinkWatch.class);

    private final Registration registration;
    private final PlatformWire wire;
    private final ClockCheck clockCheck;
    private final PlatformLink link;
    private final AuditRepository audit;
    private final DataFreshness freshness;
    private final String serialNumber;
    private final Clock clock;

    LinkWatch(
            Registration registration,
            PlatformWire wire,
            ClockCheck clockCheck,
            PlatformLink link,
            AuditRepository audit,
            DataFreshness freshness,
            String serialNumber,
            Clock clock) {
        this.registration = registration;
        this.wire = wire;
        this.clockCheck = clockCheck;
        this.link = link;
        this.audit = audit;
        this.freshness = freshness;
        this.serialNumber = serialNumber;
        this.clock = clock;
    }

    /** Registration, clock, rotation, sync and the outbox; on failure the link says why. */
    void connect() {
        try {
            if (!registration.ensure(wire.get().interactive(), serialNumber)) {
                link.notRegistered("no credentials and no registration code");
                return;
            }
            clockCheck.check(wire.get().client());
            rotateIfDue();
            // what citizens did while the kiosk was away or down goes first, not behind a catalogue
            // download of hundreds of items (the sender has its own thread)
            wire.get().sender().wake();
            // Online only once a signed call has gone through: the down-sync says so (or that the
            // platform refuses the kiosk's key).
            wire.get().downSync().syncAll();
            freshness.refresh();
            wire.get().sender().wake();
        } catch (PlatformException e) {
            if (registration.registered()) {
                link.unreachable(e.getMessage());
            } else {
                link.notRegistered(e.getMessage());
            }
            log.warn(
                    "Platform not reached at start ({}); the kiosk serves from its local copy and tries again",
                    e.getMessage());
        } catch (RuntimeException e) {
            log.error("Connecting to the platform failed", e);
        }
    }

    /**
     * Every 15 s, one cheap unsigned call ({@code GET /v1/time}): while online it finds out that the
     * platform went away before a citizen does (the screens then say so); while away, whether it is
     * back (then registration, sync and the outbox resume at once).
     */
    void watch() {
        if (!link.online()) {
            connect();
            return;
        }
        try {
            wire.get().interactive().time();
        } catch (PlatformException e) {
            link.failed(e);
        } catch (RuntimeException e) {
            log.error("Watching the platform failed", e);
        }
    }

    /** The scheduled down-sync (and a due rotation), when registered. */
    void sync() {
        try {
            if (registration.registered()) {
                rotateIfDue();
                wire.get().downSync().syncAll();
                freshness.refresh();
            }
        } catch (RuntimeException e) {
            log.error("Down-sync failed", e);
        }
    }

    /** A new key every platform.rotateDays (or the end of one begun before a crash); failures wait for the next turn. */
    private void rotateIfDue() {
        try {
            if (registration.rotateIfDue(wire.get().client())) {
                audit.record(
                        clock.instant(),
                        "credentials.rotated",
                        "SYSTEM",
                        Map.of(
                                "kioskId",
                                registration.credentials().orElseThrow().kioskId()));
                wire.wakeSender();
            }
        } catch (PlatformException e) {
            link.failed(e);
            log.warn("The key rotation did not go through ({}); it is asked again at the next sync", e.getMessage());
        } catch (IllegalStateException e) {
            log.error(
                    "The key rotation could not be saved; it is finished at the next sync with the same idempotency key",
                    e);
        }
    }
}
