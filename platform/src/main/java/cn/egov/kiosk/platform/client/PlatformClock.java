package cn.egov.kiosk.platform.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's idea of the platform's time: its own clock plus an offset learnt from the
 * platform's unsigned answers ({@code GET /v1/time}, the server time in a {@code clock-skew}
 * refusal), with which requests are signed. Those answers are not signed, so whoever sits on the
 * network could forge them: an offset beyond {@code maxCorrection} from the kiosk's own clock is
 * refused (never applied silently), and the listeners hear of it, once for each run of refusals
 * (until an answer within the limit is applied), to log and audit it. The limit bounds the offset
 * itself, not each step, so no series of small corrections walks the clock further. One instance
 * is shared by the kiosk's clients, so that they sign with the same time.
 */
public final class PlatformClock {
    private static final Logger log = LoggerFactory.getLogger(PlatformClock.class);

    /** Told of a correction refused. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param offset the offset the platform's answer asked for (platform minus kiosk)
         * @param limit the largest offset applied
         * @param source what answered: {@code GET /v1/time} or a clock-skew refusal
         */
        void refused(Duration offset, Duration limit, String source);
    }

    /** The limit when none is configured. */
    public static final Duration DEFAULT_MAX_CORRECTION = Duration.ofMinutes(15);

    private final Clock clock;
    private final Duration maxCorrection;
    private final AtomicLong offsetMillis = new AtomicLong();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** The offset last refused, until an answer within the limit comes: a run of refusals is told once. */
    private volatile Optional<Duration> refused = Optional.empty();

    public PlatformClock(Clock clock, Duration maxCorrection) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxCorrection.isNegative()) {
            throw new IllegalArgumentException("maxCorrection must not be negative");
        }
        this.maxCorrection = maxCorrection;
    }

    /** The kiosk's own clock. */
    public Clock kioskClock() {
        return clock;
    }

    public Duration maxCorrection() {
        return maxCorrection;
    }

    /** The platform's time now, by the kiosk's clock and the learnt offset. */
    public long millis() {
        return clock.millis() + offsetMillis.get();
    }

    /** The platform's clock minus the kiosk's, as last learnt and accepted (0 until then). */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    /**
     * Learns that the platform's clock read {@code platformMillis} when the kiosk's read {@code
     * kioskMillis}.
     *
     * @return whether the offset was applied; false when it is beyond the limit (the listeners are
     *     told, the offset stays as it was)
     */
    public boolean learn(long platformMillis, long kioskMillis, String source) {
        long offset = platformMillis - kioskMillis;
        if (Math.abs(offset) > maxCorrection.toMillis()) {
            long seconds = offset / 1000;
            boolean told =
                    refused.isPresent(); // told already in this run of refusals (the offset wanders with the round
            // trip)
            refused = Optional.of(Duration.ofMillis(offset));
            if (!told) {
                log.error(
                        "Refused to move the kiosk's idea of the platform's time by {} s (from {}): more than the {} s allowed"
                                + " (platform.maxClockCorrectionSeconds); fix the PC's time synchronisation",
                        seconds,
                        source,
                        maxCorrection.toSeconds());
                for (Listener l : listeners) {
                    try {
                        l.refused(Duration.ofMillis(offset), maxCorrection, source);
                    } catch (RuntimeException e) {
                        log.error("A clock listener failed", e);
                    }
                }
            }
            return false;
        }
        refused = Optional.empty();
        offsetMillis.set(offset);
        return true;
    }

    /** The offset the platform's last answer asked for, when it was refused; empty once one is accepted. */
    public Optional<Duration> refused() {
        return refused;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }
}
