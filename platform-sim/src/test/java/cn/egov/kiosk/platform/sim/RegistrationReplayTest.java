package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A registration code cannot be replayed: the same kiosk gets its credentials again only while its
 * answer may have been lost (within the replay window, before its first signed request); after
 * that, and for anyone else, a 409 without a secret.
 */
class RegistrationReplayTest extends SimulatorTestBase {
    private static final Duration WINDOW = Duration.ofSeconds(600);
    private final MovableClock platformClock = new MovableClock();

    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withClock(platformClock).withRegistrationReplay(WINDOW);
    }

    private static Registration.Request request(String code, String serial) {
        return new Registration.Request(code, serial, "110101-01", "KS-2000", "0.1.0");
    }

    @Test
    void withinTheWindowAndBeforeAnySignedRequestTheSameKioskGetsTheSameCredentials() throws Exception {
        sim.allowRegistrationCode("REG-WIN-0001");
        PlatformClient unregistered = newClient(Optional.empty(), Clock.systemUTC());
        Registration.Issued first = unregistered.register(request("REG-WIN-0001", "ZZ-0001"));

        platformClock.ahead = WINDOW.minusSeconds(30);
        HttpResponse<byte[]> again =
                send("POST", "/v1/kiosks/registrations", Json.bytes(request("REG-WIN-0001", "ZZ-0001")), Map.of());

        assertThat(again.statusCode())
                .as("the same credentials again: 200, not a second 201")
                .isEqualTo(200);
        Registration.Issued repeated = Json.read(again.body(), Registration.Issued.class);
        assertThat(repeated.secret()).isEqualTo(first.secret());
        assertThat(repeated.keyId()).isEqualTo(first.keyId());
    }

    @Test
    void afterTheWindowTheCodeGivesNoSecretEvenToTheSameSerialNumber() throws Exception {
        sim.allowRegistrationCode("REG-WIN-0002");
        Registration.Issued first =
                newClient(Optional.empty(), Clock.systemUTC()).register(request("REG-WIN-0002", "ZZ-0002"));

        platformClock.ahead = WINDOW.plusSeconds(1);
        HttpResponse<byte[]> late =
                send("POST", "/v1/kiosks/registrations", Json.bytes(request("REG-WIN-0002", "ZZ-0002")), Map.of());

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(problem(late).code()).isEqualTo(Problem.REGISTRATION_CODE_USED);
        assertThat(new String(late.body(), StandardCharsets.UTF_8))
                .as("no secret in the refusal")
                .doesNotContain(first.secret())
                .doesNotContain("secret");
    }

    @Test
    void afterTheKiosksFirstSignedRequestTheCodeGivesNoSecret() throws Exception {
        sim.allowRegistrationCode("REG-WIN-0003");
        PlatformClient unregistered = newClient(Optional.empty(), Clock.systemUTC());
        Registration.Issued first = unregistered.register(request("REG-WIN-0003", "ZZ-0003"));
        Credentials c = Credentials.fromBase64(first.kioskId(), first.keyId(), first.secret());
        assertThat(newClient(Optional.of(c), Clock.systemUTC())
                        .departments(Optional.empty())
                        .body())
                .as("the kiosk signs with its key")
                .isPresent();

        PlatformException replay = failure(() -> unregistered.register(request("REG-WIN-0003", "ZZ-0003")));

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.code()).isEqualTo(Problem.REGISTRATION_CODE_USED);
        assertThat(replay.problem().orElseThrow().detail()).doesNotContain(first.secret());
    }

    @Test
    void anotherSerialNumberNeverGetsTheCredentialsEvenWithinTheWindow() throws Exception {
        sim.allowRegistrationCode("REG-WIN-0004");
        Registration.Issued first =
                newClient(Optional.empty(), Clock.systemUTC()).register(request("REG-WIN-0004", "ZZ-0004"));

        HttpResponse<byte[]> other =
                send("POST", "/v1/kiosks/registrations", Json.bytes(request("REG-WIN-0004", "ZZ-9999")), Map.of());

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).doesNotContain(first.secret());
    }
}
