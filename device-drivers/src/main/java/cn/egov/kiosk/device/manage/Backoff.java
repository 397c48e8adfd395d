package cn.egov.kiosk.device.manage;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter: first, first×2, first×4... up to max, each ±20%. */
public record Backoff(Duration first, Duration max) {
    /**
     * The kiosk's: 0.5 s, 1 s, 2 s, then every 3 s. A cable plugged back must work within seconds
     * at an unattended kiosk; an attempt on a local port costs nothing, and the device manager logs
     * only the first and every tenth failure.
     */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));

    /** The delay before attempt {@code attempt} (1 = the first retry). */
    public Duration delay(int attempt, RandomGenerator random) {
        long base = first.toMillis();
        long capped = max.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long nominal = Math.min(capped, base << shift);
        if (nominal < 0) {
            nominal = capped;
        }
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(nominal * jitter)));
    }
}
