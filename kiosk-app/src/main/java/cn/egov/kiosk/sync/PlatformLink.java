package cn.egov.kiosk.sync;

import cn.egov.kiosk.feature.PlatformState;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.platform.client.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the platform can be reached now, as every call to it finds out: the rest of the kiosk
 * (the home screen, the queue, the flows) asks here instead of trying and waiting. Listeners are
 * called on the thread that learnt the change; a screen hands it to the JavaFX thread itself.
 */
public final class PlatformLink {
    private static final Logger log = LoggerFactory.getLogger(PlatformLink.class);

    /** The link's state. */
    public enum State {
        /** No platform is configured: the kiosk runs alone. */
        NONE,
        /** The kiosk has just started and not asked yet: nothing is said against the platform. */
        STARTING,
        /** Not registered yet (no credentials), or the platform refused the kiosk's key. */
        NOT_REGISTERED,
        /** The last call got an answer. */
        ONLINE,
        /** The last call got none (or a 5xx): the kiosk serves what it can locally. */
        OFFLINE
    }

    /** A snapshot. {@code since}: when the state began; {@code lastContact}: the last answer. */
    public record Status(
            State state, Instant since, Optional<Instant> lastContact, Optional<String> detail, Duration clockOffset) {
        public boolean online() {
            return state == State.ONLINE;
        }
    }

    private final Clock clock;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile Status status;

    public PlatformLink(Clock clock, State initial) {
        this.clock = clock;
        this.status = new Status(initial, clock.instant(), Optional.empty(), Optional.empty(), Duration.ZERO);
    }

    public Status status() {
        return status;
    }

    public boolean online() {
        return status.online();
    }

    public void addListener(Consumer<Status> l) {
        listeners.add(l);
    }

    /** The link as the feature model sees it: which problem keeps platform features off. */
    public PlatformState asFeatureState() {
        return new PlatformState() {
            @Override
            public Optional<Unavailable> problem() {
                return switch (status.state()) {
                    case OFFLINE -> Optional.of(Unavailable.PLATFORM_OFFLINE);
                    case NOT_REGISTERED -> Optional.of(Unavailable.PLATFORM_NOT_REGISTERED);
                    case NONE, STARTING, ONLINE -> Optional.empty();
                };
            }

            @Override
            public void addListener(Runnable listener) {
                PlatformLink.this.addListener(s -> listener.run());
            }
        };
    }

    /** A call got an answer (any answer but a 5xx: the platform is there). */
    public void reached() {
        change(State.ONLINE, Optional.empty(), true);
    }

    /** A call got no answer. */
    public void unreachable(String detail) {
        change(State.OFFLINE, Optional.of(detail), false);
    }

    /**
     * What a failed call says about the link: the platform away (no answer, 5xx) → offline; the
     * kiosk refused (no or an unknown key, a bad signature) → not registered; any other answer (a
     * 4xx, 429 included) → the platform is there.
     */
    public void failed(PlatformException e) {
        if (e.authRefused()) {
            notRegistered(e.getMessage());
        } else if (e.offline()) {
            unreachable(e.getMessage());
        } else {
            reached();
        }
    }

    public void notRegistered(String detail) {
        change(State.NOT_REGISTERED, Optional.of(detail), false);
    }

    /** The platform's clock minus the kiosk's; under the lock of {@link #change}, or it could undo a change made meanwhile. */
    public synchronized void clockOffset(Duration offset) {
        Status s = status;
        status = new Status(s.state(), s.since(), s.lastContact(), s.detail(), offset);
    }

    private void change(State next, Optional<String> detail, boolean contact) {
        Status before;
        Status after;
        synchronized (this) {
            before = status;
            Instant now = clock.instant();
            after = new Status(
                    next,
                    before.state() == next ? before.since() : now,
                    contact ? Optional.of(now) : before.lastContact(),
                    detail,
                    before.clockOffset());
            status = after;
        }
        if (before.state() != next) {
            if (next == State.ONLINE) {
                log.info("Platform reachable again (was {} since {})", before.state(), before.since());
            } else {
                log.warn("Platform {}: {}", next, detail.orElse(""));
            }
            for (Consumer<Status> l : listeners) {
                try {
                    l.accept(after);
                } catch (RuntimeException e) {
                    log.error("A platform-link listener failed", e);
                }
            }
        }
    }
}
