package cn.egov.kiosk.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.PostalOrders;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.QueueNumbers;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.api.ServerTime;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.auth.Signature;
import cn.egov.kiosk.platform.client.PlatformException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted server: what it sends, and what it makes of every kind of answer. */
class PlatformClientTest {
    private static final byte[] SECRET = Base64.getDecoder().decode("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
    private static final Credentials CREDENTIALS = new Credentials("DEMO-01", "k-3f9a", SECRET);
    /** 2026-11-28 09:30 in Beijing: the kiosk's clock in the tests that need it to stand still. */
    private static final Instant NOW = Instant.parse("2026-11-28T01:30:00Z");

    private MockWebServer server;
    private final List<PlatformClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(PlatformClient::close);
        server.close();
    }

    private PlatformClient client() {
        return client(Clock.systemUTC(), Duration.ofSeconds(10));
    }

    private PlatformClient client(Clock clock, Duration callTimeout) {
        PlatformConfig config =
                PlatformConfig.of(server.url("/").toString()).withTimeouts(Duration.ofSeconds(3), callTimeout);
        PlatformClient c = new PlatformClient(config, () -> Optional.of(CREDENTIALS), clock);
        clients.add(c);
        return c;
    }

    // --- what a signed request carries --------------------------------------------------------

    @Test
    void everySignedRequestCarriesTheHeadersAndASignatureOverWhatWasSent() throws Exception {
        PlatformClient client = client();
        server.enqueue(json(
                201, "{\"applicationId\":\"a-1\",\"applicationNo\":\"SQ20261128000001\",\"status\":\"RECEIVED\"}"));
        server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));

        client.submit(submit("a-1"));
        client.departments(Optional.empty());

        RecordedRequest post = take();
        RecordedRequest get = take();
        assertSignedAndVerifies(post);
        assertSignedAndVerifies(get);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(body(post)).isNotEmpty();
        assertThat(get.getHeaders().get(Signature.CONTENT_SHA256)).isEqualTo(Signature.sha256Hex(new byte[0]));
        assertThat(post.getHeaders().get(Signature.NONCE))
                .isNotEqualTo(get.getHeaders().get(Signature.NONCE));
    }

    @Test
    void theSignatureCoversTheTargetAsSentPercentEncodedWithItsQuery() throws Exception {
        PlatformClient client = client();
        server.enqueue(json(200, "{\"valid\":false}"));
        server.enqueue(json(200, "{\"version\":3,\"items\":[],\"deleted\":[]}"));

        client.verify("证照 7Q/1");
        client.catalogue(2, "MzoxMDA", 100, Optional.empty());

        RecordedRequest verify = take();
        RecordedRequest catalogue = take();
        assertThat(verify.getTarget()).isEqualTo("/v1/licences/verify/%E8%AF%81%E7%85%A7%207Q%2F1");
        assertThat(catalogue.getTarget()).isEqualTo("/v1/catalogue?since=2&limit=100&cursor=MzoxMDA");
        assertSignedAndVerifies(verify);
        assertSignedAndVerifies(catalogue);
    }

    @Test
    void aSignatureOfOneRequestDoesNotVerifyForAnother() throws Exception {
        PlatformClient client = client();
        server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));
        client.departments(Optional.empty());
        RecordedRequest r = take();
        Signature.Presented p =
                Signature.parse(r.getHeaders().get("Authorization")).orElseThrow();
        long ts = Long.parseLong(r.getHeaders().get(Signature.TIMESTAMP));
        String nonce = r.getHeaders().get(Signature.NONCE);
        String digest = r.getHeaders().get(Signature.CONTENT_SHA256);

        String host = r.getHeaders().get("Host");
        Signature.Signed as = new Signature.Signed("GET", host, r.getTarget(), ts, nonce, "DEMO-01", null, digest);
        assertThat(Signature.matches(SECRET, as.canonical(), p.signature()))
                .as("the request as sent")
                .isTrue();
        assertThat(Signature.matches(
                        SECRET,
                        new Signature.Signed("GET", host, "/v1/notices", ts, nonce, "DEMO-01", null, digest)
                                .canonical(),
                        p.signature()))
                .isFalse();
        assertThat(Signature.matches(
                        SECRET,
                        new Signature.Signed("GET", host, r.getTarget(), ts + 1, nonce, "DEMO-01", null, digest)
                                .canonical(),
                        p.signature()))
                .isFalse();
        assertThat(Signature.matches(
                        SECRET,
                        new Signature.Signed("POST", host, r.getTarget(), ts, nonce, "DEMO-01", null, digest)
                                .canonical(),
                        p.signature()))
                .isFalse();
        assertThat(Signature.matches(
                        SECRET,
                        new Signature.Signed(
                                        "GET",
                                        "platform.example.gov.cn",
                                        r.getTarget(),
                                        ts,
                                        nonce,
                                        "DEMO-01",
                                        null,
                                        digest)
                                .canonical(),
                        p.signature()))
                .as("another host")
                .isFalse();
        assertThat(Signature.matches(
                        SECRET,
                        new Signature.Signed("GET", host, r.getTarget(), ts, nonce, "DEMO-02", null, digest)
                                .canonical(),
                        p.signature()))
                .as("another kiosk")
                .isFalse();
        assertThat(Signature.matches(
                        SECRET,
                        new Signature.Signed(
                                        "GET",
                                        host,
                                        r.getTarget(),
                                        ts,
                                        nonce,
                                        "DEMO-01",
                                        "0f8c1e2a-4b6d-4c8e-9a1b-3c5d7e9f1a2b",
                                        digest)
                                .canonical(),
                        p.signature()))
                .as("with an idempotency key it had not")
                .isFalse();
    }

    @Test
    void twoCallsNeverShareANonce() throws Exception {
        PlatformClient client = client();
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));
        }
        List<String> nonces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            client.departments(Optional.empty());
            nonces.add(take().getHeaders().get(Signature.NONCE));
        }
        assertThat(nonces).doesNotHaveDuplicates().allMatch(Signature::isNonce);
    }

    @Test
    void timeAndRegistrationGoUnsigned() throws Exception {
        PlatformClient client =
                new PlatformClient(PlatformConfig.of(server.url("/").toString()), Optional::empty, Clock.systemUTC());
        clients.add(client);
        server.enqueue(
                json(200, "{\"serverTime\":\"2026-11-28T09:30:00+08:00\",\"epochMillis\":" + NOW.toEpochMilli() + "}"));
        server.enqueue(json(
                201,
                "{\"kioskId\":\"DEMO-01\",\"keyId\":\"k-3f9a\",\"secret\":\""
                        + Base64.getEncoder().encodeToString(SECRET) + "\",\"queuePrefix\":\"Z1\"}"));

        client.time();
        Registration.Issued issued = client.register(
                new Registration.Request("REG-7K3Q-9PLX", "ZZ-2026-000183", "110101-01", "KS-2000", "0.1.0"));

        assertThat(issued.kioskId()).isEqualTo("DEMO-01");
        for (RecordedRequest r : List.of(take(), take())) {
            assertThat(r.getHeaders().get("Authorization")).as(r.getTarget()).isNull();
            assertThat(r.getHeaders().names())
                    .as(r.getTarget())
                    .noneMatch(
                            n -> n.toLowerCase().startsWith("x-kiosk") || n.equalsIgnoreCase(Signature.CONTENT_SHA256));
        }
    }

    @Test
    void aSignedCallWithoutCredentialsSendsNothing() {
        PlatformClient client =
                new PlatformClient(PlatformConfig.of(server.url("/").toString()), Optional::empty, Clock.systemUTC());
        clients.add(client);

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.getMessage()).contains("not registered");
        assertThat(e.retryable()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void postsThatCreateSomethingCarryTheirIdempotencyKeyAndOthersDoNot() throws Exception {
        PlatformClient client = client();
        for (int i = 0; i < 11; i++) {
            server.enqueue(json(201, "{}"));
        }
        client.submit(submit("app-1"));
        client.queueNumber(new QueueNumbers.Request("ticket-1", "A", null));
        client.offlineRange(new QueueNumbers.RangeRequest("A", 50), "range-1");
        client.book(new Appointments.Book(
                "appt-1", "slot", "item", new Appointments.Applicant("11010519491231002X", "张三", "13800138000")));
        client.createPayment(Payments.Create.forItem("order-1", "item", null, 1500, Payments.Method.QR, "工本费"));
        client.charge("PAY1", new Payments.Charge("134567890123456789"), "charge-1");
        client.postalOrder(new PostalOrders.Create("post-1", "lic-1", null, recipient()));
        client.attach(new byte[] {1, 2, 3}, "image/png", "photo.png", "att-1");
        client.licences(new Licences.Search("11010519491231002X"));
        client.reversePayment("PAY1");
        client.insuranceDues(new InsuranceDues.Search("11010519491231002X"));

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            RecordedRequest r = take();
            assertSignedAndVerifies(r);
            keys.add(r.getHeaders().get(PlatformClient.IDEMPOTENCY_KEY));
        }
        assertThat(keys)
                .containsExactly(
                        "app-1",
                        "ticket-1",
                        "range-1",
                        "appt-1",
                        "order-1",
                        "charge-1",
                        "post-1",
                        "att-1",
                        null,
                        null,
                        null);
    }

    @Test
    void aBaseUrlWithAPathKeepsItsPath() throws Exception {
        PlatformConfig config =
                PlatformConfig.of(server.url("/gateway/platform/").toString());
        PlatformClient client = new PlatformClient(config, () -> Optional.of(CREDENTIALS), Clock.systemUTC());
        clients.add(client);
        server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));

        client.departments(Optional.empty());

        RecordedRequest r = take();
        assertThat(r.getTarget()).isEqualTo("/gateway/platform/v1/departments");
        assertSignedAndVerifies(r);
    }

    // --- errors ---------------------------------------------------------------------------------

    @Test
    void aRateLimitIsARetryableProblemWithItsRetryAfter() {
        PlatformClient client = client();
        server.enqueue(problem(429, Problem.RATE_LIMITED, true)
                .newBuilder()
                .setHeader("Retry-After", "7")
                .build());

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.PROBLEM);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("rate-limited");
        assertThat(e.problem().orElseThrow().title()).isEqualTo("请求过于频繁");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.retryable()).isTrue();
        assertThat(e.platformDown()).isFalse();
    }

    @Test
    void aValidationProblemIsNotRetryable() {
        PlatformClient client = client();
        server.enqueue(problem(400, Problem.VALIDATION, false));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.submit(submit("a-2")));

        assertThat(e.kind()).isEqualTo(Kind.PROBLEM);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(Problem.VALIDATION);
        assertThat(e.retryable()).isFalse();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).contains("POST /v1/applications", "400", "validation");
    }

    @Test
    void unavailableMeansThePlatformIsDown() {
        PlatformClient client = client();
        server.enqueue(problem(503, Problem.UNAVAILABLE, true)
                .newBuilder()
                .setHeader("Retry-After", "30")
                .build());

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.platformDown()).isTrue();
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aServerErrorThatIsNotJsonIsARetryableProblemWithoutDetails() {
        PlatformClient client = client();
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .setHeader("Content-Type", "text/html")
                .body("<html><body>502 Bad Gateway</body></html>")
                .build());

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.PROBLEM);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.problem()).isEmpty();
        assertThat(e.code()).isEqualTo("problem");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aProblemThatSaysItIsNotRetryableIsBelievedOverItsStatus() {
        PlatformClient client = client();
        server.enqueue(problem(500, Problem.INTERNAL, false));
        server.enqueue(problem(409, Problem.IDEMPOTENCY_IN_PROGRESS, true));

        PlatformException internal =
                catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));
        PlatformException inProgress =
                catchThrowableOfType(PlatformException.class, () -> client.submit(submit("a-3")));

        assertThat(internal.retryable()).isFalse();
        assertThat(inProgress.retryable()).isTrue();
    }

    @Test
    void aRetryAfterDateOrNonsenseIsIgnored() {
        assertThat(PlatformClient.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
        assertThat(PlatformClient.retryAfter("-1")).isEmpty();
        assertThat(PlatformClient.retryAfter(null)).isEmpty();
        assertThat(PlatformClient.retryAfter(" 120 ")).contains(Duration.ofMinutes(2));
    }

    @Test
    void aMalformedAnswerIsAProtocolError() {
        PlatformClient client = client();
        server.enqueue(json(200, "{\"version\": 1, \"departments\": ["));
        server.enqueue(json(200, ""));
        server.enqueue(json(200, "[1, 2]"));

        for (int i = 0; i < 3; i++) {
            PlatformException e =
                    catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));
            assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void aConnectionLostBeforeTheAnswerIsInterrupted() {
        PlatformClient client = client();
        server.enqueue(json(200, "{}")
                .newBuilder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.submit(submit("a-4")));

        assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(e.status()).isZero();
        assertThat(e.retryable()).isTrue();
        assertThat(e.platformDown()).isTrue();
    }

    @Test
    void aReusedConnectionLostBeforeTheAnswerIsResentOnceByOkHttpSignedAfreshWithTheSameKey() throws Exception {
        // OkHttp retries a request whose pooled connection turns out dead (the server may have closed
        // it). The signing interceptor is a network interceptor, so the resend has a new nonce and is
        // not taken for a replay; whatever was applied the first time, the same idempotency key makes
        // the platform answer the same. A kiosk sees INTERRUPTED only when the resend fails too.
        PlatformClient client = client();
        server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));
        server.enqueue(json(201, "{}")
                .newBuilder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(json(
                201, "{\"applicationId\":\"a-6\",\"applicationNo\":\"SQ20261128000006\",\"status\":\"RECEIVED\"}"));

        client.departments(Optional.empty());
        Applications.Received r = client.submit(submit("a-6"));

        assertThat(r.applicationNo()).isEqualTo("SQ20261128000006");
        take();
        RecordedRequest first = take();
        RecordedRequest again = take();
        assertThat(again.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
        assertThat(again.getHeaders().get(Signature.NONCE))
                .isNotEqualTo(first.getHeaders().get(Signature.NONCE));
        assertThat(again.getHeaders().get(PlatformClient.IDEMPOTENCY_KEY))
                .isEqualTo(first.getHeaders().get(PlatformClient.IDEMPOTENCY_KEY))
                .isEqualTo("a-6");
        assertSignedAndVerifies(first);
        assertSignedAndVerifies(again);
    }

    @Test
    void aConnectionLostDuringTheAnswersBodyIsInterrupted() {
        PlatformClient client = client();
        String big = "{\"version\":1,\"departments\":[" + "{\"id\":\"d\",\"name\":\"部门\"},".repeat(2000)
                + "{\"id\":\"e\"}]}";
        server.enqueue(json(200, big)
                .newBuilder()
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aPortWhereNobodyListensIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PlatformClient client = new PlatformClient(
                PlatformConfig.of("http://127.0.0.1:" + port), () -> Optional.of(CREDENTIALS), Clock.systemUTC());
        clients.add(client);

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.code()).isEqualTo("unreachable");
        assertThat(e.retryable()).isTrue();
        assertThat(e.platformDown()).isTrue();
    }

    // --- conditional GET ------------------------------------------------------------------------

    @Test
    void notModifiedKeepsTheTag() throws Exception {
        PlatformClient client = client();
        server.enqueue(json(200, "{\"version\":7,\"items\":[],\"deleted\":[]}")
                .newBuilder()
                .setHeader("ETag", "\"cat-7\"")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(304)
                .setHeader("ETag", "\"cat-7\"")
                .build());
        server.enqueue(new MockResponse.Builder().code(304).build());

        Fetched<Catalogue.Page> first = client.catalogue(0, null, 500, Optional.empty());
        Fetched<Catalogue.Page> again = client.catalogue(0, null, 500, first.etag());
        Fetched<Catalogue.Page> untagged = client.catalogue(0, null, 500, first.etag());

        assertThat(first.notModified()).isFalse();
        assertThat(first.body().orElseThrow().version()).isEqualTo(7);
        assertThat(first.etag()).contains("\"cat-7\"");
        assertThat(take().getHeaders().get("If-None-Match")).isNull();
        assertThat(again.notModified()).isTrue();
        assertThat(again.etag()).contains("\"cat-7\"");
        assertThat(take().getHeaders().get("If-None-Match")).isEqualTo("\"cat-7\"");
        assertThat(untagged.notModified()).isTrue();
        assertThat(untagged.etag()).contains("\"cat-7\"");
    }

    // --- the clock ------------------------------------------------------------------------------

    @Test
    void aRequestRefusedForClockSkewIsSignedAgainOnceWithThePlatformsTime() throws Exception {
        Clock kiosk = Clock.fixed(NOW, ZoneOffset.UTC);
        PlatformClient client = client(kiosk, Duration.ofSeconds(10));
        OffsetDateTime platform = NOW.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.ofHours(8));
        server.enqueue(skew(platform));
        server.enqueue(json(
                201, "{\"applicationId\":\"a-5\",\"applicationNo\":\"SQ20261128000005\",\"status\":\"RECEIVED\"}"));

        Applications.Received received = client.submit(submit("a-5"));

        assertThat(received.applicationNo()).isEqualTo("SQ20261128000005");
        RecordedRequest first = take();
        RecordedRequest second = take();
        assertThat(Long.parseLong(first.getHeaders().get(Signature.TIMESTAMP))).isEqualTo(NOW.toEpochMilli());
        assertThat(Long.parseLong(second.getHeaders().get(Signature.TIMESTAMP)))
                .isEqualTo(NOW.toEpochMilli() + 600_000);
        assertThat(second.getHeaders().get(Signature.NONCE))
                .isNotEqualTo(first.getHeaders().get(Signature.NONCE));
        assertThat(second.getHeaders().get(PlatformClient.IDEMPOTENCY_KEY)).isEqualTo("a-5");
        assertThat(body(second)).isEqualTo(body(first));
        assertSignedAndVerifies(second);
        assertThat(client.clockOffset()).isEqualTo(Duration.ofMinutes(10));
        assertThat(client.platformMillis()).isEqualTo(NOW.toEpochMilli() + 600_000);
    }

    @Test
    void aClockCorrectionBeyondTheLimitIsRefusedToldAndNotApplied() throws Exception {
        Clock kiosk = Clock.fixed(NOW, ZoneOffset.UTC);
        PlatformClock platformClock = new PlatformClock(kiosk, Duration.ofMinutes(15));
        List<String> told = new CopyOnWriteArrayList<>();
        platformClock.addListener((offset, limit, source) ->
                told.add(offset.toMinutes() + " min > " + limit.toMinutes() + " min from " + source));
        PlatformConfig config = PlatformConfig.of(server.url("/").toString())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
        PlatformClient client = new PlatformClient(config, () -> Optional.of(CREDENTIALS), platformClock);
        clients.add(client);
        long twoHoursAhead = NOW.toEpochMilli() + Duration.ofHours(2).toMillis();
        server.enqueue(
                json(200, "{\"serverTime\":\"2026-11-28T11:30:00+08:00\",\"epochMillis\":" + twoHoursAhead + "}"));
        server.enqueue(json(
                200, "{\"serverTime\":\"2026-11-28T11:30:03+08:00\",\"epochMillis\":" + (twoHoursAhead + 3_000) + "}"));
        server.enqueue(skew(NOW.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC)));

        client.time();
        client.time(); // refused again, 3 s further (the round trip wanders): the same run of refusals, told once
        PlatformException refused =
                catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(client.clockOffset()).as("nothing applied").isZero();
        assertThat(platformClock.refused())
                .as("the last one refused, the clock-skew answer")
                .contains(Duration.ofHours(2));
        assertThat(refused.code())
                .as("a skew refusal beyond the limit is not signed again")
                .isEqualTo(Problem.CLOCK_SKEW);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(told).containsExactly("120 min > 15 min from GET /v1/time");

        // an answer within the limit is applied, and clears the refusal
        server.enqueue(json(
                200,
                "{\"serverTime\":\"2026-11-28T09:40:00+08:00\",\"epochMillis\":" + (NOW.toEpochMilli() + 600_000)
                        + "}"));
        client.time();
        assertThat(client.clockOffset()).isEqualTo(Duration.ofMinutes(10));
        assertThat(platformClock.refused()).isEmpty();
    }

    @Test
    void clientsSharingAPlatformClockSignWithTheOffsetEitherLearnt() throws Exception {
        Clock kiosk = Clock.fixed(NOW, ZoneOffset.UTC);
        PlatformClock shared = new PlatformClock(kiosk, Duration.ofMinutes(15));
        PlatformConfig config = PlatformConfig.of(server.url("/").toString())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
        PlatformClient one = new PlatformClient(config, () -> Optional.of(CREDENTIALS), shared);
        PlatformClient other = new PlatformClient(config, () -> Optional.of(CREDENTIALS), shared);
        clients.add(one);
        clients.add(other);
        server.enqueue(json(
                200,
                "{\"serverTime\":\"2026-11-28T09:40:00+08:00\",\"epochMillis\":" + (NOW.toEpochMilli() + 600_000)
                        + "}"));
        server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));

        one.time();
        other.departments(Optional.empty());

        take();
        assertThat(Long.parseLong(take().getHeaders().get(Signature.TIMESTAMP)))
                .isEqualTo(NOW.toEpochMilli() + 600_000);
    }

    @Test
    void aSecondClockSkewRefusalIsNotRetriedAgain() throws Exception {
        PlatformClient client = client(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(10));
        server.enqueue(skew(NOW.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC)));
        server.enqueue(skew(NOW.plus(Duration.ofMinutes(20)).atOffset(ZoneOffset.UTC)));
        server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.code()).isEqualTo(Problem.CLOCK_SKEW);
        assertThat(e.status()).isEqualTo(401);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aClockSkewRefusalWithoutTheServersTimeIsNotRetried() {
        PlatformClient client = client();
        server.enqueue(problem(401, Problem.CLOCK_SKEW, false));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.departments(Optional.empty()));

        assertThat(e.code()).isEqualTo(Problem.CLOCK_SKEW);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(client.clockOffset()).isZero();
    }

    @Test
    void timeLearnsTheOffsetAndLaterRequestsAreSignedWithIt() throws Exception {
        PlatformClient client = client(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(10));
        long platform = NOW.toEpochMilli() + 600_000;
        server.enqueue(json(200, "{\"serverTime\":\"2026-11-28T09:40:00+08:00\",\"epochMillis\":" + platform + "}"));
        server.enqueue(json(200, "{\"version\":1,\"departments\":[]}"));

        ServerTime t = client.time();
        client.departments(Optional.empty());

        assertThat(t.epochMillis()).isEqualTo(platform);
        assertThat(client.clockOffset()).isEqualTo(Duration.ofMinutes(10));
        take();
        assertThat(Long.parseLong(take().getHeaders().get(Signature.TIMESTAMP))).isEqualTo(platform);
    }

    // --- the batch ------------------------------------------------------------------------------

    @Test
    void aBatchAnswerWithoutOneResultPerRecordIsAProtocolError() {
        PlatformClient client = client();
        server.enqueue(json(200, "{\"results\":[{\"idempotencyKey\":\"k1\",\"status\":\"accepted\"}]}"));
        server.enqueue(json(200, "{}"));

        Batch.Request two = new Batch.Request(List.of(record("k1", 1), record("k2", 2)));
        PlatformException fewer = catchThrowableOfType(PlatformException.class, () -> client.batch(two));
        PlatformException none = catchThrowableOfType(PlatformException.class, () -> client.batch(two));

        assertThat(fewer.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(none.kind()).isEqualTo(Kind.PROTOCOL);
    }

    @Test
    void aBatchAnswerIsReadWithItsStatuses() throws Exception {
        PlatformClient client = client();
        server.enqueue(
                json(
                        200,
                        "{\"results\":[{\"idempotencyKey\":\"k1\",\"status\":\"accepted\",\"result\":{\"n\":1}},{\"idempotencyKey\":\"k2\",\"status\":\"duplicate\"},"
                                + "{\"idempotencyKey\":\"k3\",\"status\":\"rejected\",\"problem\":{\"code\":\"validation\",\"status\":422}},"
                                + "{\"idempotencyKey\":\"k4\",\"status\":\"retry\",\"problem\":{\"code\":\"unavailable\",\"status\":503,\"retryable\":true}}]}"));

        Batch.Response r = client.batch(
                new Batch.Request(List.of(record("k1", 1), record("k2", 2), record("k3", 3), record("k4", 4))));

        assertThat(r.results())
                .extracting(Batch.Result::status)
                .containsExactly(
                        Batch.Status.ACCEPTED, Batch.Status.DUPLICATE, Batch.Status.REJECTED, Batch.Status.RETRY);
        assertThat(r.results()).extracting(x -> x.status().held()).containsExactly(true, true, false, false);
        assertThat(r.results().get(3).problem().retryable()).isTrue();
        assertThat(new String(body(take()), StandardCharsets.UTF_8)).contains("\"kind\":\"audit.event\"");
    }

    @Test
    void aBatchOfMoreThan500RecordsIsRefusedBeforeItIsSent() {
        PlatformClient client = client();
        List<Batch.Record> records = new ArrayList<>();
        for (int i = 0; i <= Batch.MAX_RECORDS; i++) {
            records.add(record("k" + i, i));
        }

        assertThatThrownBy(() -> client.batch(new Batch.Request(records)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500");
        assertThat(server.getRequestCount()).isZero();
    }

    // --- the long poll --------------------------------------------------------------------------

    @Test
    void aLongPollMayTakeLongerThanAnOrdinaryCall() throws Exception {
        PlatformClient client = client(Clock.systemUTC(), Duration.ofSeconds(1));
        String paid =
                "{\"paymentId\":\"PAY1\",\"orderRef\":\"o\",\"amountFen\":1500,\"method\":\"QR\",\"status\":\"PAID\"}";
        server.enqueue(json(200, paid)
                .newBuilder()
                .headersDelay(1500, TimeUnit.MILLISECONDS)
                .build());
        server.enqueue(json(200, paid)
                .newBuilder()
                .headersDelay(1500, TimeUnit.MILLISECONDS)
                .build());

        Payments.Payment p = client.payment("PAY1", 2);
        PlatformException ordinary = catchThrowableOfType(PlatformException.class, () -> client.payment("PAY1", 0));

        assertThat(p.status()).isEqualTo(Payments.Status.PAID);
        assertThat(take().getTarget()).isEqualTo("/v1/payments/PAY1?waitSeconds=2");
        assertThat(ordinary.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(ordinary.getMessage()).contains("no answer in time");
    }

    // --- helpers --------------------------------------------------------------------------------

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    private static byte[] body(RecordedRequest r) {
        return r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
    }

    /** The request carries every signing header, and its signature verifies over what the server got. */
    static void assertSignedAndVerifies(RecordedRequest r) {
        String target = r.getTarget();
        assertThat(r.getHeaders().get(Signature.KIOSK_ID)).as(target).isEqualTo("DEMO-01");
        String ts = r.getHeaders().get(Signature.TIMESTAMP);
        assertThat(ts).as(target).matches("[0-9]{13}");
        String nonce = r.getHeaders().get(Signature.NONCE);
        assertThat(nonce).as(target).matches("[0-9a-f]{32}");
        String digest = r.getHeaders().get(Signature.CONTENT_SHA256);
        assertThat(digest).as(target).isEqualTo(Signature.sha256Hex(body(r)));
        Signature.Presented p = Signature.parse(r.getHeaders().get("Authorization"))
                .orElseThrow(() -> new AssertionError(target + ": no Authorization of ours"));
        assertThat(p.keyId()).isEqualTo("k-3f9a");
        String canonical = new Signature.Signed(
                        r.getMethod(),
                        r.getHeaders().get("Host"),
                        target,
                        Long.parseLong(ts),
                        nonce,
                        "DEMO-01",
                        r.getHeaders().get(Signature.IDEMPOTENCY_KEY),
                        digest)
                .canonical();
        assertThat(Signature.matches(SECRET, canonical, p.signature()))
                .as(target + ": the signature verifies")
                .isTrue();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    private static MockResponse problem(int status, String code, boolean retryable) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/problem+json")
                .body(new String(
                        Json.bytes(Problem.of(
                                code,
                                status,
                                code.equals(Problem.RATE_LIMITED) ? "请求过于频繁" : "错误",
                                "detail",
                                "/v1/x",
                                retryable)),
                        StandardCharsets.UTF_8))
                .build();
    }

    private static MockResponse skew(OffsetDateTime serverTime) {
        Problem p = Problem.of(
                        Problem.CLOCK_SKEW,
                        401,
                        "终端时间偏差过大",
                        "the request was signed -600 s from the platform's time",
                        "/v1/x",
                        false)
                .withServerTime(serverTime);
        return new MockResponse.Builder()
                .code(401)
                .setHeader("Content-Type", "application/problem+json; charset=utf-8")
                .body(new String(Json.bytes(p), StandardCharsets.UTF_8))
                .build();
    }

    static Applications.Submit submit(String id) {
        return new Applications.Submit(
                id,
                "110101-GA-001",
                new Applications.Applicant(
                        Applications.IdType.RESIDENT, "11010519491231002X", "张三", "13800138000", "北京市东城区示例大街1号"),
                Json.mapper().createObjectNode().put("reason", "补领"),
                List.of(),
                OffsetDateTime.parse("2026-11-28T09:30:00+08:00"));
    }

    static PostalOrders.Recipient recipient() {
        return new PostalOrders.Recipient("李四", "13900139000", "北京市", "北京市", "东城区", "示例大街2号", "100010");
    }

    private static Batch.Record record(String key, long seq) {
        return new Batch.Record(
                key,
                "audit",
                seq,
                Batch.AUDIT_EVENT,
                OffsetDateTime.parse("2026-11-28T09:30:00+08:00"),
                Json.mapper()
                        .createObjectNode()
                        .put("eventId", UUID.randomUUID().toString()));
    }
}
