package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.invalid;
import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Audit;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.PostalOrders;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.QueueNumbers;
import cn.egov.kiosk.platform.auth.Signature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract's {@code outbox} tag: the batch of records a kiosk kept while it could not, or
 * should not, wait for the platform, with one result each. Owns the records' idempotency keys;
 * each record is applied by the resource that owns its kind (tickets, applications, audit events,
 * postal orders, licences collected), as the same operation sent alone would be.
 */
final class OutboxResource implements Resource {
    private final QueueResource queue;
    private final ApplicationsResource applications;
    private final TelemetryResource telemetry;
    private final PostalResource postal;
    private final LicencesResource licences;
    private final IdempotencyStore batchKeys = new IdempotencyStore();

    OutboxResource(
            QueueResource queue,
            ApplicationsResource applications,
            TelemetryResource telemetry,
            PostalResource postal,
            LicencesResource licences) {
        this.queue = queue;
        this.applications = applications;
        this.telemetry = telemetry;
        this.postal = postal;
        this.licences = licences;
    }

    @Override
    public void register(Routes routes) {
        routes.route("POST", "/v1/batch", true, false, this::batch);
    }

    /** Applies one batch record (its idempotency is settled by the caller); returns its result body. */
    JsonNode apply(String kioskId, Batch.Record r, String instance) {
        switch (r.kind()) {
            case Batch.TICKET_ISSUED:
                QueueNumbers.TicketIssued ticket = convert(r.body(), QueueNumbers.TicketIssued.class, instance);
                queue.ticketIssued(kioskId, ticket, r.stream(), r.seq(), r.body(), instance);
                return null;
            case Batch.APPLICATION_SUBMIT: {
                Applications.Submit submit = convert(r.body(), Applications.Submit.class, instance);
                return Json.mapper().valueToTree(applications.submit(kioskId, submit, r.stream(), r.seq(), instance));
            }
            case Batch.AUDIT_EVENT:
                telemetry.audit(kioskId, convert(r.body(), Audit.Event.class, instance), r.stream(), r.seq(), instance);
                return null;
            case Batch.POSTAL_ORDER_CREATE: {
                PostalOrders.Create order = convert(r.body(), PostalOrders.Create.class, instance);
                return Json.mapper().valueToTree(postal.create(kioskId, order, r.stream(), r.seq(), instance));
            }
            case Batch.LICENCE_COLLECTED:
                licences.collected(
                        kioskId,
                        convert(r.body(), Licences.Collected.class, instance),
                        r.stream(),
                        r.seq(),
                        r.body(),
                        instance);
                return null;
            default:
                throw invalid("unknown record kind " + r.kind(), instance);
        }
    }

    private Reply batch(Call c) {
        Batch.Request req = c.body(Batch.Request.class);
        require(
                req.records() != null
                        && !req.records().isEmpty()
                        && req.records().size() <= Batch.MAX_RECORDS,
                "a batch holds 1 to 500 records",
                c);
        List<Batch.Result> results = new ArrayList<>();
        Map<String, Long> lastSeq = new HashMap<>();
        Set<String> held = new HashSet<>();
        for (Batch.Record r : req.records()) {
            if (r.idempotencyKey() == null || r.stream() == null || r.kind() == null) {
                results.add(new Batch.Result(
                        r.idempotencyKey(),
                        Batch.Status.REJECTED,
                        null,
                        problem(422, "idempotencyKey, stream and kind are required", c.path())));
                continue;
            }
            if (held.contains(r.stream())) {
                results.add(new Batch.Result(
                        r.idempotencyKey(),
                        Batch.Status.RETRY,
                        null,
                        Problem.of(
                                Problem.UNAVAILABLE,
                                503,
                                "顺序等待",
                                "an earlier record of stream " + r.stream() + " must go first",
                                c.path(),
                                true)));
                continue;
            }
            Long prev = lastSeq.put(r.stream(), r.seq());
            if (prev != null && r.seq() <= prev) {
                results.add(new Batch.Result(
                        r.idempotencyKey(),
                        Batch.Status.REJECTED,
                        null,
                        problem(422, "seq " + r.seq() + " after " + prev + " in stream " + r.stream(), c.path())));
                continue;
            }
            String digest = Signature.sha256Hex(
                            Json.bytes(r.body() == null ? Json.mapper().nullNode() : r.body())) + ":" + r.kind();
            try {
                Optional<Reply> before = batchKeys.claim(c.kioskId(), r.idempotencyKey(), digest, c.path());
                if (before.isPresent()) {
                    JsonNode result = before.get().body().length == 0
                            ? null
                            : Json.mapper().readTree(before.get().body());
                    results.add(new Batch.Result(r.idempotencyKey(), Batch.Status.DUPLICATE, result, null));
                    continue;
                }
                JsonNode result;
                try {
                    result = apply(c.kioskId(), r, c.path());
                } catch (RuntimeException e) {
                    batchKeys.release(c.kioskId(), r.idempotencyKey());
                    throw e;
                }
                byte[] stored = result == null ? new byte[0] : Json.bytes(result);
                batchKeys.done(c.kioskId(), r.idempotencyKey(), digest, new Reply(200, stored, null, Map.of()));
                results.add(new Batch.Result(r.idempotencyKey(), Batch.Status.ACCEPTED, result, null));
            } catch (Reply.Failure f) {
                Problem p = problemOf(f);
                boolean retry = p != null && p.retryable();
                if (retry) {
                    held.add(r.stream());
                }
                results.add(new Batch.Result(
                        r.idempotencyKey(), retry ? Batch.Status.RETRY : Batch.Status.REJECTED, null, p));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Reply.ok(new Batch.Response(results));
    }

    private static Problem problemOf(Reply.Failure f) {
        try {
            return Json.read(f.reply.body(), Problem.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static Problem problem(int status, String detail, String instance) {
        return Problem.of(Problem.VALIDATION, status, "记录无效", detail, instance, false);
    }

    private static <T> T convert(JsonNode body, Class<T> type, String instance) {
        if (body == null || !body.isObject()) {
            throw invalid("the record has no body", instance);
        }
        try {
            return Json.mapper().treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid("the body is not a valid " + type.getSimpleName() + ": " + e.getMessage(), instance);
        }
    }
}
