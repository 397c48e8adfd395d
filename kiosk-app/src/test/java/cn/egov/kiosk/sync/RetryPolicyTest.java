package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exponential back-off with jitter, capped, never shorter than the platform asked. */
class RetryPolicyTest {
    private static final int SAMPLES = 300;
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private LongSummaryStatistics delays(RetryPolicy p, int failures, Optional<Duration> retryAfter) {
        return IntStream.range(0, SAMPLES)
                .mapToLong(i -> p.delay(failures, retryAfter).toMillis())
                .summaryStatistics();
    }

    @Test
    void eachDelayIsBetweenHalfAndAllOfItsCeilingWhichDoublesUpToTheMaximum() {
        long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000};
        for (int n = 1; n <= ceilings.length; n++) {
            LongSummaryStatistics s = delays(policy, n, Optional.empty());
            assertThat(s.getMin()).as("failure %d", n).isGreaterThanOrEqualTo(ceilings[n - 1] / 2);
            assertThat(s.getMax()).as("failure %d", n).isLessThanOrEqualTo(ceilings[n - 1]);
        }
    }

    @Test
    void delaysGrowWithTheFailuresInARow() {
        long previousMax = 0;
        for (int n = 1; n <= 9; n++) { // below the cap, every delay of n+1 is at least every delay of n
            LongSummaryStatistics s = delays(policy, n, Optional.empty());
            assertThat(s.getMin()).as("failure %d", n).isGreaterThanOrEqualTo(previousMax);
            previousMax = s.getMax();
        }
        assertThat(delays(policy, 9, Optional.empty()).getAverage())
                .isGreaterThan(delays(policy, 2, Optional.empty()).getAverage() * 50);
    }

    @Test
    void theDelayIsCappedAtTheMaximumHoweverManyFailures() {
        for (int n : new int[] {10, 31, 32, 63, 64, 1_000, Integer.MAX_VALUE}) {
            LongSummaryStatistics s = delays(policy, n, Optional.empty());
            assertThat(s.getMin()).as("failure %d", n).isGreaterThanOrEqualTo(150_000);
            assertThat(s.getMax()).as("failure %d", n).isLessThanOrEqualTo(300_000);
        }
        // a base so large that doubling it overflows still gives the maximum
        RetryPolicy huge = new RetryPolicy(Duration.ofDays(365 * 1000L), Duration.ofHours(1));
        assertThat(delays(huge, 30, Optional.empty()).getMax())
                .isLessThanOrEqualTo(3_600_000)
                .isGreaterThanOrEqualTo(1_800_000);
        assertThat(delays(huge, 1, Optional.empty()).getMax()).isLessThanOrEqualTo(3_600_000);
    }

    @Test
    void noFailuresYetCountsAsTheFirst() {
        for (int n : new int[] {0, -1, Integer.MIN_VALUE}) {
            LongSummaryStatistics s = delays(policy, n, Optional.empty());
            assertThat(s.getMin()).isGreaterThanOrEqualTo(500);
            assertThat(s.getMax()).isLessThanOrEqualTo(1_000);
        }
    }

    @Test
    void theDelayIsNeverShorterThanRetryAfter() {
        assertThat(delays(policy, 1, Optional.of(Duration.ofSeconds(30))).getMin())
                .isEqualTo(30_000);
        assertThat(delays(policy, 1, Optional.of(Duration.ofSeconds(30))).getMax())
                .isEqualTo(30_000);
        assertThat(delays(policy, 20, Optional.of(Duration.ofHours(1))).getMin())
                .as("above the maximum too")
                .isEqualTo(3_600_000);
        LongSummaryStatistics longer = delays(policy, 6, Optional.of(Duration.ofSeconds(2)));
        assertThat(longer.getMin()).as("our own back-off when longer").isGreaterThanOrEqualTo(16_000);
        assertThat(delays(policy, 1, Optional.of(Duration.ZERO)).getMin()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void theJitterSpreadsTheDelays() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            seen.add(policy.delay(3, Optional.empty()).toMillis());
        }
        assertThat(seen.size())
                .as("kiosks of a hall do not come back all at once")
                .isGreaterThan(50);
    }

    @Test
    void theDefaultIsOneSecondToFiveMinutes() {
        assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }
}
