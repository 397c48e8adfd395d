package cn.egov.kiosk.platform.client;

import cn.egov.kiosk.platform.api.AppLogins;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Audit;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.BusinessTypes;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Departments;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Enterprises;
import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Notices;
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
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's API as blocking Java calls. Each call is signed (but {@link #time} and {@link
 * #register}), carries its idempotency key where the contract has one, and fails with a {@link
 * PlatformException} that says whether to try again. The client signs with the platform's time
 * ({@link PlatformClock}: the kiosk's clock and an offset learnt from the platform, within a
 * limit), and a request refused for clock skew is signed again once with the time the platform
 * gave, if that is within the limit.
 */
public final class PlatformClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlatformClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    public static final String IDEMPOTENCY_KEY = Signature.IDEMPOTENCY_KEY;

    private final PlatformConfig config;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final Clock clock;
    private final PlatformClock platformClock;

    /** A client with a platform clock of its own, limited to {@link PlatformClock#DEFAULT_MAX_CORRECTION}. */
    public PlatformClient(PlatformConfig config, Supplier<Optional<Credentials>> credentials, Clock clock) {
        this(config, credentials, new PlatformClock(clock, PlatformClock.DEFAULT_MAX_CORRECTION));
    }

    /** A client signing with {@code platformClock}, which it may share with other clients. */
    public PlatformClient(
            PlatformConfig config, Supplier<Optional<Credentials>> credentials, PlatformClock platformClock) {
        this.config = config;
        this.platformClock = platformClock;
        this.clock = platformClock.kioskClock();
        this.base = HttpUrl.get(config.baseUrl());
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .addNetworkInterceptor(new SigningInterceptor(credentials, platformClock::millis));
        Tls.apply(b, config);
        this.http = b.build();
    }

    public PlatformConfig config() {
        return config;
    }

    /** The platform's clock minus the kiosk's, as last learnt and accepted (0 until then). */
    public Duration clockOffset() {
        return platformClock.offset();
    }

    /** The platform's time now, by the kiosk's clock and the learnt offset. */
    public long platformMillis() {
        return platformClock.millis();
    }

    // --- time and registration (unsigned) ---------------------------------------------------

    /**
     * Asks the platform's time and learns the offset (half the round trip counted), unless it is
     * beyond the platform clock's limit (then it is refused, and the listeners told).
     */
    public ServerTime time() throws PlatformException {
        long sent = clock.millis();
        ServerTime t = send(
                get("/v1/time").tag(SigningInterceptor.Unsigned.class, SigningInterceptor.Unsigned.TAG),
                ServerTime.class);
        long received = clock.millis();
        platformClock.learn(t.epochMillis(), (sent + received) / 2, "GET /v1/time");
        return t;
    }

    public Registration.Issued register(Registration.Request request) throws PlatformException {
        return send(
                post("/v1/kiosks/registrations", request)
                        .tag(SigningInterceptor.Unsigned.class, SigningInterceptor.Unsigned.TAG),
                Registration.Issued.class);
    }

    /**
     * A new key; {@code idempotencyKey} (a UUID the kiosk keeps until the new key is saved) makes a
     * retry after a lost answer return the same key instead of a second one.
     */
    public Registration.Rotated rotateCredentials(String idempotencyKey) throws PlatformException {
        return send(
                idempotent(post("/v1/kiosks/credentials/rotate", null), idempotencyKey), Registration.Rotated.class);
    }

    // --- down-sync ----------------------------------------------------------------------------

    /** One page of the catalogue changed since {@code since}; {@code etag} of the kiosk's copy. */
    public Fetched<Catalogue.Page> catalogue(long since, String cursor, int limit, Optional<String> etag)
            throws PlatformException {
        HttpUrl.Builder url = url("/v1/catalogue")
                .newBuilder()
                .addQueryParameter("since", Long.toString(since))
                .addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return conditional(new Request.Builder().url(url.build()).get(), etag, Catalogue.Page.class);
    }

    public Fetched<Departments> departments(Optional<String> etag) throws PlatformException {
        return conditional(get("/v1/departments"), etag, Departments.class);
    }

    public Fetched<Notices> notices(Optional<String> etag) throws PlatformException {
        return conditional(get("/v1/notices"), etag, Notices.class);
    }

    public Fetched<BusinessTypes> businessTypes(Optional<String> etag) throws PlatformException {
        return conditional(get("/v1/business-types"), etag, BusinessTypes.class);
    }

    public Appointments.SlotDay slots(String itemId, LocalDate date) throws PlatformException {
        HttpUrl url = url("/v1/appointment-slots")
                .newBuilder()
                .addQueryParameter("itemId", itemId)
                .addQueryParameter("date", date.toString())
                .build();
        return send(new Request.Builder().url(url).get(), Appointments.SlotDay.class);
    }

    /** Places left per bookable item and open day, {@code days} (1 to 14) from {@code from}. */
    public Appointments.Availability availability(LocalDate from, int days) throws PlatformException {
        HttpUrl url = url("/v1/appointment-availability")
                .newBuilder()
                .addQueryParameter("from", from.toString())
                .addQueryParameter("days", Integer.toString(days))
                .build();
        return send(new Request.Builder().url(url).get(), Appointments.Availability.class);
    }

    // --- queue, appointments ------------------------------------------------------------------

    public QueueNumbers.Issued queueNumber(QueueNumbers.Request request) throws PlatformException {
        return send(idempotent(post("/v1/queue-numbers", request), request.ticketId()), QueueNumbers.Issued.class);
    }

    public QueueNumbers.Range offlineRange(QueueNumbers.RangeRequest request, String idempotencyKey)
            throws PlatformException {
        return send(
                idempotent(post("/v1/queue-numbers/offline-ranges", request), idempotencyKey),
                QueueNumbers.Range.class);
    }

    public Appointments.Appointment book(Appointments.Book request) throws PlatformException {
        return send(
                idempotent(post("/v1/appointments", request), request.appointmentId()), Appointments.Appointment.class);
    }

    public Appointments.Found appointments(Appointments.Search search) throws PlatformException {
        return send(post("/v1/appointments/search", search), Appointments.Found.class);
    }

    public Appointments.Appointment checkIn(String appointmentId) throws PlatformException {
        return send(
                post("/v1/appointments/" + segment(appointmentId) + "/check-in", null), Appointments.Appointment.class);
    }

    public Appointments.Appointment cancel(String appointmentId) throws PlatformException {
        return send(
                post("/v1/appointments/" + segment(appointmentId) + "/cancel", null), Appointments.Appointment.class);
    }

    // --- applications -------------------------------------------------------------------------

    public Applications.Attachment attach(byte[] content, String contentType, String name, String idempotencyKey)
            throws PlatformException {
        Request.Builder r = new Request.Builder()
                .url(url("/v1/attachments"))
                .post(RequestBody.create(content, MediaType.get(contentType)))
                // a header carries ASCII only: the (often Chinese) file name goes percent-encoded UTF-8
                .header(
                        "X-Attachment-Name",
                        URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        return send(idempotent(r, idempotencyKey), Applications.Attachment.class);
    }

    public Applications.Received submit(Applications.Submit application) throws PlatformException {
        return send(
                idempotent(post("/v1/applications", application), application.applicationId()),
                Applications.Received.class);
    }

    public Applications.ProgressList progress(Applications.ProgressSearch search) throws PlatformException {
        return send(post("/v1/progress/search", search), Applications.ProgressList.class);
    }

    // --- payments -----------------------------------------------------------------------------

    public Payments.Payment createPayment(Payments.Create order) throws PlatformException {
        return send(idempotent(post("/v1/payments", order), order.orderRef()), Payments.Payment.class);
    }

    /** The payment's status; with {@code waitSeconds} > 0, waits up to that long while it is waiting. */
    public Payments.Payment payment(String paymentId, int waitSeconds) throws PlatformException {
        HttpUrl url = url("/v1/payments/" + segment(paymentId))
                .newBuilder()
                .addQueryParameter("waitSeconds", Integer.toString(waitSeconds))
                .build();
        return send(new Request.Builder().url(url).get(), Payments.Payment.class, Duration.ofSeconds(waitSeconds));
    }

    /**
     * The calling kiosk's order with this {@code orderRef}; empty when the platform holds none (a
     * create whose answer was lost is found again so, without creating the order again).
     */
    public Optional<Payments.Payment> paymentByRef(String orderRef) throws PlatformException {
        HttpUrl url = url("/v1/payments")
                .newBuilder()
                .addQueryParameter("orderRef", orderRef)
                .build();
        try {
            List<Payments.Payment> found = send(new Request.Builder().url(url).get(), Payments.PaymentList.class)
                    .payments();
            return found.stream().filter(p -> orderRef.equals(p.orderRef())).findFirst();
        } catch (PlatformException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The calling kiosk's orders made on {@code day} (the platform's time zone: the hall's), oldest first. */
    public List<Payments.Payment> paymentsOf(LocalDate day) throws PlatformException {
        HttpUrl url = url("/v1/payments")
                .newBuilder()
                .addQueryParameter("day", day.toString())
                .build();
        return send(new Request.Builder().url(url).get(), Payments.PaymentList.class)
                .payments();
    }

    public Payments.Payment cardResult(String paymentId, Payments.CardResult result) throws PlatformException {
        return send(post("/v1/payments/" + segment(paymentId) + "/card-result", result), Payments.Payment.class);
    }

    /**
     * Closes a waiting order: nothing can be paid on it any more. An order settled before is answered
     * as it stands (paid just before: {@code PAID}); query it once more after a close all the same.
     */
    public Payments.Payment closePayment(String paymentId) throws PlatformException {
        return send(post("/v1/payments/" + segment(paymentId) + "/close", null), Payments.Payment.class);
    }

    /**
     * Charges the payment code (付款码) scanned from the citizen's phone to a {@code PAYMENT_CODE}
     * order, once: {@code idempotencyKey} is the kiosk's key of this charge, kept until it has an
     * answer, so that the same request sent again after a lost answer is never a second charge. On
     * {@code WAITING} poll the order; on {@code UNKNOWN}, or any failure that is not a problem of
     * the platform's, query it: never charge it again.
     */
    public Payments.Charged charge(String paymentId, Payments.Charge charge, String idempotencyKey)
            throws PlatformException {
        return send(
                idempotent(post("/v1/payments/" + segment(paymentId) + "/charge", charge), idempotencyKey),
                Payments.Charged.class);
    }

    /**
     * Reverses an order (撤销): a paid one is paid back ({@code REVERSED}), a waiting one closed
     * ({@code CLOSED}: nothing was taken); one settled otherwise is answered as it stands. Safe to
     * send again: try again until it is answered. For a {@code CARD} order this reports that the
     * kiosk reversed the sale on its terminal: {@code REVERSED}, and a due it paid is due again.
     */
    public Payments.Payment reversePayment(String paymentId) throws PlatformException {
        return send(post("/v1/payments/" + segment(paymentId) + "/reverse", null), Payments.Payment.class);
    }

    // --- social insurance dues ----------------------------------------------------------------

    /** What the citizen owes the residents' medical and pension schemes, and what was paid. */
    public InsuranceDues.Found insuranceDues(InsuranceDues.Search search) throws PlatformException {
        return send(post("/v1/insurance-dues/search", search), InsuranceDues.Found.class);
    }

    // --- licences, postal orders, enterprises --------------------------------------------------

    public Licences.Found licences(Licences.Search search) throws PlatformException {
        return send(post("/v1/licences/search", search), Licences.Found.class);
    }

    public Licences.PrintData printData(String licenceId) throws PlatformException {
        return send(get("/v1/licences/" + segment(licenceId) + "/print-data"), Licences.PrintData.class);
    }

    public Licences.Verification verify(String verificationCode) throws PlatformException {
        return send(get("/v1/licences/verify/" + segment(verificationCode)), Licences.Verification.class);
    }

    public PostalOrders.Order postalOrder(PostalOrders.Create order) throws PlatformException {
        return send(idempotent(post("/v1/postal-orders", order), order.orderRef()), PostalOrders.Order.class);
    }

    public PostalOrders.Order postalOrderStatus(String orderId) throws PlatformException {
        return send(get("/v1/postal-orders/" + segment(orderId)), PostalOrders.Order.class);
    }

    public Enterprise enterprise(String creditCode) throws PlatformException {
        return send(get("/v1/enterprises/" + segment(creditCode)), Enterprise.class);
    }

    /** Enterprises by (part of) their name, searched by the platform; the name goes in the body. */
    public Enterprises.Found enterprises(Enterprises.Search search) throws PlatformException {
        return send(post("/v1/enterprises/search", search), Enterprises.Found.class);
    }

    // --- login by the province app's code ----------------------------------------------------

    /** Who the province app's code stands for; an invalid, expired or used code is a problem. */
    public AppLogins.Citizen appLogin(AppLogins.Resolve code) throws PlatformException {
        return send(post("/v1/app-logins", code), AppLogins.Citizen.class);
    }

    // --- up: audit, heartbeat, outbox ---------------------------------------------------------

    public Batch.Response auditEvents(Audit.Events events) throws PlatformException {
        return send(post("/v1/audit-events", events), Batch.Response.class);
    }

    public Heartbeat.Reply heartbeat(Heartbeat beat) throws PlatformException {
        return send(post("/v1/heartbeats", beat), Heartbeat.Reply.class);
    }

    /** Sends up to {@link Batch#MAX_RECORDS} outbox records; one result each, in order. */
    public Batch.Response batch(Batch.Request request) throws PlatformException {
        if (request.records().size() > Batch.MAX_RECORDS) {
            throw new IllegalArgumentException("a batch holds at most " + Batch.MAX_RECORDS + " records");
        }
        Batch.Response r = send(post("/v1/batch", request), Batch.Response.class);
        if (r.results() == null || r.results().size() != request.records().size()) {
            throw new PlatformException(
                    Kind.PROTOCOL,
                    200,
                    Optional.empty(),
                    Optional.empty(),
                    "the batch answer does not have one result per record",
                    null);
        }
        return r;
    }

    // --- plumbing -----------------------------------------------------------------------------

    /** The base URL's own path (a gateway's prefix, if any) followed by the contract's path. */
    private HttpUrl url(String path) {
        String prefix = base.encodedPath().endsWith("/")
                ? base.encodedPath().substring(0, base.encodedPath().length() - 1)
                : base.encodedPath();
        return base.newBuilder().encodedPath(prefix + path).build();
    }

    private static String segment(String s) {
        return HttpUrl.get("http://x/")
                .newBuilder()
                .addPathSegment(s)
                .build()
                .encodedPath()
                .substring(1);
    }

    private Request.Builder get(String path) {
        return new Request.Builder().url(url(path)).get();
    }

    private Request.Builder post(String path, Object body) {
        byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
        return new Request.Builder().url(url(path)).post(RequestBody.create(bytes, JSON));
    }

    private static Request.Builder idempotent(Request.Builder r, String key) {
        return r.header(IDEMPOTENCY_KEY, key);
    }

    private <T> Fetched<T> conditional(Request.Builder r, Optional<String> etag, Class<T> type)
            throws PlatformException {
        etag.ifPresent(tag -> r.header("If-None-Match", tag));
        Exchange x = exchange(r.build(), Duration.ZERO);
        Optional<String> tag = Optional.ofNullable(x.etag);
        if (x.status == 304) {
            return new Fetched<>(Optional.empty(), tag.or(() -> etag));
        }
        return new Fetched<>(Optional.of(decode(x, type)), tag);
    }

    private <T> T send(Request.Builder r, Class<T> type) throws PlatformException {
        return send(r, type, Duration.ZERO);
    }

    private <T> T send(Request.Builder r, Class<T> type, Duration extraWait) throws PlatformException {
        return decode(exchange(r.build(), extraWait), type);
    }

    private record Exchange(int status, byte[] body, String etag, String path) {}

    private Exchange exchange(Request request, Duration extraWait) throws PlatformException {
        try {
            return once(request, extraWait);
        } catch (PlatformException e) {
            if (e.problem()
                    .map(p -> Problem.CLOCK_SKEW.equals(p.code()) && p.serverTime() != null)
                    .orElse(false)) {
                long server = e.problem().get().serverTime().toInstant().toEpochMilli();
                if (platformClock.learn(
                        server,
                        clock.millis(),
                        "a clock-skew refusal of " + request.method() + " "
                                + request.url().encodedPath())) {
                    log.warn(
                            "The platform refused the kiosk's clock; offset now {} ms, signing again",
                            platformClock.offset().toMillis());
                    return once(request, extraWait);
                }
            }
            throw e;
        }
    }

    private Exchange once(Request request, Duration extraWait) throws PlatformException {
        OkHttpClient client = http;
        if (!extraWait.isZero()) {
            long ms = config.callTimeout().plus(extraWait).toMillis();
            client = http.newBuilder()
                    .readTimeout(ms, TimeUnit.MILLISECONDS)
                    .callTimeout(ms, TimeUnit.MILLISECONDS)
                    .build();
        }
        String path = request.url().encodedPath();
        try (Response response = client.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            int status = response.code();
            if (status >= 200 && status < 300 || status == 304) {
                return new Exchange(status, body, response.header("ETag"), path);
            }
            Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
            Optional<Problem> problem = problem(body, response.header("Content-Type"));
            // The problem's detail stays out of the message (it is logged): about a citizen's request
            // the platform may quote the citizen's data. Callers that need it have problem().
            String message = request.method() + " " + path + ": " + status
                    + problem.map(p -> " " + p.code()).orElse("");
            throw new PlatformException(Kind.PROBLEM, status, problem, retryAfter, message, null);
        } catch (PlatformException e) {
            throw e;
        } catch (SigningInterceptor.NotRegisteredException e) {
            throw new PlatformException(Kind.NOT_REGISTERED, 0, Optional.empty(), Optional.empty(), e.getMessage(), e);
        } catch (ConnectException
                | NoRouteToHostException
                | UnknownHostException
                | SSLHandshakeException
                | SSLPeerUnverifiedException e) {
            throw new PlatformException(
                    Kind.UNREACHABLE,
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    request.method() + " " + path + ": platform unreachable: " + e,
                    e);
        } catch (InterruptedIOException e) {
            throw new PlatformException(
                    Kind.INTERRUPTED,
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    request.method() + " " + path + ": no answer in time: " + e,
                    e);
        } catch (IOException e) {
            throw new PlatformException(
                    Kind.INTERRUPTED,
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    request.method() + " " + path + ": connection lost: " + e,
                    e);
        }
    }

    private static <T> T decode(Exchange x, Class<T> type) throws PlatformException {
        try {
            T value = Json.read(x.body, type);
            if (value == null) {
                throw new IOException("empty body");
            }
            return value;
        } catch (IOException e) {
            throw new PlatformException(
                    Kind.PROTOCOL,
                    x.status,
                    Optional.empty(),
                    Optional.empty(),
                    x.path + ": the answer is not a " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    private static Optional<Problem> problem(byte[] body, String contentType) {
        if (body.length == 0 || contentType == null || !contentType.contains("json")) {
            return Optional.empty();
        }
        try {
            Problem p = Json.read(body, Problem.class);
            return p != null && p.code() != null ? Optional.of(p) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Retry-After in seconds (the platform never sends the HTTP-date form). */
    static Optional<Duration> retryAfter(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            long s = Long.parseLong(header.strip());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
