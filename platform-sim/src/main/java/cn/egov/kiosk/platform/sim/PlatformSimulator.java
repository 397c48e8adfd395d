package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform simulator: a real HTTP server on loopback (or any address) implementing {@code
 * docs/platform-api.yaml} over the sample data set. Each request goes through, in order: the
 * faults on command, the route, the signature check (with replay protection), the idempotency
 * store, the handler. Besides the contract it answers a few control requests under {@code /sim/}
 * (the same as the Java methods here), for a simulator run alone, and serves the operations
 * console of the kiosks heard from ({@link Fleet}: {@code /console}, {@code /console.json}).
 */
public final class PlatformSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlatformSimulator.class);

    static {
        // The JDK's server writes headers and body apart; without TCP_NODELAY, Nagle's algorithm and
        // the client's delayed ACK hold every small answer ~40 ms, which no real gateway does.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How long after its first use a registration code may fetch the same credentials again (a lost answer). */
    public static final Duration DEFAULT_REGISTRATION_REPLAY = Duration.ofSeconds(600);

    /**
     * How the simulator starts.
     *
     * @param registrationReplay how long after its first use the same kiosk may present a
     *     registration code again for the credentials it got (until it signs a request with them)
     */
    public record Options(
            String host, int port, Clock clock, ZoneId zone, int catalogueSize, Duration registrationReplay) {
        public Options(String host, int port, Clock clock, ZoneId zone, int catalogueSize) {
            this(host, port, clock, zone, catalogueSize, DEFAULT_REGISTRATION_REPLAY);
        }

        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"), 0);
        }

        public Options withClock(Clock c) {
            return new Options(host, port, c, zone, catalogueSize, registrationReplay);
        }

        /** Grows the catalogue to this many items (0: the data set's own). */
        public Options withCatalogueSize(int n) {
            return new Options(host, port, clock, zone, n, registrationReplay);
        }

        public Options withRegistrationReplay(Duration d) {
            return new Options(host, port, clock, zone, catalogueSize, d);
        }
    }

    private final Options options;
    private final Faults faults = new Faults();
    private final Ledger ledger = new Ledger();
    private final SignatureCheck signatures;
    private final Routes routes;
    private final CatalogueState catalogue;
    private final ExecutorService workers = Executors.newFixedThreadPool(16, r -> daemon(r, "platform-sim-http"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "platform-sim-timer"));
    private final AtomicLong requests = new AtomicLong();
    private HttpServer server;
    private int port;
    private ScheduledFuture<?> comingBack;

    private PlatformSimulator(Options options) {
        this.options = options;
        this.signatures = new SignatureCheck(options.clock(), options.zone());
        this.routes = new Routes(
                SimData.load(), options.clock(), options.zone(), signatures, ledger, options.registrationReplay());
        this.catalogue = routes.sync.catalogue;
        if (options.catalogueSize() > 0) {
            catalogue.grow(options.catalogueSize());
        }
    }

    /** Starts a simulator; port 0 takes a free one ({@link #port()}). */
    public static PlatformSimulator start(Options options) throws IOException {
        PlatformSimulator sim = new PlatformSimulator(options);
        sim.listen(options.port());
        log.info("Platform simulator listening on {} ({} catalogue items)", sim.url(), sim.catalogue.size());
        return sim;
    }

    private synchronized void listen(int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host()), p), 64);
        s.setExecutor(workers);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        port = s.getAddress().getPort();
    }

    public synchronized int port() {
        return port;
    }

    public String url() {
        return "http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":" + port();
    }

    public Faults faults() {
        return faults;
    }

    /** What the kiosks have sent and the platform applied. */
    public Ledger ledger() {
        return ledger;
    }

    /** Requests of the contract received so far. */
    public long requests() {
        return requests.get();
    }

    public int catalogueSize() {
        return catalogue.size();
    }

    public long catalogueVersion() {
        return catalogue.version();
    }

    /** Changes {@code n} catalogue items (a new catalogue version); their ids. */
    public List<String> touchCatalogue(int n) {
        return catalogue.touch(n);
    }

    public boolean deleteCatalogueItem(String id) {
        return catalogue.delete(id);
    }

    /** A number the hall's central queue issued for a kiosk's ticket id, and whether the kiosk voided it. */
    public record CentralTicket(String number, boolean voided) {}

    public Optional<CentralTicket> centralTicket(String kioskId, String ticketId) {
        return routes.queue.centralTicket(kioskId, ticketId).map(t -> new CentralTicket(t.number(), t.voided()));
    }

    /** The ids of the keys a kiosk has now (a rotated-away key until it expires), oldest first. */
    public List<String> keyIds(String kioskId) {
        return signatures.keyIds(kioskId);
    }

    /** A one-time registration code the next kiosk may register with. */
    public void allowRegistrationCode(String code) {
        routes.kiosk.allowRegistrationCode(code);
    }

    /** Knows a kiosk without registration (its credentials made elsewhere), with its queue prefix. */
    public void provision(Credentials c, String queuePrefix) {
        routes.kiosk.provision(c.kioskId(), c.keyId(), c.secret(), queuePrefix);
    }

    /**
     * The "citizen" pays QR orders, and confirms charges that wait on the phone, this long after
     * they are made (demo mode), unless the wallet's payer never confirms.
     */
    public void autoPay(Optional<Duration> after) {
        routes.payments.autoPay(after);
    }

    /** Pays a waiting order as its payer would (a QR code with WeChat, or a waiting charge confirmed). */
    public boolean pay(String paymentId) {
        return routes.payments.pay(paymentId);
    }

    /** The platform's staff refund a paid order (a due it paid is due again); false when it is not paid. */
    public boolean refund(String paymentId) {
        return routes.payments.refund(paymentId);
    }

    /** The wallets' side of QR payments: the payer's phone, and the wallet's faults on command. */
    public Wallet wallet() {
        return routes.payments.wallet();
    }

    /**
     * A fresh login code of the province app for a citizen of the data set, valid for 60 s from
     * now by the simulator's clock, resolving once ({@code POST /v1/app-logins}).
     *
     * @throws IllegalArgumentException when the data set has no citizen with this ID number
     */
    public String appCode(String idNumber) {
        return routes.appLogins.code(idNumber);
    }

    /** The kiosks heard from, as the console at {@code /console} shows them. */
    public Fleet fleet() {
        return routes.telemetry.fleet();
    }

    public Optional<Heartbeat> lastHeartbeat(String kioskId) {
        return routes.telemetry.lastHeartbeat(kioskId);
    }

    /**
     * The platform goes away: the port stops listening (connections are refused) and comes back
     * after {@code duration}, or at {@link #up()}.
     */
    public synchronized void down(Duration duration) {
        if (server != null) {
            server.stop(0);
            server = null;
            log.info("Platform simulator down for {}", duration);
        }
        if (comingBack != null) {
            comingBack.cancel(false);
        }
        comingBack = timer.schedule(
                () -> {
                    try {
                        up();
                    } catch (IOException e) {
                        log.error("The platform simulator could not come back on port {}", port, e);
                    }
                },
                duration.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The platform is back, on the same port. */
    public synchronized void up() throws IOException {
        if (comingBack != null) {
            comingBack.cancel(false);
            comingBack = null;
        }
        if (server == null) {
            listen(port);
            log.info("Platform simulator back on {}", url());
        }
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (comingBack != null) {
            comingBack.cancel(false);
        }
        if (server != null) {
            server.stop(0);
            server = null;
        }
        timer.shutdownNow();
        workers.shutdownNow();
    }

    // --- the request pipeline ------------------------------------------------------------------

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            try {
                serve(x);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) { // a bug of the simulator: the contract's 500, not a dropped connection
                log.error(
                        "Platform simulator failed on {} {}",
                        x.getRequestMethod(),
                        x.getRequestURI().getRawPath(),
                        e);
                write(
                        x,
                        Reply.problem(
                                        500,
                                        Problem.INTERNAL,
                                        "平台内部错误",
                                        e.getClass().getSimpleName(),
                                        x.getRequestURI().getRawPath())
                                .reply);
            }
        }
    }

    private void serve(HttpExchange x) throws IOException, InterruptedException {
        {
            byte[] body;
            try (InputStream in = x.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = x.getRequestMethod();
            String rawPath = x.getRequestURI().getRawPath();
            String rawQuery = x.getRequestURI().getRawQuery();
            String target = rawPath + (rawQuery == null ? "" : "?" + rawQuery);
            Map<String, String> headers = new HashMap<>();
            x.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
            if ("GET".equals(method) && ("/console".equals(rawPath) || "/console/".equals(rawPath))) {
                write(x, routes.telemetry.fleet().html());
                return;
            }
            if ("GET".equals(method) && "/console.json".equals(rawPath)) {
                write(x, routes.telemetry.fleet().json());
                return;
            }
            if (rawPath.startsWith("/sim/")) {
                write(x, control(method, rawPath, body));
                return;
            }
            requests.incrementAndGet();
            Faults.Action action = faults.next();
            if (!faults.latency().isZero()) {
                Thread.sleep(faults.latency().toMillis());
            }
            switch (action) {
                case DROP_BEFORE:
                    return; // closing the exchange unanswered drops the connection
                case ERROR_500:
                    write(x, Reply.problem(500, Problem.INTERNAL, "平台内部错误", "injected fault", rawPath).reply);
                    return;
                case RATE_LIMITED:
                    write(
                            x,
                            Reply.problem(429, Problem.RATE_LIMITED, "请求过于频繁", "injected fault", rawPath)
                                    .reply
                                    .header("Retry-After", Integer.toString(faults.retryAfterSeconds())));
                    return;
                default:
                    break;
            }
            Reply reply = routes.dispatch(method, rawPath, rawQuery, target, headers, body);
            if (action == Faults.Action.DROP_AFTER || reply.lost()) {
                return; // carried out, never answered
            }
            if (action == Faults.Action.ANSWER_LATE) {
                Thread.sleep(faults.lateBy().toMillis()); // carried out; the answer waits
            }
            write(x, reply);
        }
    }

    private static void write(HttpExchange x, Reply r) throws IOException {
        if (r.contentType() != null) {
            x.getResponseHeaders().set("Content-Type", r.contentType());
        }
        r.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
        if (r.status() == 304 || r.body().length == 0) {
            x.sendResponseHeaders(r.status(), -1);
            return;
        }
        x.sendResponseHeaders(r.status(), r.body().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(r.body());
        }
    }

    /**
     * The control requests of a simulator run alone: faults, down, payments and the payer's phone
     * (the wallet's side, and its faults), the ledger's counts.
     */
    private Reply control(String method, String path, byte[] body) {
        try {
            JsonNode n = body.length == 0
                    ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(body);
            switch (method + " " + path) {
                case "GET /sim/ledger": {
                    ObjectNode o = Json.mapper().createObjectNode();
                    o.putPOJO("counts", ledger.counts());
                    o.putPOJO("duplicates", ledger.duplicates());
                    o.put("requests", requests.get());
                    o.put("catalogueVersion", catalogueVersion());
                    o.put("catalogueSize", catalogueSize());
                    return Reply.ok(o);
                }
                case "POST /sim/faults": {
                    if (n.path("clear").asBoolean(false)) {
                        faults.clear();
                    }
                    if (n.has("latencyMs")) {
                        faults.latency(Duration.ofMillis(n.get("latencyMs").asLong()));
                    }
                    if (n.has("errors")) {
                        faults.errors(n.get("errors").asInt());
                    }
                    if (n.has("rateLimit")) {
                        faults.rateLimit(
                                n.get("rateLimit").asInt(),
                                n.path("retryAfterSeconds").asInt(1));
                    }
                    if (n.has("dropBefore")) {
                        faults.dropBefore(n.get("dropBefore").asInt());
                    }
                    if (n.has("dropAfter")) {
                        faults.dropAfter(n.get("dropAfter").asInt());
                    }
                    if (n.has("answerLate")) {
                        faults.answerLate(
                                n.get("answerLate").asInt(),
                                Duration.ofMillis(n.path("lateMs").asLong(30_000)));
                    }
                    if (n.has("failureRate")) {
                        faults.failureRate(n.get("failureRate").asDouble());
                    }
                    return Reply.ok(n);
                }
                case "POST /sim/down":
                    timer.schedule(
                            () -> down(Duration.ofSeconds(n.path("seconds").asLong(60))), 50, TimeUnit.MILLISECONDS);
                    return Reply.ok(n);
                case "POST /sim/registration-codes":
                    allowRegistrationCode(n.path("code").asText());
                    return Reply.ok(n);
                case "POST /sim/catalogue/touch":
                    return Reply.ok(touchCatalogue(n.path("count").asInt(1)));
                case "POST /sim/app-codes":
                    try {
                        return Reply.ok(
                                Map.of("code", appCode(n.path("idNumber").asText())));
                    } catch (IllegalArgumentException e) {
                        return Reply.problem(404, Problem.NOT_FOUND, "未找到", e.getMessage(), path).reply;
                    }
                case "POST /sim/wallet/scan": {
                    Optional<Payments.Status> after = wallet().scanAndPay(
                                    n.path("qrCode").asText(),
                                    Payments.Wallet.valueOf(n.path("wallet").asText("WECHAT")));
                    return after.map(st -> Reply.ok(Map.of("status", st)))
                            .orElseGet(() -> Reply.problem(
                                            404, Problem.NOT_FOUND, "未找到", "no QR order with this code", path)
                                    .reply);
                }
                case "POST /sim/wallet/confirm":
                    return Reply.ok(Map.of(
                            "confirmed", wallet().confirm(n.path("paymentId").asText())));
                case "POST /sim/wallet/decline":
                    return Reply.ok(Map.of(
                            "declined", wallet().decline(n.path("paymentId").asText())));
                case "POST /sim/wallet/faults": {
                    Wallet w = wallet();
                    if (n.path("clear").asBoolean(false)) {
                        w.clear();
                    }
                    if (n.has("payerNeverConfirms")) {
                        w.payerNeverConfirms(n.get("payerNeverConfirms").asBoolean());
                    }
                    if (n.has("unknownAnswers")) {
                        w.unknownAnswers(n.get("unknownAnswers").asInt());
                    }
                    if (n.has("loseAnswers")) {
                        w.loseAnswers(n.get("loseAnswers").asInt());
                    }
                    if (n.has("failReversals")) {
                        w.failReversals(n.get("failReversals").asInt());
                    }
                    return Reply.ok(n);
                }
                default:
                    if (method.equals("POST") && path.matches("/sim/payments/[^/]+/pay")) {
                        return Reply.ok(Map.of("paid", pay(path.split("/")[3])));
                    }
                    if (method.equals("POST") && path.matches("/sim/payments/[^/]+/refund")) {
                        return Reply.ok(Map.of("refunded", refund(path.split("/")[3])));
                    }
                    return Reply.problem(404, Problem.NOT_FOUND, "未找到", "no such control", path).reply;
            }
        } catch (IOException | IllegalArgumentException e) { // not JSON, or a wallet of no such name
            return Reply.problem(400, Problem.VALIDATION, "请求体无效", e.getMessage(), path).reply;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
