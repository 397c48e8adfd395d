package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.auth.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of signing: the kiosk's key, the signature, the body digest, the clock window
 * and the nonces seen within it (a nonce seen again inside the window is a replay; outside it the
 * timestamp is already refused).
 */
final class SignatureCheck {
    /** A kiosk's key as the platform keeps it; {@code validUntil} in ms since the epoch ({@link Long#MAX_VALUE}: no end). */
    record Key(String kioskId, String keyId, byte[] secret, long validUntil) {
        Key(String kioskId, String keyId, byte[] secret) {
            this(kioskId, keyId, secret, Long.MAX_VALUE);
        }
    }

    /** After a rotation the kiosk's other keys work for {@code grace} more, then no more. */
    void retireOthers(String kioskId, String keptKeyId, Duration grace) {
        long until = clock.millis() + grace.toMillis();
        keys.replaceAll((id, k) -> k.kioskId().equals(kioskId) && !id.equals(keptKeyId) && k.validUntil() > until
                ? new Key(k.kioskId(), k.keyId(), k.secret(), until)
                : k);
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> order = new ConcurrentHashMap<>();
    private final AtomicLong keysMade = new AtomicLong();
    /** Keys a request has been signed with (and verified): the kiosk has them, so registration is over. */
    private final Set<String> signedWith = ConcurrentHashMap.newKeySet();

    private final Map<String, Long> nonces = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ZoneId zone;
    private long lastPurge;

    SignatureCheck(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    void add(Key key) {
        order.putIfAbsent(key.keyId(), keysMade.incrementAndGet());
        keys.put(key.keyId(), key);
    }

    void remove(String keyId) {
        keys.remove(keyId);
    }

    /** The kiosk's keys still valid, in the order they were made. */
    List<String> keyIds(String kioskId) {
        long now = clock.millis();
        return keys.values().stream()
                .filter(k -> k.kioskId().equals(kioskId) && now <= k.validUntil())
                .map(Key::keyId)
                .sorted(Comparator.comparing(order::get))
                .toList();
    }

    /** Whether a request signed with this key has been verified. */
    boolean used(String keyId) {
        return signedWith.contains(keyId);
    }

    /** Checks a request; returns the kiosk id, or throws the problem. */
    String verify(String method, String target, Map<String, String> headers, byte[] body) {
        String kioskId = headers.get(Signature.KIOSK_ID.toLowerCase(Locale.ROOT));
        String ts = headers.get(Signature.TIMESTAMP.toLowerCase(Locale.ROOT));
        String nonce = headers.get(Signature.NONCE.toLowerCase(Locale.ROOT));
        String digest = headers.get(Signature.CONTENT_SHA256.toLowerCase(Locale.ROOT));
        Optional<Signature.Presented> presented = Signature.parse(headers.get("authorization"));
        if (kioskId == null || ts == null || nonce == null || digest == null || presented.isEmpty()) {
            throw fail(Problem.SIGNATURE_MISSING, "请求未签名", "the request lacks a signature header", target);
        }
        Key key = keys.get(presented.get().keyId());
        if (key == null || !key.kioskId().equals(kioskId) || clock.millis() > key.validUntil()) {
            throw fail(
                    Problem.UNKNOWN_KIOSK,
                    "终端未注册",
                    "no kiosk " + kioskId + " with key " + presented.get().keyId(),
                    target);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            throw fail(Problem.SIGNATURE_INVALID, "签名无效", Signature.TIMESTAMP + " is not a number", target);
        }
        if (!Signature.isNonce(nonce)) {
            throw fail(Problem.SIGNATURE_INVALID, "签名无效", Signature.NONCE + " is not 32 lowercase hex digits", target);
        }
        if (!Signature.sha256Hex(body).equals(digest)) {
            throw fail(
                    Problem.BODY_DIGEST_MISMATCH,
                    "请求体摘要不符",
                    "the body's SHA-256 is not " + Signature.CONTENT_SHA256,
                    target);
        }
        String host = headers.getOrDefault("host", "");
        String canonical = new Signature.Signed(
                        method,
                        host,
                        target,
                        timestamp,
                        nonce,
                        kioskId,
                        headers.get(Signature.IDEMPOTENCY_KEY.toLowerCase(Locale.ROOT)),
                        digest)
                .canonical();
        if (!Signature.matches(key.secret(), canonical, presented.get().signature())) {
            throw fail(Problem.SIGNATURE_INVALID, "签名无效", "the signature does not match the request", target);
        }
        long now = clock.millis();
        if (Math.abs(now - timestamp) > Signature.WINDOW_MILLIS) {
            Problem p = Problem.of(
                            Problem.CLOCK_SKEW,
                            401,
                            "终端时间偏差过大",
                            "the request was signed " + (timestamp - now) / 1000 + " s from the platform's time",
                            target,
                            false)
                    .withServerTime(OffsetDateTime.ofInstant(clock.instant(), zone));
            throw new Reply.Failure(Reply.of(p));
        }
        purge(now);
        if (nonces.putIfAbsent(kioskId + ":" + nonce, timestamp) != null) {
            throw fail(Problem.REPLAYED, "重复请求", "this nonce was already used", target);
        }
        signedWith.add(key.keyId());
        return kioskId;
    }

    private synchronized void purge(long now) {
        if (now - lastPurge < 10_000) {
            return;
        }
        lastPurge = now;
        nonces.values().removeIf(t -> now - t > 2 * Signature.WINDOW_MILLIS);
    }

    private static Reply.Failure fail(String code, String title, String detail, String target) {
        return Reply.problem(401, code, title, detail, target);
    }
}
