package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After a key rotation the old key still signs for 24 hours (requests in flight), then no more. */
class KeyRotationTest extends SimulatorTestBase {
  /** The simulator's clock, moved by the test; the kiosk's clock stays the system's. */
  private static final class MovableClock extends Clock {
    volatile Duration ahead = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }
  }

  private final MovableClock platformClock = new MovableClock();

  @Override
  PlatformSimulator.Options options() {
    return PlatformSimulator.Options.loopback(0).withClock(platformClock);
  }

  @Test
  void theOldKeyWorksForADayAfterTheRotationAndThenIsRefused() throws Exception {
    Registration.Rotated rotated = client.rotateCredentials(UUID.randomUUID().toString());
    PlatformClient renewed = newClient(Optional.of(Credentials.fromBase64(KIOSK.kioskId(), rotated.keyId(), rotated.secret())), Clock.systemUTC());
    assertThat(newClient().departments(Optional.empty()).body()).as("the old key, just after").isPresent();

    platformClock.ahead = Duration.ofHours(23);
    assertThat(newClient().departments(Optional.empty()).body()).as("the old key, 23 h later (signed again at the platform's time)").isPresent();

    platformClock.ahead = Duration.ofHours(25);
    assertThat(failure(() -> newClient().departments(Optional.empty())).code()).as("the old key, 25 h later").isEqualTo(Problem.UNKNOWN_KIOSK);
    assertThat(renewed.departments(Optional.empty()).body()).as("the new key").isPresent();
  }
}
