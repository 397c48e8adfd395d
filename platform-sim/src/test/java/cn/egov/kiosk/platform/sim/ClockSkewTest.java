package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.egov.kiosk.platform.api.Departments;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A platform whose clock is ten minutes ahead of the kiosk's. */
class ClockSkewTest extends SimulatorTestBase {
    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
    }

    @Test
    void theFirstCallIsRefusedForClockSkewAndGoesThroughSignedAgainWithThePlatformsTime() throws Exception {
        long before = sim.requests();

        Departments d = client.departments(Optional.empty()).body().orElseThrow();

        assertThat(d.departments()).isNotEmpty();
        assertThat(sim.requests() - before).isEqualTo(2);
        assertThat(client.clockOffset().toMillis())
                .isCloseTo(Duration.ofMinutes(10).toMillis(), within(30_000L));
        // from now on the client signs with the platform's time: one request each
        client.notices(Optional.empty());
        assertThat(sim.requests() - before).isEqualTo(3);
    }

    @Test
    void timeLearnsTheOffsetBeforeAnySignedCall() throws Exception {
        client.time();

        assertThat(client.clockOffset().toMillis())
                .isCloseTo(Duration.ofMinutes(10).toMillis(), within(30_000L));
        long before = sim.requests();
        client.departments(Optional.empty());
        assertThat(sim.requests() - before).isEqualTo(1);
    }
}
