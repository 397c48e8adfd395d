package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Signature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route table of the contract's operations, and what every request goes through on its way to
 * a handler: its method and path matched, its signature verified (with replay protection), its
 * idempotency key settled. The handlers, and the state they work on, are the resources', one per
 * tag of the contract; each gets a checked {@link Call} and returns a {@link Reply} or throws a
 * problem.
 */
final class Routes {
    /** A route: method, path pattern, whether it is signed, whether it takes an idempotency key. */
    record Route(String method, Pattern path, boolean signed, boolean idempotent, Handler handler) {}

    @FunctionalInterface
    interface Handler {
        Reply handle(Call call) throws InterruptedException;
    }

    private final SignatureCheck signatures;
    private final IdempotencyStore idempotency = new IdempotencyStore();
    private final List<Route> routes = new ArrayList<>();
    final KioskResource kiosk;
    final SyncResource sync;
    final QueueResource queue;
    final PaymentsResource payments;
    final InsuranceResource insurance;
    final TelemetryResource telemetry;
    final AppLoginsResource appLogins;

    Routes(
            SimData data,
            Clock clock,
            ZoneId zone,
            SignatureCheck signatures,
            Ledger ledger,
            Duration registrationReplay) {
        this.signatures = signatures;
        SimContext sim = new SimContext(data, clock, zone, ledger);
        this.kiosk = new KioskResource(sim, signatures, registrationReplay);
        this.sync = new SyncResource(sim);
        this.queue = new QueueResource(sim, kiosk);
        this.insurance = new InsuranceResource(sim);
        this.payments = new PaymentsResource(sim, insurance);
        this.telemetry = new TelemetryResource(sim);
        var appointments = new AppointmentsResource(sim, sync.catalogue, queue);
        var applications = new ApplicationsResource(sim, sync.catalogue);
        var licences = new LicencesResource(sim);
        var postal = new PostalResource(sim, licences);
        this.appLogins = new AppLoginsResource(sim);
        var outbox = new OutboxResource(queue, applications, telemetry, postal, licences);
        // The contract's tags in its order: the first route whose method and path match serves a request.
        List<Resource> tags = List.of(
                kiosk,
                sync,
                queue,
                appointments,
                applications,
                payments,
                insurance,
                licences,
                postal,
                new EnterprisesResource(sim),
                appLogins,
                telemetry,
                outbox);
        for (Resource r : tags) {
            r.register(this);
        }
    }

    /** Adds a route after those added before it. */
    void route(String method, String path, boolean signed, boolean idempotent, Handler h) {
        routes.add(new Route(method, Pattern.compile(path), signed, idempotent, h));
    }

    List<Route> routes() {
        return routes;
    }

    /**
     * Answers a request of the contract: a 404 for a path no route has, a 405 for a method the path
     * does not take, the signature's or idempotency key's problem, a stored answer again for a key
     * seen before, else the handler's answer.
     */
    Reply dispatch(
            String method, String rawPath, String rawQuery, String target, Map<String, String> headers, byte[] body)
            throws InterruptedException {
        Route route = null;
        Matcher match = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.path().matcher(rawPath);
            if (m.matches()) {
                pathKnown = true;
                if (r.method().equals(method)) {
                    route = r;
                    match = m;
                    break;
                }
            }
        }
        if (route == null) {
            return pathKnown
                    ? Reply.problem(
                                    405,
                                    Problem.VALIDATION,
                                    "不支持的方法",
                                    method + " is not allowed on " + rawPath,
                                    rawPath)
                            .reply
                    : Reply.problem(404, Problem.NOT_FOUND, "未找到", "no such resource", rawPath).reply;
        }
        String kioskId = "-";
        String key = null;
        String digest = null;
        try {
            if (route.signed()) {
                kioskId = signatures.verify(method, target, headers, body);
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= match.groupCount(); i++) {
                params.add(URLDecoder.decode(match.group(i), StandardCharsets.UTF_8));
            }
            Call call = new Call(method, rawPath, Call.parseQuery(rawQuery), params, body, kioskId, headers);
            key = route.idempotent() ? headers.get("idempotency-key") : null;
            if (key != null) {
                digest = Signature.sha256Hex((method + " " + rawPath + "\n").getBytes(StandardCharsets.UTF_8))
                        + Signature.sha256Hex(body);
                Optional<Reply> before = idempotency.claim(kioskId, key, digest, rawPath);
                if (before.isPresent()) {
                    Reply r = before.get();
                    return new Reply(r.status(), r.body(), r.contentType(), new LinkedHashMap<>(r.headers()))
                            .header("Idempotent-Replay", "true");
                }
            }
            Reply reply;
            try {
                reply = route.handler().handle(call);
            } catch (Reply.Failure f) {
                reply = f.reply;
            } catch (RuntimeException e) {
                if (key != null) {
                    idempotency.release(kioskId, key);
                }
                throw e;
            }
            if (key != null) {
                idempotency.done(kioskId, key, digest, reply.kept()); // a lost answer is given again
            }
            return reply;
        } catch (Reply.Failure f) {
            return f.reply;
        }
    }
}
