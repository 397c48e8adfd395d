package cn.egov.kiosk.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: after the n-th failure in a row, wait a random time between
 * half and all of {@code min(max, base * 2^(n-1))}, and never less than the platform asked
 * (Retry-After). The jitter keeps a hall's kiosks from coming back all at the same moment.
 */
public record RetryPolicy(Duration base, Duration max) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public Duration delay(int failuresInARow, Optional<Duration> retryAfter) {
        int n = Math.max(1, failuresInARow);
        long ceiling = base.toMillis() << Math.min(n - 1, 30);
        if (ceiling <= 0 || ceiling > max.toMillis()) {
            ceiling = max.toMillis();
        }
        long half = ceiling / 2;
        long wait = half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
        long asked = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(wait, asked));
    }
}
