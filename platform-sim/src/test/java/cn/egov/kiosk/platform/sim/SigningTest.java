package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.egov.kiosk.platform.api.Departments;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.QueueNumbers.Request;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.api.ServerTime;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.Signature;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration, signatures, replays and the clock, over real HTTP. */
class SigningTest extends SimulatorTestBase {

    @Test
    void aKioskRegisteredWithAnAllowedCodeSignsWithTheCredentialsItGot() throws Exception {
        sim.allowRegistrationCode("REG-7K3Q-9PLX");
        PlatformClient unregistered = newClient(Optional.empty(), Clock.systemUTC());

        Registration.Issued issued = unregistered.register(
                new Registration.Request("REG-7K3Q-9PLX", "ZZ-2026-000183", "110101-01", "KS-2000", "0.1.0"));

        assertThat(issued.kioskId()).isNotBlank();
        assertThat(issued.keyId()).isNotBlank();
        assertThat(Base64.getDecoder().decode(issued.secret())).hasSize(32);
        assertThat(issued.hallId()).isEqualTo("110101-01");
        assertThat(issued.queuePrefix()).isNotBlank();
        Credentials credentials = Credentials.fromBase64(issued.kioskId(), issued.keyId(), issued.secret());
        Departments departments = newClient(Optional.of(credentials), Clock.systemUTC())
                .departments(Optional.empty())
                .body()
                .orElseThrow();
        assertThat(departments.departments()).isNotEmpty();
    }

    @Test
    void aRegistrationCodeWorksForOneKioskOnly() throws Exception {
        sim.allowRegistrationCode("REG-ONCE-0001");
        PlatformClient unregistered = newClient(Optional.empty(), Clock.systemUTC());
        unregistered.register(
                new Registration.Request("REG-ONCE-0001", "ZZ-2026-000184", "110101-01", "KS-2000", "0.1.0"));

        PlatformException another = failure(() -> unregistered.register(
                new Registration.Request("REG-ONCE-0001", "ZZ-2026-000999", "110101-01", "KS-2000", "0.1.0")));

        assertThat(another.status()).isEqualTo(409);
        assertThat(another.code()).isEqualTo(Problem.REGISTRATION_CODE_USED);
        assertThat(another.retryable()).isFalse();
    }

    @Test
    void aCodeNeverAllowedIsRefused() {
        PlatformClient unregistered = newClient(Optional.empty(), Clock.systemUTC());

        PlatformException e = failure(() -> unregistered.register(
                new Registration.Request("REG-NONE-0000", "ZZ-2026-000185", "110101-01", "KS-2000", "0.1.0")));

        assertThat(e.code()).isEqualTo(Problem.REGISTRATION_CODE_USED);
    }

    @Test
    void theKioskThatLostItsRegistrationsAnswerGetsTheSameCredentialsAgain() throws Exception {
        sim.allowRegistrationCode("REG-LOST-0001");
        PlatformClient unregistered = newClient(Optional.empty(), Clock.systemUTC());
        Registration.Request request =
                new Registration.Request("REG-LOST-0001", "ZZ-2026-000186", "110101-01", "KS-2000", "0.1.0");
        sim.faults().dropAfter(1);

        PlatformException lost = failure(() -> unregistered.register(request));
        Registration.Issued issued = unregistered.register(request);
        Registration.Issued again = unregistered.register(request);

        assertThat(lost.kind()).isEqualTo(PlatformException.Kind.INTERRUPTED);
        assertThat(again.kioskId()).isEqualTo(issued.kioskId());
        assertThat(again.secret()).isEqualTo(issued.secret());
        Credentials credentials = Credentials.fromBase64(issued.kioskId(), issued.keyId(), issued.secret());
        assertThat(newClient(Optional.of(credentials), Clock.systemUTC())
                        .departments(Optional.empty())
                        .body())
                .isPresent();
    }

