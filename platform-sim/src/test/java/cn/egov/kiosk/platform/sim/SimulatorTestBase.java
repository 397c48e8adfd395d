package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.Signature;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformClock;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.client.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A simulator on a random loopback port with one provisioned kiosk, the real client signed as that
 * kiosk, and raw requests (java.net.http, no interceptor) for what the client would never send.
 */
abstract class SimulatorTestBase {
    static final Credentials KIOSK = new Credentials(
            "KSK-TEST-01", "k-test01", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    PlatformSimulator sim;
    PlatformClient client;
    private final List<PlatformClient> clients = new ArrayList<>();
    private final HttpClient raw = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** How the test class wants its simulator. */
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0);
    }

    @BeforeEach
    void startSimulator() throws IOException {
        sim = PlatformSimulator.start(options());
        sim.provision(KIOSK, "Z9");
        client = newClient();
    }

    @AfterEach
    void stopSimulator() {
        clients.forEach(PlatformClient::close);
        sim.close();
    }

    /** A client of its own (its own connection pool), signed as {@link #KIOSK}. */
    PlatformClient newClient() {
        return newClient(Optional.of(KIOSK), Clock.systemUTC());
    }

    PlatformClient newClient(Optional<Credentials> credentials, Clock clock) {
        return newClient(credentials, new PlatformClock(clock, PlatformClock.DEFAULT_MAX_CORRECTION));
    }

    PlatformClient newClient(Optional<Credentials> credentials, PlatformClock platformClock) {
        PlatformClient c = new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)),
                () -> credentials,
                platformClock);
        clients.add(c);
        return c;
    }

    /** The call's failure; fails the test if it succeeded or threw something else. */
    static PlatformException failure(ThrowingCallable call) {
        PlatformException e = catchThrowableOfType(PlatformException.class, call);
        assertThat(e).as("the call failed with a PlatformException").isNotNull();
        return e;
    }

    // --- raw requests ---------------------------------------------------------------------------

    /** The signing headers of a request, as the kiosk's interceptor makes them (without an idempotency key). */
    Map<String, String> signed(Credentials c, String method, String target, byte[] body, long timestampMillis) {
        return signed(c, method, target, body, timestampMillis, null);
    }

    /** The Host header the simulator gets from this test's client. */
    String host() {
        return "127.0.0.1:" + sim.port();
    }

    /** As above, with the idempotency key the request will carry (null for none). */
    Map<String, String> signed(
            Credentials c, String method, String target, byte[] body, long timestampMillis, String idempotencyKey) {
        String nonce = Signature.newNonce();
        String digest = Signature.sha256Hex(body);
        String signature = Signature.sign(
                c.secret(),
                new Signature.Signed(
                                method, host(), target, timestampMillis, nonce, c.kioskId(), idempotencyKey, digest)
                        .canonical());
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Signature.KIOSK_ID, c.kioskId());
        h.put(Signature.TIMESTAMP, Long.toString(timestampMillis));
        h.put(Signature.NONCE, nonce);
        h.put(Signature.CONTENT_SHA256, digest);
        h.put(Signature.AUTHORIZATION, Signature.authorization(c.keyId(), signature));
        return h;
    }

    Map<String, String> signed(Credentials c, String method, String target, byte[] body) {
        return signed(c, method, target, body, System.currentTimeMillis());
    }

    /** Sends exactly these bytes with exactly these headers. */
    HttpResponse<byte[]> send(String method, String target, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(sim.url() + target))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body.length == 0 && method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            r.header("Content-Type", "application/json; charset=utf-8");
        }
        headers.forEach(r::header);
        return raw.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Problem problem(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        Problem p = Json.read(response.body(), Problem.class);
        assertThat(p.status()).isEqualTo(response.statusCode());
        assertThat(p.type().toString()).isEqualTo(Problem.BASE + p.code());
        return p;
    }

    // --- the data set -----------------------------------------------------------------------------

    /** One of the simulator's data files, as the simulator reads it. */
    static JsonNode data(String name) {
        try (InputStream in = SimData.class.getResourceAsStream("data/" + name)) {
            assertThat(in).as("data/" + name + " is in the simulator's build").isNotNull();
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
