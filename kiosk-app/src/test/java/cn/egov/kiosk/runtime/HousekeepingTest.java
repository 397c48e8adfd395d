package cn.egov.kiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runtime's tidying runs at start and then on its schedule, a failing job not stopping it. */
class HousekeepingTest {
    @Test
    void jobsRunAtStartAndAgainEachPeriodEvenAfterAFailure() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        try (Housekeeping h = new Housekeeping(
                Duration.ofMillis(50),
                List.of(
                        new Housekeeping.Job("failing", () -> {
                            failures.incrementAndGet();
                            throw new IllegalStateException("the store is closed");
                        }),
                        new Housekeeping.Job("counting", runs::incrementAndGet)))) {
            h.start();
            Await.until(() -> runs.get() >= 1, Duration.ofSeconds(5), "run at start");
            Await.until(() -> runs.get() >= 3, Duration.ofSeconds(5), "run again on its schedule");
        }
        assertThat(failures.get()).isGreaterThanOrEqualTo(3);
    }
}
