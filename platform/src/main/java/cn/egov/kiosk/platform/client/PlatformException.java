package cn.egov.kiosk.platform.client;

import cn.egov.kiosk.platform.api.Problem;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A call to the platform that did not give its answer. */
public final class PlatformException extends Exception {
    /** What went wrong, as far as the kiosk can tell. */
    public enum Kind {
        /** No connection could be made (refused, no route, DNS, TLS handshake). Nothing was sent. */
        UNREACHABLE,
        /** The connection broke or the time ran out after the request went: it may have been applied. */
        INTERRUPTED,
        /** The platform answered with an error (problem details). */
        PROBLEM,
        /** The platform answered something the contract does not allow. */
        PROTOCOL,
        /** The kiosk has no credentials yet: nothing signed was sent. */
        NOT_REGISTERED
    }

    private final Kind kind;
    private final int status;
    private final transient Optional<Problem> problem;
    private final transient Optional<Duration> retryAfter;

    public PlatformException(
            Kind kind,
            int status,
            Optional<Problem> problem,
            Optional<Duration> retryAfter,
            String message,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public Optional<Problem> problem() {
        return problem;
    }

    /** The problem's code, or the kind in lower case when there is no problem. */
    public String code() {
        return problem.map(Problem::code).orElse(kind.name().toLowerCase(Locale.ROOT));
    }

    /** How long the platform asked the kiosk to wait (429, 503). */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Whether the same request (with the same idempotency key) may succeed later. */
    public boolean retryable() {
        switch (kind) {
            case UNREACHABLE:
            case INTERRUPTED:
                return true;
            case PROBLEM:
                return problem.map(Problem::retryable).orElse(status >= 500 || status == 429);
            default:
                return status >= 500;
        }
    }

    /**
     * Whether this says the platform is away (no answer, or a 5xx): the kiosk then serves offline.
     * A 4xx, a 429 among them, is an answer: the platform is there.
     */
    public boolean offline() {
        return kind == Kind.UNREACHABLE || kind == Kind.INTERRUPTED || status >= 500;
    }

    /** Whether the platform refused the kiosk itself (no or an unknown key, a bad signature). */
    public boolean authRefused() {
        if (kind == Kind.NOT_REGISTERED) {
            return true;
        }
        String c = problem.map(Problem::code).orElse("");
        return Problem.UNKNOWN_KIOSK.equals(c)
                || Problem.SIGNATURE_INVALID.equals(c)
                || Problem.SIGNATURE_MISSING.equals(c);
    }

    /** Whether the platform could not be reached at all, or is down ({@code 503}). */
    public boolean platformDown() {
        return kind == Kind.UNREACHABLE || kind == Kind.INTERRUPTED || status == 502 || status == 503 || status == 504;
    }
}
