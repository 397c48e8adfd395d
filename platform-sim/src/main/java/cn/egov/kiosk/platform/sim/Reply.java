package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, JSON bytes, headers. Thrown as a {@link Failure} for errors. */
record Reply(int status, byte[] body, String contentType, Map<String, String> headers) {
    /** The simulator's own mark of an answer to lose; never sent. */
    private static final String LOST = "X-Sim-Answer-Lost";

    static Reply json(int status, Object body) {
        return new Reply(status, Json.bytes(body), "application/json; charset=utf-8", new LinkedHashMap<>());
    }

    static Reply ok(Object body) {
        return json(200, body);
    }

    static Reply created(Object body) {
        return json(201, body);
    }

    static Reply notModified(String etag) {
        Reply r = new Reply(304, new byte[0], null, new LinkedHashMap<>());
        r.headers.put("ETag", etag);
        return r;
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Marks this answer to be lost: the request was carried out, and the answer kept for its
     * idempotency key, but the connection is dropped unanswered (a wallet's fault on command).
     */
    Reply lose() {
        headers.put(LOST, "true");
        return this;
    }

    boolean lost() {
        return headers.containsKey(LOST);
    }

    /** This answer as it would have been sent, without the mark of {@link #lose}. */
    Reply kept() {
        if (!lost()) {
            return this;
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.remove(LOST);
        return new Reply(status, body, contentType, h);
    }

    static Reply of(Problem p) {
        return new Reply(p.status(), Json.bytes(p), "application/problem+json; charset=utf-8", new LinkedHashMap<>());
    }

    /** A problem to throw from a handler. */
    static Failure problem(int status, String code, String title, String detail, String instance) {
        boolean retryable = status == 429 || status >= 500 || Problem.IDEMPOTENCY_IN_PROGRESS.equals(code);
        return new Failure(Reply.of(Problem.of(code, status, title, detail, instance, retryable)));
    }

    static Failure notFound(String what, String instance) {
        return problem(404, Problem.NOT_FOUND, "未找到", what + " not found", instance);
    }

    /** An error answer, thrown. */
    static final class Failure extends RuntimeException {
        final transient Reply reply;

        Failure(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }
}
