package cn.egov.kiosk.platform.api;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * An RFC 9457 problem, as the platform reports every error ({@code application/problem+json}).
 *
 * @param code the last segment of {@code type}, one of the constants here
 * @param retryable whether the same request may succeed later (429, 503, 500, in progress)
 * @param serverTime the platform's clock, on {@link #CLOCK_SKEW}
 */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        boolean retryable,
        OffsetDateTime serverTime) {

    public static final String BASE = "https://platform.example.gov.cn/problems/";

    public static final String VALIDATION = "validation";
    public static final String SIGNATURE_MISSING = "signature-missing";
    public static final String UNKNOWN_KIOSK = "unknown-kiosk";
    public static final String SIGNATURE_INVALID = "signature-invalid";
    public static final String BODY_DIGEST_MISMATCH = "body-digest-mismatch";
    public static final String CLOCK_SKEW = "clock-skew";
    public static final String REPLAYED = "replayed";
    public static final String NOT_FOUND = "not-found";
    public static final String IDEMPOTENCY_KEY_REUSE = "idempotency-key-reuse";
    public static final String IDEMPOTENCY_IN_PROGRESS = "idempotency-in-progress";
    public static final String REGISTRATION_CODE_USED = "registration-code-used";
    public static final String SLOT_FULL = "slot-full";
    public static final String INVALID_CREDIT_CODE = "invalid-credit-code";
    public static final String APP_CODE_INVALID = "app-code-invalid";
    public static final String APP_CODE_EXPIRED = "app-code-expired";
    public static final String APP_CODE_USED = "app-code-used";
    public static final String CHECK_IN_TOO_EARLY = "check-in-too-early";
    public static final String CHECK_IN_TOO_LATE = "check-in-too-late";
    public static final String LICENCE_COLLECTED = "licence-collected";
    public static final String LICENCE_MAILED = "licence-mailed";
    public static final String ALREADY_CHARGED = "already-charged";
    public static final String DUE_PAID = "due-paid";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL = "internal";

    /** A problem of one of the codes above. */
    public static Problem of(String code, int status, String title, String detail, String instance, boolean retryable) {
        return new Problem(URI.create(BASE + code), title, status, detail, instance, code, retryable, null);
    }

    public Problem withServerTime(OffsetDateTime time) {
        return new Problem(type, title, status, detail, instance, code, retryable, time);
    }
}
