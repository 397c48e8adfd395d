package cn.egov.kiosk.session;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, watches and ends citizen sessions. Time is checked by {@link #tick()}, which the UI calls
 * once a second; with an injected clock the whole lifecycle is testable without waiting.
 *
 * <pre>
 *  (none) --start--> ACTIVE --no input for `inactivity`--> WARNING --`warning` more--> ended
 *                      ^                                      |
 *                      +--------------- touch ----------------+
 * </pre>
 */
public final class SessionManager {
    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);

    public enum Phase {
        NONE,
        ACTIVE,
        WARNING
    }

    private final Clock clock;
    private volatile Duration inactivity;
    private volatile Duration warning;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /**
     * Where session ids come from: a generator seeded when the manager is built (at start-up, off the
     * JavaFX thread). A session starts on the JavaFX thread (the citizen's touch), where {@code
     * UUID.randomUUID()} would read {@code /dev/urandom} each time.
     */
    private final SecureRandom ids = seededGenerator();

    private Session current;
    private Instant lastActivity;
    /** How many times the usual time a citizen gets: 2 in elderly mode. */
    private int patience = 1;

    private Phase phase = Phase.NONE;

    public SessionManager(Clock clock, Duration inactivity, Duration warning) {
        if (warning.toSeconds() < 20) {
            throw new IllegalArgumentException("the inactivity warning must give at least 20 s (WCAG 2.2.1)");
        }
        this.clock = clock;
        this.inactivity = inactivity;
        this.warning = warning;
    }

    /**
     * New limits (staff changed them): from the next check on, for the session running too. A
     * warning shorter than 20 s is refused as by the constructor.
     */
    public void limits(Duration inactivity, Duration warning) {
        if (warning.toSeconds() < 20) {
            throw new IllegalArgumentException("the inactivity warning must give at least 20 s (WCAG 2.2.1)");
        }
        synchronized (this) {
            this.inactivity = inactivity;
            this.warning = warning;
        }
    }

    private static SecureRandom seededGenerator() {
        try {
            SecureRandom generator = SecureRandom.getInstance("DRBG");
            generator.nextBytes(new byte[16]); // seeded now, not at the first session
            return generator;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no DRBG", e);
        }
    }

    /** A random (version 4) UUID, made in memory. */
    private String newId() {
        byte[] b = new byte[16];
        ids.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4: random
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // the IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(b);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public synchronized Optional<Session> current() {
        return Optional.ofNullable(current);
    }

    public synchronized Phase phase() {
        return phase;
    }

    /** Starts a session, ending one still open (as a new citizen would). */
    public Session start(Locale locale) {
        Session previous;
        Session next;
        synchronized (this) {
            previous = current;
            current = null;
            next = new Session(newId(), clock.instant(), locale);
        }
        if (previous != null) {
            finish(previous, EndReason.EXPLICIT_EXIT);
        }
        synchronized (this) {
            current = next;
            lastActivity = clock.instant();
            phase = Phase.ACTIVE;
        }
        log.info("Session {} started", next.id());
        listeners.forEach(l -> l.started(next));
        return next;
    }

    /** The citizen did something: the inactivity timer starts again, a warning goes away. */
    public void touch() {
        Session s;
        boolean dismissed;
        synchronized (this) {
            if (current == null) {
                return;
            }
            lastActivity = clock.instant();
            dismissed = phase == Phase.WARNING;
            phase = Phase.ACTIVE;
            s = current;
        }
        if (dismissed) {
            listeners.forEach(l -> l.warningDismissed(s));
        }
    }

    /**
     * Gives the citizen {@code factor} times the usual time before the warning and during it (2 for
     * older citizens); from the next check on.
     */
    public synchronized void patience(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("patience is 1 or more, not " + factor);
        }
        this.patience = factor;
    }

    /** Checks the time: shows the warning, counts it down, ends the session. */
    public void tick() {
        Session s;
        long idle;
        int factor;
        synchronized (this) {
            if (current == null) {
                return;
            }
            s = current;
            idle = Duration.between(lastActivity, clock.instant()).toMillis();
            factor = patience;
        }
        Duration before;
        Duration during;
        synchronized (this) {
            before = inactivity;
            during = warning;
        }
        long warnAt = before.toMillis() * factor;
        long endAt = warnAt + during.toMillis() * factor;
        if (idle >= endAt) {
            end(EndReason.INACTIVITY);
        } else if (idle >= warnAt) {
            synchronized (this) {
                phase = Phase.WARNING;
            }
            int left = (int) Math.ceil((endAt - idle) / 1000.0);
            listeners.forEach(l -> l.warning(s, left));
        }
    }

    /** Ends the current session, if any, and wipes it. */
    public void end(EndReason reason) {
        Session s;
        synchronized (this) {
            s = current;
            current = null;
            phase = Phase.NONE;
        }
        if (s != null) {
            finish(s, reason);
        }
    }

    private void finish(Session s, EndReason reason) {
        s.wipe();
        log.info("Session {} ended: {}", s.id(), reason);
        listeners.forEach(l -> l.ended(s, reason));
    }
}
