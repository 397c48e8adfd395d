package cn.egov.kiosk.sync;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.OutboxRepository.Acknowledged;
import cn.egov.kiosk.store.OutboxRepository.Pending;
import cn.egov.kiosk.store.OutboxRepository.Postponed;
import cn.egov.kiosk.store.OutboxRepository.Rejected;
import cn.egov.kiosk.store.OutboxRepository.Settlement;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: takes the due records (in order per stream), sends them in batches of up to
 * {@link Batch#MAX_RECORDS} with their idempotency keys, and settles each by its result: held by the
 * platform (accepted or duplicate) → deleted; {@code retry} → that record (and so its stream) waits
 * out a back-off; {@code rejected} → a dead letter. A batch that gets no answer, a 5xx or a 429 is
 * sent again, unchanged, after a back-off with jitter that honours Retry-After; whatever happened
 * to the first attempt, the keys make the second one harmless. Runs on its own thread.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** Where batches go: the platform client's {@code batch}. */
    @FunctionalInterface
    public interface Channel {
        Batch.Response send(Batch.Request request) throws PlatformException;
    }

    private final OutboxRepository outbox;
    private final Channel channel;
    private final PlatformLink link;
    private final Clock clock;
    private final ZoneId zone;
    private final RetryPolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private int batchLimit = Batch.MAX_RECORDS;
    private volatile int failuresInARow;
    private volatile long blockedUntilMs;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public OutboxSender(
            OutboxRepository outbox, Channel channel, PlatformLink link, Clock clock, ZoneId zone, RetryPolicy policy) {
        this.outbox = outbox;
        this.channel = channel;
        this.link = link;
        this.clock = clock;
        this.zone = zone;
        this.policy = policy;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "platform-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Something was appended: look now rather than at the next due time (a back-off after failures
     * still holds, so a kiosk without a network does not hammer it with every new record).
     */
    public void wake() {
        signal(false);
    }

    /** The platform is back: forget the back-off and send now. */
    public void retryNow() {
        signal(true);
    }

    private void signal(boolean clearBackoff) {
        lock.lock();
        try {
            woken = true;
            if (clearBackoff) {
                blockedUntilMs = 0;
                failuresInARow = 0;
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records delivered (acknowledged) and dead-lettered since start. */
    public long delivered() {
        return delivered.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    private void loop() {
        while (running) {
            long waitMs;
            try {
                drainOnce();
                waitMs = untilNext();
            } catch (Throwable e) { // the store failed (or worse): wait and try again, never die
                log.error("The outbox sender failed; trying again in 5 s", e);
                waitMs = 5_000;
            }
            lock.lock();
            try {
                if (!woken && running && waitMs > 0) {
                    wake.await(waitMs, TimeUnit.MILLISECONDS);
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private long untilNext() {
        long now = clock.millis();
        if (blockedUntilMs > now) {
            return blockedUntilMs - now;
        }
        OptionalLong next = outbox.nextDueMs();
        if (next.isEmpty()) {
            return 60_000;
        }
        return Math.max(0, next.getAsLong() - now);
    }

    /**
     * Sends what is due, batch after batch, until nothing is due or a batch fails; returns the
     * number of records settled. Tests and the benchmark call it directly.
     */
    public int drainOnce() {
        int settled = 0;
        while (running || thread == null) {
            long now = clock.millis();
            if (blockedUntilMs > now) {
                return settled;
            }
            List<Pending> due = outbox.due(now, batchLimit);
            if (due.isEmpty()) {
                return settled;
            }
            Optional<Integer> n = sendBatch(due);
            if (n.isEmpty()) {
                return settled;
            }
            settled += n.get();
        }
        return settled;
    }

    /** One batch; the number settled, or empty when the batch got no usable answer. */
    private Optional<Integer> sendBatch(List<Pending> due) {
        List<Batch.Record> records = new ArrayList<>(due.size());
        for (Pending p : due) {
            records.add(new Batch.Record(
                    p.idempotencyKey(),
                    p.stream(),
                    p.seq(),
                    p.kind(),
                    OffsetDateTime.ofInstant(p.occurredAt(), zone),
                    body(p)));
        }
        Batch.Response response;
        try {
            response = channel.send(new Batch.Request(records));
        } catch (PlatformException e) {
            return failed(due, e);
        }
        link.reached();
        failuresInARow = 0;
        if (batchLimit < Batch.MAX_RECORDS) {
            batchLimit = Math.min(Batch.MAX_RECORDS, batchLimit * 2);
        }
        List<Settlement> settlements = new ArrayList<>(due.size());
        long now = clock.millis();
        for (int i = 0; i < due.size(); i++) {
            Pending p = due.get(i);
            Batch.Result r = response.results().get(i);
            if (r == null || r.status() == null || !p.idempotencyKey().equals(r.idempotencyKey())) {
                settlements.add(new Postponed(
                        p.idempotencyKey(),
                        now + policy.delay(p.attempts() + 1, Optional.empty()).toMillis(),
                        "the platform's result does not match the record"));
                continue;
            }
            switch (r.status()) {
                case ACCEPTED:
                case DUPLICATE:
                    settlements.add(new Acknowledged(
                            p.idempotencyKey(),
                            p.kind(),
                            Optional.ofNullable(r.result())
                                    .filter(n -> !n.isNull())
                                    .map(JsonNode::toString)));
                    break;
                case REJECTED:
                    settlements.add(new Rejected(p.idempotencyKey(), p.kind(), describe(r.problem(), p.kind())));
                    log.warn(
                            "The platform rejected {} for good: {}; kept as a dead letter for staff",
                            p,
                            describe(r.problem(), p.kind()));
                    break;
                default:
                    settlements.add(new Postponed(
                            p.idempotencyKey(),
                            now
                                    + policy.delay(p.attempts() + 1, Optional.empty())
                                            .toMillis(),
                            describe(r.problem(), p.kind())));
            }
        }
        outbox.settle(settlements);
        long acked = settlements.stream().filter(s -> s instanceof Acknowledged).count();
        long dead = settlements.stream().filter(s -> s instanceof Rejected).count();
        delivered.addAndGet(acked);
        deadLettered.addAndGet(dead);
        log.debug(
                "Outbox batch of {}: {} delivered, {} dead, {} later",
                due.size(),
                acked,
                dead,
                due.size() - acked - dead);
        return Optional.of(settlements.size());
    }

    private Optional<Integer> failed(List<Pending> due, PlatformException e) {
        link.failed(e);
        if (e.kind() == PlatformException.Kind.PROBLEM && !e.retryable() && (e.status() == 400 || e.status() == 422)) {
            // The platform refused the batch as a whole: one record in it must be bad. Halve the batch
            // until the bad record travels alone, then dead-letter it.
            if (due.size() == 1) {
                outbox.settle(List.of(
                        new Rejected(due.get(0).idempotencyKey(), due.get(0).kind(), e.getMessage())));
                deadLettered.incrementAndGet();
                log.warn("The platform refused {} on its own ({}); kept as a dead letter", due.get(0), e.getMessage());
                return Optional.of(1);
            }
            batchLimit = Math.max(1, due.size() / 2);
            log.warn(
                    "The platform refused a batch of {} ({}); sending {} at a time to find the bad record",
                    due.size(),
                    e.getMessage(),
                    batchLimit);
            return Optional.of(0);
        }
        failuresInARow++;
        Duration wait = policy.delay(failuresInARow, e.retryAfter());
        blockedUntilMs = clock.millis() + wait.toMillis();
        log.info(
                "Outbox: {} records not delivered ({}); next try in {} ms",
                due.size(),
                e.getMessage(),
                wait.toMillis());
        return Optional.empty();
    }

    private static JsonNode body(Pending p) {
        try {
            return Json.mapper().readTree(p.json());
        } catch (IOException e) {
            throw new IllegalStateException("outbox record " + p.idempotencyKey() + " does not hold JSON", e);
        }
    }

    /**
     * The reason kept with a record and logged: the problem's code, and its detail only for kinds
     * that carry no personal data (about an application the platform may quote the applicant).
     */
    private static String describe(Problem p, String kind) {
        if (p == null) {
            return "no reason given";
        }
        if (Batch.APPLICATION_SUBMIT.equals(kind) || Batch.POSTAL_ORDER_CREATE.equals(kind)) {
            return p.code() + " (" + p.status() + ")";
        }
        return p.code() + (p.detail() == null ? "" : ": " + p.detail());
    }

    @Override
    public void close() {
        running = false;
        wake();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
