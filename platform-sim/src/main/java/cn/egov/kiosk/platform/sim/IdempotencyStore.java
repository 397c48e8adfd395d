package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys a kiosk sent with what they were for (a digest of the method, path and body) and the answer
 * given, so that the same key again gets the same answer, and a key reused for something else is
 * refused. Kept for the simulator's life (the contract promises 7 days).
 */
final class IdempotencyStore {
    private record Entry(String digest, Reply reply) {}

    private static final Reply IN_PROGRESS = new Reply(0, new byte[0], null, Map.of());

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Claims a key for a request: empty when the request is new (carry it out, then {@link #done});
     * else the stored answer. A key held by another request, or reused for other content, throws.
     */
    Optional<Reply> claim(String kioskId, String key, String digest, String instance) {
        Entry mine = new Entry(digest, IN_PROGRESS);
        Entry found = entries.putIfAbsent(kioskId + ":" + key, mine);
        if (found == null) {
            return Optional.empty();
        }
        if (!found.digest().equals(digest)) {
            throw Reply.problem(
                    409,
                    Problem.IDEMPOTENCY_KEY_REUSE,
                    "幂等键重复使用",
                    "Idempotency-Key " + key + " was used for another request",
                    instance);
        }
        if (found.reply() == IN_PROGRESS) {
            throw Reply.problem(
                    409,
                    Problem.IDEMPOTENCY_IN_PROGRESS,
                    "请求处理中",
                    "the first request with this key is still being processed",
                    instance);
        }
        return Optional.of(found.reply());
    }

    /** The answer to keep for the key (a retryable failure releases the key instead). */
    void done(String kioskId, String key, String digest, Reply reply) {
        if (reply.status() >= 500 || reply.status() == 429) {
            entries.remove(kioskId + ":" + key);
        } else {
            entries.put(kioskId + ":" + key, new Entry(digest, reply));
        }
    }

    void release(String kioskId, String key) {
        entries.remove(kioskId + ":" + key);
    }
}
