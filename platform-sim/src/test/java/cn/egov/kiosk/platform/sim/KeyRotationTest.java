package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After a key rotation the old key still signs for 24 hours (requests in flight), then no more. */
class KeyRotationTest extends SimulatorTestBase {
    private final MovableClock platformClock = new MovableClock();

    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withClock(platformClock);
    }

    @Test
    void theOldKeyWorksForADayAfterTheRotationAndThenIsRefused() throws Exception {
        Registration.Rotated rotated =
                client.rotateCredentials(UUID.randomUUID().toString());
        PlatformClient renewed = newClient(
                Optional.of(Credentials.fromBase64(KIOSK.kioskId(), rotated.keyId(), rotated.secret())), trusting());
        assertThat(newClient().departments(Optional.empty()).body())
                .as("the old key, just after")
                .isPresent();

        platformClock.ahead = Duration.ofHours(23);
        assertThat(newClient(Optional.of(KIOSK), trusting())
                        .departments(Optional.empty())
                        .body())
                .as("the old key, 23 h later (signed again at the platform's time)")
                .isPresent();

        platformClock.ahead = Duration.ofHours(25);
        assertThat(failure(() -> newClient(Optional.of(KIOSK), trusting()).departments(Optional.empty()))
                        .code())
                .as("the old key, 25 h later")
                .isEqualTo(Problem.UNKNOWN_KIOSK);
        assertThat(renewed.departments(Optional.empty()).body())
                .as("the new key")
                .isPresent();
    }

    /** A kiosk that lets the platform move its clock by days: the test moves the platform's clock a day on. */
    private static PlatformClock trusting() {
        return new PlatformClock(Clock.systemUTC(), Duration.ofDays(2));
    }
}
