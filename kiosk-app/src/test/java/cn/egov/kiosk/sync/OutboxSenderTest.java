package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.QueueNumbers;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.sim.Ledger;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.AuditRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox sender against the platform simulator over real HTTP, with the real client: batches,
 * order per stream, exactly once through failures, back-off and Retry-After, dead letters, the
 * platform away and back, and the sender's own thread. {@code drainOnce} is called directly except
 * where the thread is the subject.
 */
class OutboxSenderTest {
    static final String ITEM = SampleApplications.ITEM;
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.systemUTC();
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5));

    @TempDir
    Path dir;

    private PlatformSimulator sim;
    private Credentials credentials;
    private PlatformClient client;
    private Database db;
    private OutboxRepository outbox;
    private ApplicationRepository applications;
    private AuditRepository audit;
    private PlatformLink link;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<Batch.Response> responses = new CopyOnWriteArrayList<>();
    private final List<OutboxSender> senders = new ArrayList<>();
    private final List<PlatformClient> clients = new ArrayList<>();

    static Credentials newCredentials(String kioskId) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new Credentials(kioskId, "k-" + UUID.randomUUID().toString().substring(0, 8), secret);
    }

    @BeforeEach
    void start() throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        credentials = newCredentials("KSK-OUTBOX-01");
        sim.provision(credentials, "Z7");
        client = client(credentials);
        db = Database.open(dir.resolve("kiosk.db"));
        outbox = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), CLOCK);
        applications = new ApplicationRepository(outbox, CLOCK);
        audit = new AuditRepository(outbox);
        link = new PlatformLink(CLOCK, PlatformLink.State.OFFLINE);
    }

    @AfterEach
    void stop() {
        senders.forEach(OutboxSender::close);
        clients.forEach(PlatformClient::close);
        sim.close();
        db.close();
    }

    private PlatformClient client(Credentials c) {
        PlatformClient pc = new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20)),
                () -> Optional.of(c),
                CLOCK);
        clients.add(pc);
        return pc;
    }

    /** The real client's batch, each request and answer noted. */
    private OutboxSender.Channel channel(PlatformClient c) {
        return request -> {
            batchSizes.add(request.records().size());
            Batch.Response r = c.batch(request);
            responses.add(r);
            return r;
        };
    }

    private OutboxSender sender(RetryPolicy policy) {
        return sender(channel(client), policy);
    }

    private OutboxSender sender(OutboxSender.Channel channel, RetryPolicy policy) {
        OutboxSender s = new OutboxSender(outbox, channel, link, CLOCK, HALL, policy);
        senders.add(s);
        return s;
    }

    // --- records --------------------------------------------------------------------------------

    private String ticket(int n) {
        String id = UUID.randomUUID().toString();
        QueueNumbers.TicketIssued t = new QueueNumbers.TicketIssued(
                id,
                "Z7A" + String.format("%03d", n),
                "A",
                LocalDate.now(HALL),
                OffsetDateTime.now(HALL),
                QueueNumbers.TicketStatus.PRINTED);
        outbox.append(new OutboxRepository.New(Batch.TICKET_ISSUED, "ticket", id, Instant.now(), Json.bytes(t), false));
        return id;
    }

    private String event(int n) {
        return audit.record(UUID.randomUUID().toString(), Instant.now(), "test.op", "SYSTEM", Map.of("n", n));
    }

    private String application(String itemId) {
        String id = UUID.randomUUID().toString();
        byte[] body = Json.bytes(new Applications.Submit(
                id,
                itemId,
                new Applications.Applicant(
                        Applications.IdType.RESIDENT, "11010519491231002X", "王小明", "13800138000", "北京市东城区示例大街1号"),
                SampleApplications.form("测试"),
                List.of(),
                OffsetDateTime.now(HALL)));
        applications.queue(id, itemId, body);
        return id;
    }

    /** Some records of each kind; their ids (the ledger's) by kind. */
    private Map<String, List<String>> mixed(int each) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (int i = 1; i <= each; i++) {
            ids.computeIfAbsent(Batch.TICKET_ISSUED, k -> new ArrayList<>()).add(ticket(i));
            ids.computeIfAbsent(Batch.AUDIT_EVENT, k -> new ArrayList<>()).add(event(i));
            ids.computeIfAbsent(Batch.APPLICATION_SUBMIT, k -> new ArrayList<>())
                    .add(application(ITEM));
        }
        return ids;
    }

    private void assertEachInTheLedgerOnce(Map<String, List<String>> ids) {
        Ledger ledger = sim.ledger();
        assertThat(ledger.duplicates()).as("applied twice").isEmpty();
        ids.forEach((kind, list) -> {
            assertThat(ledger.entries(kind))
                    .extracting(Ledger.Entry::id)
                    .as(kind)
                    .containsExactlyInAnyOrderElementsOf(list);
            list.forEach(
                    id -> assertThat(ledger.times(kind, id)).as(kind + " " + id).isEqualTo(1));
        });
    }

    private static int total(Map<String, List<String>> ids) {
        return ids.values().stream().mapToInt(List::size).sum();
    }

    private static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    // --- delivery -------------------------------------------------------------------------------

    @Test
    void twelveHundredRecordsInThreeStreamsGoInThreeBatchesOnceEachAndInStreamOrder() {
        Map<String, List<String>> ids = mixed(400);
        OutboxSender sender = sender(FAST);

        int settled = sender.drainOnce();

        assertThat(settled).isEqualTo(1200);
        assertThat(batchSizes).containsExactly(500, 500, 200);
        assertThat(outbox.counts()).isEqualTo(new OutboxRepository.Counts(0, 0, Optional.empty()));
        assertThat(sender.delivered()).isEqualTo(1200);
        assertThat(sender.deadLettered()).isZero();
        assertEachInTheLedgerOnce(ids);
        // each stream applied in its order: 1, 2, 3, ... as the kiosk numbered it
        Map<String, List<Long>> seqByStream = sim.ledger().entries().stream()
                .collect(Collectors.groupingBy(
                        Ledger.Entry::stream,
                        LinkedHashMap::new,
                        Collectors.mapping(Ledger.Entry::seq, Collectors.toList())));
        assertThat(seqByStream).containsOnlyKeys("ticket", "audit", "application");
        List<Long> oneTo400 = LongStream.rangeClosed(1, 400).boxed().toList();
        seqByStream.forEach((stream, seqs) -> assertThat(seqs).as(stream).containsExactlyElementsOf(oneTo400));
        // the application records came back with the platform's numbers
        for (String id : ids.get(Batch.APPLICATION_SUBMIT)) {
            ApplicationRepository.Application a = applications.find(id).orElseThrow();
            assertThat(a.state()).isEqualTo(ApplicationRepository.State.RECEIVED);
            assertThat(a.applicationNo())
                    .hasValueSatisfying(no -> assertThat(no).startsWith("SQ"));
        }
        assertThat(link.status().state()).isEqualTo(PlatformLink.State.ONLINE);
        assertThat(link.status().lastContact()).isPresent();
        assertThat(sender.drainOnce()).as("nothing left").isZero();
        assertThat(batchSizes).hasSize(3);
    }

    @Test
    void aServerErrorLeavesEverythingForTheNextTryAfterTheBackOffAndNothingIsAppliedTwice() throws Exception {
        Map<String, List<String>> ids = mixed(5);
        OutboxSender sender = sender(FAST);
        link.reached();
        sim.faults().errors(1);

        assertThat(sender.drainOnce()).isZero();

        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);
        assertThat(link.status().detail()).hasValueSatisfying(d -> assertThat(d).contains("500"));
        assertThat(outbox.counts().pending()).isEqualTo(15);
        assertThat(sim.ledger().size()).isZero();

        Thread.sleep(50); // the back-off is at most 5 ms
        assertThat(sender.drainOnce()).isEqualTo(15);

        assertThat(link.online()).isTrue();
        assertThat(outbox.counts().pending()).isZero();
        assertEachInTheLedgerOnce(ids);
    }

    @Test
    void aRateLimitHoldsTheSenderForTheRetryAfterThePlatformAsked() throws Exception {
        Map<String, List<String>> ids = mixed(2);
        OutboxSender sender = sender(FAST);
        sim.faults().rateLimit(1, 2);
        long before = System.currentTimeMillis();

        assertThat(sender.drainOnce()).isZero();
        long afterFirst = System.currentTimeMillis();

        assertThat(link.status().state())
                .as("a 429 is an answer: the platform is there")
                .isEqualTo(PlatformLink.State.ONLINE);
        long requests = sim.requests();
        // checked only while surely inside the 2 s asked (a loaded machine may have slept past them)
        if (System.currentTimeMillis() < before + 1_900) {
            assertThat(sender.drainOnce()).as("straight after: blocked").isZero();
        }
        Thread.sleep(500);
        if (System.currentTimeMillis() < before + 1_900) {
            assertThat(sender.drainOnce()).as("still inside Retry-After").isZero();
            assertThat(sim.requests()).as("nothing sent while blocked").isEqualTo(requests);
            assertThat(outbox.counts().pending()).isEqualTo(6);
        }

        long wait = afterFirst + 2_200 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        assertThat(sender.drainOnce()).isEqualTo(6);
        assertThat(outbox.counts().pending()).isZero();
        assertEachInTheLedgerOnce(ids);
    }

    @Test
    void aBatchAppliedButUnansweredComesBackAsDuplicatesAndIsDeleted() throws Exception {
        // a fresh client (no pooled connection): OkHttp does not resend on its own, the sender must
        Map<String, List<String>> ids = mixed(3);
        OutboxSender sender = sender(FAST);
        sim.faults().dropAfter(1);

        assertThat(sender.drainOnce()).isZero();

        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);
        assertThat(outbox.counts().pending())
                .as("nothing deleted without an answer")
                .isEqualTo(9);
        assertThat(sim.ledger().size()).as("but the platform applied the batch").isEqualTo(9);
        assertThat(responses).isEmpty();

        Thread.sleep(50);
        assertThat(sender.drainOnce()).isEqualTo(9);

        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).results()).extracting(Batch.Result::status).containsOnly(Batch.Status.DUPLICATE);
        assertThat(outbox.counts().pending()).isZero();
        assertEachInTheLedgerOnce(ids);
        for (String id : ids.get(Batch.APPLICATION_SUBMIT)) {
            assertThat(applications.find(id).orElseThrow().applicationNo())
                    .as("a duplicate carries the first result")
                    .isPresent();
        }
        assertThat(link.online()).isTrue();
    }

    @Test
    void aRecordThePlatformRejectsBecomesADeadLetterAndTheRestOfTheBatchIsDelivered() {
        String before = application(ITEM);
        String bad = application("no-such-item");
        String after = application(ITEM);
        String ticket = ticket(1);
        String event = event(1);
        OutboxSender sender = sender(FAST);

        assertThat(sender.drainOnce()).isEqualTo(5);

        assertThat(batchSizes).containsExactly(5);
        assertThat(sender.delivered()).isEqualTo(4);
        assertThat(sender.deadLettered()).isEqualTo(1);
        assertThat(outbox.counts().pending()).isZero();
        assertThat(outbox.counts().dead()).isEqualTo(1);
        List<OutboxRepository.DeadLetter> dead = outbox.deadLetters(10);
        assertThat(dead).extracting(OutboxRepository.DeadLetter::idempotencyKey).containsExactly(bad);
        assertThat(dead.get(0).kind()).isEqualTo(Batch.APPLICATION_SUBMIT);
        // about an application only the code is kept: the platform's detail may quote the applicant
        assertThat(dead.get(0).error()).isEqualTo(Problem.VALIDATION + " (422)");
        assertThat(dead.get(0).attempts()).isEqualTo(1);
        ApplicationRepository.Application refused = applications.find(bad).orElseThrow();
        assertThat(refused.state()).isEqualTo(ApplicationRepository.State.REJECTED);
        assertThat(refused.problem()).hasValue(Problem.VALIDATION + " (422)");
        assertThat(refused.applicationNo()).isEmpty();
        assertThat(applications.find(before).orElseThrow().state()).isEqualTo(ApplicationRepository.State.RECEIVED);
        assertThat(applications.find(after).orElseThrow().state())
                .as("the stream goes on past a dead letter")
                .isEqualTo(ApplicationRepository.State.RECEIVED);
        Ledger ledger = sim.ledger();
        assertThat(ledger.times(Batch.APPLICATION_SUBMIT, bad)).isZero();
        assertThat(ledger.times(Batch.APPLICATION_SUBMIT, before)).isEqualTo(1);
        assertThat(ledger.times(Batch.APPLICATION_SUBMIT, after)).isEqualTo(1);
        assertThat(ledger.times(Batch.TICKET_ISSUED, ticket)).isEqualTo(1);
        assertThat(ledger.times(Batch.AUDIT_EVENT, event)).isEqualTo(1);

        // staff send it again: refused again, still one dead letter, nothing applied
        assertThat(outbox.retryDead(Optional.of(bad))).isEqualTo(1);
        assertThat(outbox.counts().pending()).isEqualTo(1);
        assertThat(sender.drainOnce()).isEqualTo(1);

        assertThat(outbox.counts().dead()).isEqualTo(1);
        assertThat(outbox.counts().pending()).isZero();
        assertThat(outbox.deadLetters(10))
                .extracting(OutboxRepository.DeadLetter::idempotencyKey)
                .containsExactly(bad);
        assertThat(sender.deadLettered()).isEqualTo(2);
        assertThat(applications.find(bad).orElseThrow().state()).isEqualTo(ApplicationRepository.State.REJECTED);
        assertThat(ledger.times(Batch.APPLICATION_SUBMIT, bad)).isZero();
        assertThat(ledger.duplicates()).isEmpty();
        assertThat(ledger.size()).isEqualTo(4);
    }

    @Test
    void whileThePlatformIsDownNothingIsSettledAndItsReturnDeliversEverything() throws Exception {
        Map<String, List<String>> ids = mixed(4);
        // a long back-off: only the platform's return (retryNow) lets the sender go at once
        OutboxSender sender = sender(new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(5)));
        link.reached();
        sim.down(Duration.ofSeconds(30));

        assertThat(sender.drainOnce()).isZero();

        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);
        assertThat(link.status().detail()).hasValueSatisfying(d -> assertThat(d).contains("unreachable"));
        assertThat(outbox.counts())
                .extracting(OutboxRepository.Counts::pending, OutboxRepository.Counts::dead)
                .containsExactly(12L, 0L);
        assertThat(outbox.due(Long.MAX_VALUE, 100))
                .as("the records are untouched: pending, not postponed one by one")
                .allMatch(p -> p.attempts() == 0);

        sim.up();
        assertThat(sender.drainOnce()).as("the back-off still holds").isZero();
        sender.wake();
        assertThat(sender.drainOnce())
                .as("a new record's wake does not clear the back-off")
                .isZero();
        assertThat(sim.ledger().size()).isZero();

        sender.retryNow();
        assertThat(sender.drainOnce()).isEqualTo(12);

        assertThat(link.online()).isTrue();
        assertThat(outbox.counts().pending()).isZero();
        assertEachInTheLedgerOnce(ids);
    }

    @Test
    void aKioskThePlatformDoesNotKnowIsNotRegisteredAndKeepsItsRecords() {
        mixed(1);
        OutboxSender sender = sender(channel(client(newCredentials("KSK-UNKNOWN"))), FAST);

        assertThat(sender.drainOnce()).isZero();

        assertThat(link.status().state()).isEqualTo(PlatformLink.State.NOT_REGISTERED);
        assertThat(link.status().detail()).hasValueSatisfying(d -> assertThat(d).contains(Problem.UNKNOWN_KIOSK));
        assertThat(outbox.counts().pending()).isEqualTo(3);
        assertThat(outbox.counts().dead()).isZero();
        assertThat(sim.ledger().size()).isZero();
    }

    @Test
    void aBatchRefusedAsAWholeIsSplitUntilTheBadRecordTravelsAloneAndIsDeadLettered() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event(i));
        }
        String poison = events.get(3);
        List<Integer> sizes = new ArrayList<>();
        OutboxSender.Channel refusing = request -> {
            sizes.add(request.records().size());
            if (request.records().stream().anyMatch(r -> r.idempotencyKey().equals(poison))) {
                Problem p = Problem.of(Problem.VALIDATION, 422, "记录无效", "the batch is invalid", "/v1/batch", false);
                throw new PlatformException(
                        PlatformException.Kind.PROBLEM,
                        422,
                        Optional.of(p),
                        Optional.empty(),
                        "POST /v1/batch: 422 validation",
                        null);
            }
            return client.batch(request);
        };
        OutboxSender sender = sender(refusing, FAST);

        int settled = sender.drainOnce();

        assertThat(settled).isEqualTo(10);
        assertThat(outbox.counts().pending()).isZero();
        assertThat(outbox.deadLetters(10))
                .extracting(OutboxRepository.DeadLetter::idempotencyKey)
                .containsExactly(poison);
        assertThat(sim.ledger().entries(Batch.AUDIT_EVENT))
                .extracting(Ledger.Entry::id)
                .containsExactlyElementsOf(
                        events.stream().filter(e -> !e.equals(poison)).toList());
        assertThat(sizes).first().isEqualTo(10);
        assertThat(sizes).contains(1);
        assertThat(link.online()).as("a 422 is an answer").isTrue();
        // the batch size grows back once batches go through
        for (int i = 0; i < 20; i++) {
            event(100 + i);
        }
        sizes.clear();
        sender.drainOnce();
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(sizes).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void answersThatDoNotMatchTheRecordsPostponeThemAndDeleteNothing() {
        mixed(2);
        OutboxSender.Channel shuffled = request -> {
            Batch.Response r = client.batch(request);
            List<Batch.Result> results = new ArrayList<>(r.results());
            Collections.reverse(results);
            return new Batch.Response(results);
        };
        OutboxSender sender = sender(shuffled, new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1)));

        assertThat(sender.drainOnce()).isEqualTo(6);

        assertThat(sender.delivered()).isZero();
        assertThat(outbox.counts().pending()).isEqualTo(6);
        assertThat(outbox.due(System.currentTimeMillis(), 100))
                .as("each waits out its back-off")
                .isEmpty();
        assertThat(outbox.due(Long.MAX_VALUE, 100)).allMatch(p -> p.attempts() == 1);
    }

    // --- the thread -----------------------------------------------------------------------------

    private static Set<Thread> outboxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("platform-outbox"))
                .collect(Collectors.toSet());
    }

    @Test
    void theSendersThreadDeliversWhatIsAppendedAndStopsOnClose() throws Exception {
        Map<String, List<String>> early = mixed(3);
        Set<Thread> others = outboxThreads();
        OutboxSender sender = sender(FAST);

        sender.start();
        sender.start(); // once is enough

        Set<Thread> mine = new HashSet<>(outboxThreads());
        mine.removeAll(others);
        assertThat(mine).hasSize(1);
        Thread thread = mine.iterator().next();
        assertThat(thread.isDaemon()).isTrue();
        await(
                "the records there at the start are delivered",
                Duration.ofSeconds(20),
                () -> outbox.counts().pending() == 0);

        Map<String, List<String>> later = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            later.computeIfAbsent(Batch.AUDIT_EVENT, k -> new ArrayList<>()).add(event(i));
            sender.wake();
        }
        later.put(Batch.APPLICATION_SUBMIT, List.of(application(ITEM)));
        sender.wake();
        await(
                "the records appended later are delivered",
                Duration.ofSeconds(20),
                () -> outbox.counts().pending() == 0);
        later.get(Batch.AUDIT_EVENT).addAll(early.get(Batch.AUDIT_EVENT));
        List<String> apps = new ArrayList<>(early.get(Batch.APPLICATION_SUBMIT));
        apps.addAll(later.get(Batch.APPLICATION_SUBMIT));
        later.put(Batch.APPLICATION_SUBMIT, apps);
        later.put(Batch.TICKET_ISSUED, early.get(Batch.TICKET_ISSUED));
        assertEachInTheLedgerOnce(later);
        // the counter moves just after the batch is settled: wait for it rather than race it
        await("the delivered count", Duration.ofSeconds(20), () -> sender.delivered() == 20);
        assertThat(sender.delivered()).isEqualTo(20);

        sender.close();

        assertThat(thread.isAlive()).isFalse();
        event(99);
        sender.wake();
        Thread.sleep(300);
        assertThat(outbox.counts().pending())
                .as("a closed sender sends nothing")
                .isEqualTo(1);
        assertThat(sender.drainOnce()).isZero();
    }

    @Test
    void aStreamHeldBackByAPostponedRecordLetsTheThreadSleepUntilItIsDue() throws Exception {
        // the platform said "retry" for the head of a stream; later records of it wait behind it
        String head = event(1);
        String behind = event(2);
        outbox.settle(List.of(
                new OutboxRepository.Postponed(head, System.currentTimeMillis() + 2_500, "unavailable: retry")));
        assertThat(outbox.due(System.currentTimeMillis(), 10)).isEmpty();
        Set<Thread> others = outboxThreads();
        OutboxSender sender = sender(FAST);
        sender.start();
        Set<Thread> mine = new HashSet<>(outboxThreads());
        mine.removeAll(others);
        Thread thread = mine.iterator().next();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread.sleep(200);

        long cpuBefore = mx.getThreadCpuTime(thread.getId());
        Thread.sleep(1_000);
        long cpuMs = (mx.getThreadCpuTime(thread.getId()) - cpuBefore) / 1_000_000;

        assertThat(cpuMs)
                .as("CPU ms the sender's thread used in a second with nothing it may send")
                .isLessThan(200);
        assertThat(batchSizes).isEmpty();
        await(
                "the stream goes once its head is due",
                Duration.ofSeconds(20),
                () -> outbox.counts().pending() == 0);
        assertThat(sim.ledger().entries(Batch.AUDIT_EVENT))
                .extracting(Ledger.Entry::id)
                .containsExactly(head, behind);
    }

    @Test
    void theSendersThreadRidesOutFailuresOnItsOwn() throws Exception {
        Map<String, List<String>> ids = mixed(5);
        sim.faults().errors(3);
        OutboxSender sender = sender(new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(100)));

        sender.start();

        await(
                "delivered after three failures",
                Duration.ofSeconds(20),
                () -> outbox.counts().pending() == 0);
        assertEachInTheLedgerOnce(ids);
        assertThat(link.online()).isTrue();
    }
}
