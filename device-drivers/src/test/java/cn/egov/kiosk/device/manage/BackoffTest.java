package cn.egov.kiosk.device.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    /** A random source whose nextDouble is always {@code value}. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void doublesFromTheFirstDelay() {
        RandomGenerator noJitter = fixed(0.5); // 0.8 + 0.4 * 0.5 = 1.0

        assertThat(backoff.delay(1, noJitter)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2, noJitter)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(3, noJitter)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(4, noJitter)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(6, noJitter)).isEqualTo(Duration.ofMillis(3200));
    }

    @Test
    void isCappedAtTheMaximum() {
        RandomGenerator noJitter = fixed(0.5);

        assertThat(backoff.delay(7, noJitter)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(30, noJitter)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(1_000_000, noJitter)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(Integer.MAX_VALUE, noJitter)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void attemptsBeforeTheFirstCountAsTheFirst() {
        assertThat(backoff.delay(0, fixed(0.5))).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(-3, fixed(0.5))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void jitterIsPlusOrMinusTwentyPercent() {
        assertThat(backoff.delay(3, fixed(0.0))).isEqualTo(Duration.ofMillis(320)); // 400 - 20 %
        assertThat(backoff.delay(3, fixed(0.9999999))).isEqualTo(Duration.ofMillis(480)); // 400 + 20 %
        assertThat(backoff.delay(40, fixed(0.9999999))).isEqualTo(Duration.ofSeconds(6)); // the cap + 20 %
    }

    @Test
    void randomDelaysStayWithinTheBounds() {
        SplittableRandom random = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long nominal = Math.min(5000, 100L << (attempt - 1));
            for (int i = 0; i < 500; i++) {
                long ms = backoff.delay(attempt, random).toMillis();
                assertThat(ms)
                        .as("attempt %d", attempt)
                        .isBetween(Math.round(nominal * 0.8), Math.round(nominal * 1.2));
            }
        }
    }

    @Test
    void neverLessThanAMillisecond() {
        assertThat(new Backoff(Duration.ZERO, Duration.ZERO).delay(1, fixed(0.0)))
                .isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void theDefaultStartsAtOneSecondAndStopsAtOneMinute() {
        assertThat(Backoff.DEFAULT.delay(1, fixed(0.5))).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.DEFAULT.delay(20, fixed(0.5))).isEqualTo(Duration.ofSeconds(3));
    }
}
