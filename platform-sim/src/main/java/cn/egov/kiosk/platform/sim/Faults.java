package cn.egov.kiosk.platform.sim;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misbehaviour on command, for the requests of the platform's API ({@code /v1/...}; never the
 * simulator's own {@code /sim/...} control). Counted faults apply to the next requests that
 * arrive; a rate applies to each request with that probability (seeded, so runs repeat).
 */
public final class Faults {
    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger errors500 = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private final AtomicInteger dropBefore = new AtomicInteger();
    private final AtomicInteger dropAfter = new AtomicInteger();
    private final AtomicInteger answerLate = new AtomicInteger();
    private volatile Duration lateBy = Duration.ZERO;
    private volatile double failureRate;
    private volatile double dropAfterRate;
    private final Random random = new Random(20261128);

    /** What to do with one request. */
    enum Action {
        NONE,
        ERROR_500,
        RATE_LIMITED,
        DROP_BEFORE,
        DROP_AFTER,
        ANSWER_LATE
    }

    /** Every answer waits this long first. */
    public Faults latency(Duration d) {
        latency = d;
        return this;
    }

    /** The next {@code n} requests answer 500. */
    public Faults errors(int n) {
        errors500.set(n);
        return this;
    }

    /** The next {@code n} requests answer 429 with {@code Retry-After: seconds}. */
    public Faults rateLimit(int n, int seconds) {
        retryAfterSeconds = seconds;
        rateLimited.set(n);
        return this;
    }

    /** The next {@code n} requests lose their connection before anything is done. */
    public Faults dropBefore(int n) {
        dropBefore.set(n);
        return this;
    }

    /** The next {@code n} requests are carried out, then their connection is dropped unanswered. */
    public Faults dropAfter(int n) {
        dropAfter.set(n);
        return this;
    }

    /**
     * The next {@code n} requests are carried out at once and answered only {@code after} later: the
     * platform has done the work while the kiosk still waits for the answer (and may die waiting).
     */
    public Faults answerLate(int n, Duration after) {
        lateBy = after;
        answerLate.set(n);
        return this;
    }

    Duration lateBy() {
        return lateBy;
    }

    /** Each request fails with 500 with this probability (0 to 1). */
    public Faults failureRate(double p) {
        failureRate = p;
        return this;
    }

    /** Each request is carried out and then left unanswered with this probability. */
    public Faults dropAfterRate(double p) {
        dropAfterRate = p;
        return this;
    }

    /** Back to a well-behaved platform. */
    public Faults clear() {
        latency = Duration.ZERO;
        errors500.set(0);
        rateLimited.set(0);
        dropBefore.set(0);
        dropAfter.set(0);
        answerLate.set(0);
        failureRate = 0;
        dropAfterRate = 0;
        return this;
    }

    Duration latency() {
        return latency;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Action next() {
        if (take(dropBefore)) {
            return Action.DROP_BEFORE;
        }
        if (take(errors500)) {
            return Action.ERROR_500;
        }
        if (take(rateLimited)) {
            return Action.RATE_LIMITED;
        }
        if (take(dropAfter)) {
            return Action.DROP_AFTER;
        }
        if (take(answerLate)) {
            return Action.ANSWER_LATE;
        }
        synchronized (random) {
            if (failureRate > 0 && random.nextDouble() < failureRate) {
                return Action.ERROR_500;
            }
            if (dropAfterRate > 0 && random.nextDouble() < dropAfterRate) {
                return Action.DROP_AFTER;
            }
        }
        return Action.NONE;
    }

    /** Takes one of a counted fault's remaining times; false when none is left. */
    static boolean take(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n <= 0) {
                return false;
            }
            if (counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }
}