    @Test
    void aRotatedKeySignsAndTheOldOneStillDoesForADay() throws Exception {
        String key = UUID.randomUUID().toString();
        Registration.Rotated rotated = client.rotateCredentials(key);
        assertThat(client.rotateCredentials(key).keyId())
                .as("a retry after a lost answer: the same new key")
                .isEqualTo(rotated.keyId());

        assertThat(rotated.keyId()).isNotEqualTo(KIOSK.keyId());
        assertThat(rotated.previousKeyValidUntil()).isAfter(rotated.issuedAt().plusHours(23));
        Credentials next = Credentials.fromBase64(KIOSK.kioskId(), rotated.keyId(), rotated.secret());
        assertThat(newClient(Optional.of(next), Clock.systemUTC())
                        .departments(Optional.empty())
                        .body())
                .isPresent();
        assertThat(newClient().departments(Optional.empty()).body()).isPresent();
    }

    @Test
    void aProvisionedKioskWithTheWrongSecretIsRefused() {
        byte[] wrong = KIOSK.secret();
        wrong[0] ^= 1;
        PlatformClient impostor =
                newClient(Optional.of(new Credentials(KIOSK.kioskId(), KIOSK.keyId(), wrong)), Clock.systemUTC());

        PlatformException e = failure(() -> impostor.departments(Optional.empty()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo(Problem.SIGNATURE_INVALID);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void anUnknownKeyOrAKeyOfAnotherKioskIsAnUnknownKiosk() {
        PlatformClient unknownKey =
                newClient(Optional.of(new Credentials(KIOSK.kioskId(), "k-nobody", KIOSK.secret())), Clock.systemUTC());
        PlatformClient otherKiosk = newClient(
                Optional.of(new Credentials("KSK-OTHER-99", KIOSK.keyId(), KIOSK.secret())), Clock.systemUTC());

        assertThat(failure(() -> unknownKey.departments(Optional.empty())).code())
                .isEqualTo(Problem.UNKNOWN_KIOSK);
        assertThat(failure(() -> otherKiosk.departments(Optional.empty())).code())
                .isEqualTo(Problem.UNKNOWN_KIOSK);
    }

    @Test
    void anUnsignedRequestToASignedRouteIsSignatureMissing() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/v1/departments", new byte[0], Map.of());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(problem(r).code()).isEqualTo(Problem.SIGNATURE_MISSING);
    }

    @Test
    void aRequestReplayedByteForByteIsRefusedTheSecondTime() throws Exception {
        byte[] body = "{\"at\":\"2026-11-28T09:30:00+08:00\",\"uptimeSeconds\":60,\"appVersion\":\"0.1.0\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signed(KIOSK, "POST", "/v1/heartbeats", body);

        HttpResponse<byte[]> first = send("POST", "/v1/heartbeats", body, headers);
        HttpResponse<byte[]> replayed = send("POST", "/v1/heartbeats", body, headers);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(problem(replayed).code()).isEqualTo(Problem.REPLAYED);
    }

    @Test
    void aGetReplayedIsRefusedToo() throws Exception {
        Map<String, String> headers = signed(KIOSK, "GET", "/v1/departments", new byte[0]);

        assertThat(send("GET", "/v1/departments", new byte[0], headers).statusCode())
                .isEqualTo(200);
        HttpResponse<byte[]> replayed = send("GET", "/v1/departments", new byte[0], headers);
        assertThat(problem(replayed).code()).isEqualTo(Problem.REPLAYED);
    }

    @Test
    void aTamperedBodyWithTheOriginalHeadersIsABodyDigestMismatch() throws Exception {
        byte[] body = "{\"idNumber\":\"11010519491231002X\"}".getBytes(StandardCharsets.UTF_8);
        byte[] tampered = "{\"idNumber\":\"110105194912310038\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signed(KIOSK, "POST", "/v1/licences/search", body);

        HttpResponse<byte[]> r = send("POST", "/v1/licences/search", tampered, headers);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(problem(r).code()).isEqualTo(Problem.BODY_DIGEST_MISMATCH);
        // the original, untouched, still goes through: the refusal did not spend its nonce
        assertThat(send("POST", "/v1/licences/search", body, headers).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTamperedTargetIsASignatureInvalid() throws Exception {
        Map<String, String> headers = signed(KIOSK, "GET", "/v1/catalogue?since=0&limit=10", new byte[0]);

        HttpResponse<byte[]> r = send("GET", "/v1/catalogue?since=0&limit=500", new byte[0], headers);

        assertThat(problem(r).code()).isEqualTo(Problem.SIGNATURE_INVALID);
    }

    @Test
    void aSignedCreateSentAgainUnderAnotherIdempotencyKeyIsRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] body = Json.bytes(new Request(id, "A", null));
        Map<String, String> headers =
                new HashMap<>(signed(KIOSK, "POST", "/v1/queue-numbers", body, System.currentTimeMillis(), id));
        headers.put(Signature.IDEMPOTENCY_KEY, id);
        Map<String, String> underAnotherKey = new HashMap<>(headers);
        underAnotherKey.put(Signature.IDEMPOTENCY_KEY, UUID.randomUUID().toString());

        HttpResponse<byte[]> forged = send("POST", "/v1/queue-numbers", body, underAnotherKey);
        HttpResponse<byte[]> genuine = send("POST", "/v1/queue-numbers", body, headers);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(problem(forged).code()).isEqualTo(Problem.SIGNATURE_INVALID);
        assertThat(genuine.statusCode())
                .as("the request as signed, its nonce unspent by the refusal")
                .isEqualTo(201);
    }

    @Test
    void aRequestSignedForAnotherHostIsRefused() throws Exception {
        // signed for 127.0.0.1:PORT, sent to localhost:PORT: the Host header differs
        Map<String, String> headers = signed(KIOSK, "GET", "/v1/departments", new byte[0]);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + sim.port() + "/v1/departments"))
                .timeout(Duration.ofSeconds(10))
                .GET();
        headers.forEach(r::header);

        HttpResponse<byte[]> sent = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(r.build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(sent.statusCode()).isEqualTo(401);
        assertThat(Json.read(sent.body(), Problem.class).code()).isEqualTo(Problem.SIGNATURE_INVALID);
        assertThat(send("GET", "/v1/departments", new byte[0], headers).statusCode())
                .as("to the host it was signed for")
                .isEqualTo(200);
    }

    @Test
    void aTimestampOutsideTheWindowIsClockSkewWithTheServersTime() throws Exception {
        long old = System.currentTimeMillis() - Signature.WINDOW_MILLIS - 60_000;
        HttpResponse<byte[]> r =
                send("GET", "/v1/departments", new byte[0], signed(KIOSK, "GET", "/v1/departments", new byte[0], old));

        Problem p = problem(r);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(p.code()).isEqualTo(Problem.CLOCK_SKEW);
        assertThat(p.serverTime()).isNotNull();
        assertThat(p.serverTime().toInstant().toEpochMilli()).isCloseTo(System.currentTimeMillis(), within(30_000L));
    }

    @Test
    void timeIsAnsweredUnsignedWithoutCredentials() throws Exception {
        PlatformClient unregistered = newClient(Optional.empty(), Clock.systemUTC());

        ServerTime t = unregistered.time();
        HttpResponse<byte[]> raw = send("GET", "/v1/time", new byte[0], Map.of());

        assertThat(t.epochMillis()).isCloseTo(System.currentTimeMillis(), within(30_000L));
        assertThat(t.serverTime().getOffset().getTotalSeconds()).isEqualTo(8 * 3600); // Beijing time
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(Json.read(raw.body(), ServerTime.class).epochMillis()).isPositive();
        assertThat(unregistered.clockOffset().abs()).isLessThan(Duration.ofSeconds(30));
    }
}
