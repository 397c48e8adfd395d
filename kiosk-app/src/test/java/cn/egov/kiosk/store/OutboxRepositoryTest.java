package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.store.OutboxRepository.Acknowledged;
import cn.egov.kiosk.store.OutboxRepository.DeadLetter;
import cn.egov.kiosk.store.OutboxRepository.New;
import cn.egov.kiosk.store.OutboxRepository.Pending;
import cn.egov.kiosk.store.OutboxRepository.Postponed;
import cn.egov.kiosk.store.OutboxRepository.Rejected;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox in a real SQLite file: order per stream, back-off, settling, dead letters, sealing at rest. */
class OutboxRepositoryTest {
    static final String ID_NUMBER = "11010519491231002X";
    static final String NAME = "王小明";
    private static final Instant T0 = Instant.parse("2026-11-28T01:30:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final long NOW = T0.toEpochMilli();

    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private SealedBox box;
    private OutboxRepository outbox;

    @BeforeEach
    void open() {
        file = dir.resolve("kiosk.db");
        db = Database.open(file);
        box = SealedBox.open(dir.resolve("store.key"));
        outbox = new OutboxRepository(db, box, CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    // --- helpers ------------------------------------------------------------------------------

    private static int n;

    /** A plain (not personal) record of {@code stream}, occurring {@code n} seconds after T0. */
    private static New record(String stream, String key) {
        return new New(
                Batch.AUDIT_EVENT,
                stream,
                key,
                T0.plusSeconds(++n),
                ("{\"k\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8),
                false);
    }

    private long append(String stream, String key) {
        return outbox.append(record(stream, key));
    }

    private static List<String> keys(List<Pending> due) {
        return due.stream().map(Pending::idempotencyKey).toList();
    }

    static byte[] submitJson(String applicationId, String itemId) {
        return Json.bytes(new Applications.Submit(
                applicationId,
                itemId,
                new Applications.Applicant(
                        Applications.IdType.RESIDENT, ID_NUMBER, NAME, "13800138000", "北京市东城区示例大街1号"),
                Json.mapper().createObjectNode().put("reason", "补领"),
                List.of(),
                OffsetDateTime.parse("2026-11-28T09:30:00+08:00")));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private byte[] rawBody(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM outbox WHERE idem_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
    }

    private String state(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM outbox WHERE idem_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** The database file and its WAL, after a checkpoint that empties the WAL into the file. */
    private byte[] fileBytes() throws Exception {
        db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
                assertThat(rs.getInt(1)).as("checkpoint not blocked").isZero();
                return null;
            }
        });
        byte[] main = Files.readAllBytes(file);
        Path wal = Path.of(file + "-wal");
        byte[] log = Files.exists(wal) ? Files.readAllBytes(wal) : new byte[0];
        byte[] all = new byte[main.length + log.length];
        System.arraycopy(main, 0, all, 0, main.length);
        System.arraycopy(log, 0, all, main.length, log.length);
        return all;
    }

    // --- append -------------------------------------------------------------------------------

    @Test
    void eachStreamCountsItsOwnSequenceFromOne() {
        assertThat(append("ticket", "t1")).isEqualTo(1);
        assertThat(append("ticket", "t2")).isEqualTo(2);
        assertThat(append("audit", "a1")).isEqualTo(1);
        assertThat(append("ticket", "t3")).isEqualTo(3);
        assertThat(append("audit", "a2")).isEqualTo(2);

        List<Pending> due = outbox.due(NOW, 100);
        assertThat(keys(due)).containsExactly("t1", "t2", "a1", "t3", "a2");
        assertThat(due).extracting(Pending::seq).containsExactly(1L, 2L, 1L, 3L, 2L);
        assertThat(due).extracting(Pending::stream).containsExactly("ticket", "ticket", "audit", "ticket", "audit");
        assertThat(due.get(0).kind()).isEqualTo(Batch.AUDIT_EVENT);
        assertThat(due.get(0).attempts()).isZero();
        assertThat(new String(due.get(0).json(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"t1\"}");
        assertThat(outbox.counts().pending()).isEqualTo(5);
    }

    @Test
    void anAppendIsPartOfTheCallersTransactionAndRollsBackWithIt() {
        append("ticket", "t1");

        assertThatThrownBy(() -> db.transaction(c -> {
                    outbox.append(c, record("ticket", "t2"));
                    outbox.append(c, record("audit", "a1"));
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO queue_counter VALUES ('2026-11-28', 'A', 1)");
                    }
                    throw new IllegalStateException("the local change failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the local change failed");

        assertThat(keys(outbox.due(NOW, 100))).containsExactly("t1");
        assertThat(outbox.counts().pending()).isEqualTo(1);
        assertThat(DatabaseTest.intOf(db, "SELECT COUNT(*) FROM queue_counter")).isZero();
        // the streams' counters were rolled back too: no gap in the sequence
        assertThat(append("ticket", "t2")).isEqualTo(2);
        assertThat(append("audit", "a1")).isEqualTo(1);
    }

    @Test
    void aKeyIsUniqueAndASecondRecordWithItFailsWithoutTouchingTheStream() {
        append("ticket", "t1");

        assertThatThrownBy(() -> append("ticket", "t1")).isInstanceOf(StoreException.class);

        assertThat(outbox.counts().pending()).isEqualTo(1);
        assertThat(append("ticket", "t2")).isEqualTo(2);
    }

    // --- due ----------------------------------------------------------------------------------

    @Test
    void dueGivesTheOldestFirstUpToTheLimit() {
        for (int i = 1; i <= 5; i++) {
            append(i % 2 == 0 ? "even" : "odd", "r" + i);
        }

        assertThat(keys(outbox.due(NOW, 3))).containsExactly("r1", "r2", "r3");
        assertThat(keys(outbox.due(NOW, 1))).containsExactly("r1");
        assertThat(keys(outbox.due(NOW, 100))).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(outbox.due(NOW, 0)).isEmpty();
    }

    @Test
    void aPostponedRecordHoldsBackTheRestOfItsStreamButNoOtherStream() {
        append("s", "s1");
        append("t", "t1");
        append("s", "s2");
        append("s", "s3");
        append("t", "t2");

        outbox.settle(List.of(new Postponed("s1", NOW + 60_000, "503 unavailable")));

        assertThat(keys(outbox.due(NOW, 100)))
                .as("s1 waits, and s2, s3 after it")
                .containsExactly("t1", "t2");
        assertThat(keys(outbox.due(NOW + 59_999, 100))).containsExactly("t1", "t2");
        assertThat(outbox.nextDueMs()).hasValue(0); // the others are due now
        List<Pending> later = outbox.due(NOW + 60_000, 100);
        assertThat(keys(later))
                .as("its time come, the stream goes in order")
                .containsExactly("s1", "t1", "s2", "s3", "t2");
        assertThat(later.get(0).attempts()).isEqualTo(1);
        assertThat(later.get(1).attempts()).isZero();
    }

    @Test
    void aPostponedRecordInTheMiddleLetsTheEarlierOnesOfItsStreamGo() {
        append("s", "s1");
        append("s", "s2");
        append("s", "s3");
        append("t", "t1");

        outbox.settle(List.of(new Postponed("s2", NOW + 1_000, "retry")));

        assertThat(keys(outbox.due(NOW, 100))).containsExactly("s1", "t1");
        assertThat(keys(outbox.due(NOW + 1_000, 100))).containsExactly("s1", "s2", "s3", "t1");
    }

    @Test
    void recordsPostponedOneAfterAnotherComeBackInStreamOrder() {
        append("s", "s1");
        append("s", "s2");
        // the platform said retry to both; the jitter gave the second the shorter wait
        outbox.settle(List.of(new Postponed("s1", NOW + 2_000, "retry"), new Postponed("s2", NOW + 1_000, "retry")));

        assertThat(outbox.due(NOW + 1_500, 100))
                .as("s2 is due, but s1 is not yet")
                .isEmpty();
        assertThat(outbox.nextDueMs())
                .as("the stream can go when its first record can")
                .hasValue(NOW + 2_000);
        assertThat(keys(outbox.due(NOW + 2_000, 100))).containsExactly("s1", "s2");
    }

    @Test
    void nextDueMsIsWhenTheEarliestStreamCanGoAgainNotWhenARecordBehindAHeldOneIsDue() {
        append("s", "s1");
        append("s", "s2"); // due now, but behind s1
        append("t", "t1");
        append("t", "t2");
        outbox.settle(List.of(new Postponed("s1", NOW + 30_000, "retry"), new Postponed("t1", NOW + 10_000, "retry")));

        assertThat(outbox.due(NOW, 100)).isEmpty();
        assertThat(outbox.nextDueMs()).hasValue(NOW + 10_000);
        assertThat(keys(outbox.due(NOW + 10_000, 100))).containsExactly("t1", "t2");

        outbox.settle(List.of(
                new Acknowledged("t1", Batch.AUDIT_EVENT, Optional.empty()),
                new Acknowledged("t2", Batch.AUDIT_EVENT, Optional.empty())));
        assertThat(outbox.nextDueMs()).hasValue(NOW + 30_000);
        outbox.settle(List.of(new Rejected("s1", Batch.AUDIT_EVENT, "no")));
        assertThat(outbox.nextDueMs()).as("a dead letter holds nothing back").hasValue(0);
        assertThat(keys(outbox.due(NOW, 100))).containsExactly("s2");
    }

    @Test
    void deadLettersDoNotBlockTheirStream() {
        append("s", "s1");
        append("s", "s2");
        append("t", "t1");

        outbox.settle(List.of(new Rejected("s1", Batch.AUDIT_EVENT, "validation: bad record")));

        assertThat(keys(outbox.due(NOW, 100))).containsExactly("s2", "t1");
        assertThat(outbox.counts().pending()).isEqualTo(2);
        assertThat(outbox.counts().dead()).isEqualTo(1);
    }

    @Test
    void nextDueMsIsEmptyWithNothingPending() {
        assertThat(outbox.nextDueMs()).isEmpty();
        append("s", "s1");
        outbox.settle(List.of(new Rejected("s1", Batch.AUDIT_EVENT, "no")));
        assertThat(outbox.nextDueMs()).as("a dead letter is not pending").isEmpty();
    }

    // --- settle -------------------------------------------------------------------------------

    @Test
    void anAcknowledgedRecordIsDeletedAndItsHookRunsInTheSameTransaction() {
        List<String> seen = new ArrayList<>();
        outbox.onSettled(Batch.AUDIT_EVENT, new OutboxRepository.AckHook() {
            @Override
            public void acknowledged(Connection c, String key, Optional<String> resultJson) throws SQLException {
                seen.add(key + " " + resultJson.orElse("-"));
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO reference_data (name, json) VALUES (?, ?)")) {
                    ps.setString(1, "ack:" + key);
                    ps.setString(2, resultJson.orElse("{}"));
                    ps.executeUpdate();
                }
                if (key.equals("boom")) {
                    throw new SQLException("the local consequence failed");
                }
            }

            @Override
            public void rejected(Connection c, String key, String error) {
                seen.add(key + " rejected " + error);
            }
        });
        append("s", "s1");
        append("s", "boom");

        outbox.settle(List.of(new Acknowledged("s1", Batch.AUDIT_EVENT, Optional.of("{\"n\":1}"))));

        assertThat(state("s1")).as("deleted").isNull();
        assertThat(new SyncStateRepository(db).reference("ack:s1")).hasValue("{\"n\":1}");
        assertThat(seen).containsExactly("s1 {\"n\":1}");

        // a hook that fails takes the delete with it: the record stays, to be sent again
        assertThatThrownBy(() -> outbox.settle(List.of(new Acknowledged("boom", Batch.AUDIT_EVENT, Optional.empty()))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the local consequence failed");
        assertThat(state("boom")).isEqualTo("PENDING");
        assertThat(new SyncStateRepository(db).reference("ack:boom")).isEmpty();
        assertThat(keys(outbox.due(NOW, 10))).containsExactly("boom");
    }

    @Test
    void anAcknowledgedApplicationIsReceivedWithItsNumber() {
        ApplicationRepository applications = new ApplicationRepository(outbox, CLOCK);
        String id = UUID.randomUUID().toString();
        applications.queue(id, "110101-GA-0001", submitJson(id, "110101-GA-0001"));
        assertThat(applications.find(id).orElseThrow().state()).isEqualTo(ApplicationRepository.State.QUEUED);
        Pending p = outbox.due(NOW, 10).get(0);
        assertThat(p.kind()).isEqualTo(Batch.APPLICATION_SUBMIT);
        assertThat(p.stream()).isEqualTo("application");
        assertThat(p.idempotencyKey()).isEqualTo(id);

        outbox.settle(List.of(new Acknowledged(
                id,
                Batch.APPLICATION_SUBMIT,
                Optional.of("{\"applicationId\":\"" + id + "\",\"applicationNo\":\"SQ20261128000042\"}"))));

        ApplicationRepository.Application a = applications.find(id).orElseThrow();
        assertThat(a.state()).isEqualTo(ApplicationRepository.State.RECEIVED);
        assertThat(a.applicationNo()).hasValue("SQ20261128000042");
        assertThat(a.problem()).isEmpty();
        assertThat(outbox.counts().pending()).isZero();
    }

    @Test
    void aRejectedRecordIsADeadLetterForStaffWithoutItsBodyAndCanBeSentAgain() {
        ApplicationRepository applications = new ApplicationRepository(outbox, CLOCK);
        String app = UUID.randomUUID().toString();
        applications.queue(app, "no-such-item", submitJson(app, "no-such-item"));
        append("audit", "a1");
        append("audit", "a2");
        Pending a1 = outbox.due(NOW, 10).get(1);

        outbox.settle(List.of(
                new Rejected(app, Batch.APPLICATION_SUBMIT, "validation: item no-such-item is not in the catalogue"),
                new Rejected("a1", Batch.AUDIT_EVENT, "validation: bad event")));

        assertThat(state(app)).isEqualTo("DEAD");
        ApplicationRepository.Application a = applications.find(app).orElseThrow();
        assertThat(a.state()).isEqualTo(ApplicationRepository.State.REJECTED);
        assertThat(a.problem()).hasValue("validation: item no-such-item is not in the catalogue");
        OutboxRepository.Counts counts = outbox.counts();
        assertThat(counts.pending()).isEqualTo(1);
        assertThat(counts.dead()).isEqualTo(2);
        List<DeadLetter> dead = outbox.deadLetters(10);
        assertThat(dead).extracting(DeadLetter::idempotencyKey).containsExactly(app, "a1");
        assertThat(dead.get(0))
                .isEqualTo(new DeadLetter(
                        app,
                        Batch.APPLICATION_SUBMIT,
                        "application",
                        1,
                        T0,
                        1,
                        "validation: item no-such-item is not in the catalogue"));
        assertThat(dead.get(1).occurredAt()).isEqualTo(a1.occurredAt());
        assertThat(dead.get(1).error()).isEqualTo("validation: bad event");
        assertThat(DeadLetter.class.getRecordComponents())
                .extracting(c -> c.getName())
                .doesNotContain("body", "json");
        assertThat(outbox.deadLetters(1)).hasSize(1);
        assertThat(keys(outbox.due(NOW, 10))).containsExactly("a2");

        assertThat(outbox.retryDead(Optional.of("a1"))).isEqualTo(1);
        assertThat(state("a1")).isEqualTo("PENDING");
        assertThat(keys(outbox.due(NOW, 10))).containsExactly("a1", "a2");
        assertThat(outbox.due(NOW, 10).get(0).attempts()).as("counted afresh").isZero();
        assertThat(outbox.retryDead(Optional.of("a1"))).as("no longer dead").isZero();
        assertThat(outbox.retryDead(Optional.of("nobody"))).isZero();

        assertThat(outbox.retryDead(Optional.empty())).isEqualTo(1);
        assertThat(keys(outbox.due(NOW, 10))).containsExactly(app, "a1", "a2");
        assertThat(outbox.counts().dead()).isZero();
        assertThat(outbox.deadLetters(10)).isEmpty();
        assertThat(new String(outbox.due(NOW, 10).get(0).json(), StandardCharsets.UTF_8))
                .as("still opens")
                .contains(ID_NUMBER);
    }

    @Test
    void aPostponementCountsTheAttemptAndKeepsTheErrorButDoesNotReviveADeadLetter() {
        append("s", "s1");
        append("s", "s2");
        outbox.settle(List.of(new Rejected("s2", Batch.AUDIT_EVENT, "gone for good")));

        outbox.settle(List.of(new Postponed("s1", NOW + 10, "x".repeat(900)), new Postponed("s2", NOW + 10, "late")));

        assertThat(state("s2")).isEqualTo("DEAD");
        String error = db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT last_error FROM outbox WHERE idem_key = 's1'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(error).as("truncated").hasSize(500);
        assertThat(outbox.deadLetters(10).get(0).error()).isEqualTo("gone for good");
        assertThat(outbox.due(NOW + 10, 10).get(0).attempts()).isEqualTo(1);
    }

    @Test
    void countsShowTheOldestPendingRecord() {
        assertThat(outbox.counts()).isEqualTo(new OutboxRepository.Counts(0, 0, Optional.empty()));
        outbox.append(new New(
                Batch.AUDIT_EVENT, "s", "late", T0.plusSeconds(60), "{}".getBytes(StandardCharsets.UTF_8), false));
        outbox.append(new New(
                Batch.AUDIT_EVENT, "s", "early", T0.plusSeconds(5), "{}".getBytes(StandardCharsets.UTF_8), false));

        assertThat(outbox.counts().oldestPending()).hasValue(T0.plusSeconds(5));

        outbox.settle(List.of(new Acknowledged("early", Batch.AUDIT_EVENT, Optional.empty())));
        assertThat(outbox.counts()).isEqualTo(new OutboxRepository.Counts(1, 0, Optional.of(T0.plusSeconds(60))));
    }

    @Test
    void settlingNothingDoesNothing() {
        append("s", "s1");
        outbox.settle(List.of());
        assertThat(outbox.counts().pending()).isEqualTo(1);
    }

    // --- sealing ------------------------------------------------------------------------------

    @Test
    void aPersonalBodyIsSealedInTheDatabaseAndOpenedByDue() {
        String id = UUID.randomUUID().toString();
        byte[] json = submitJson(id, "110101-GA-0001");
        outbox.append(new New(Batch.APPLICATION_SUBMIT, "application", id, T0, json, true));
        append("audit", "a1");

        byte[] raw = rawBody(id);
        assertThat(raw[0]).as("sealed value version").isEqualTo((byte) 1);
        assertThat(contains(raw, ID_NUMBER.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(raw, NAME.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(raw, "applicationId".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(raw).isNotEqualTo(json);
        assertThat(rawBody("a1"))
                .as("a plain record is stored as it is")
                .isEqualTo("{\"k\":\"a1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(outbox.due(NOW, 10).get(0).json()).isEqualTo(json);
        // a box with another key cannot open it: the key file matters. The record is set aside as a
        // dead letter (it can never be sent) instead of holding back every record after it.
        OutboxRepository other = new OutboxRepository(db, SealedBox.open(dir.resolve("other.key")), CLOCK);
        assertThat(other.due(NOW, 10))
                .extracting(Pending::idempotencyKey)
                .doesNotContain(id)
                .contains("a1");
        assertThat(other.deadLetters(10)).singleElement().satisfies(d -> {
            assertThat(d.idempotencyKey()).isEqualTo(id);
            assertThat(d.error()).startsWith("unreadable");
        });
    }

    @Test
    void theDatabaseFileNeverHoldsTheIdNumberOrTheNameAndForgetsTheSealedBodyOnceAcknowledged() throws Exception {
        ApplicationRepository applications = new ApplicationRepository(outbox, CLOCK);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            applications.queue(id, "110101-GA-0001", submitJson(id, "110101-GA-0001"));
            ids.add(id);
        }
        String marker = "PLAIN-MARKER-" + UUID.randomUUID();
        outbox.append(new New(
                Batch.AUDIT_EVENT,
                "audit",
                "plain",
                T0,
                ("{\"m\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8),
                false));
        byte[] sealed = rawBody(ids.get(0));

        byte[] before = fileBytes();
        assertThat(contains(before, marker.getBytes(StandardCharsets.UTF_8)))
                .as("the search finds what is there")
                .isTrue();
        assertThat(contains(before, sealed))
                .as("the sealed body is in the file while pending")
                .isTrue();
        assertThat(contains(before, ID_NUMBER.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(before, NAME.getBytes(StandardCharsets.UTF_8))).isFalse();

        List<OutboxRepository.Settlement> acks = new ArrayList<>();
        for (String id : ids) {
            acks.add(new Acknowledged(id, Batch.APPLICATION_SUBMIT, Optional.of("{\"applicationNo\":\"SQ1\"}")));
        }
        acks.add(new Acknowledged("plain", Batch.AUDIT_EVENT, Optional.empty()));
        outbox.settle(acks);

        byte[] after = fileBytes();
        assertThat(contains(after, ID_NUMBER.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(after, NAME.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(after, sealed))
                .as("secure_delete overwrote the deleted sealed body")
                .isFalse();
        assertThat(contains(after, marker.getBytes(StandardCharsets.UTF_8)))
                .as("and the deleted plain body")
                .isFalse();
        assertThat(applications.find(ids.get(0)).orElseThrow().state()).isEqualTo(ApplicationRepository.State.RECEIVED);
    }

    @Test
    void aSealedBodyMovedToAnotherRecordDoesNotOpen() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        outbox.append(new New(Batch.APPLICATION_SUBMIT, "application", a, T0, submitJson(a, "x"), true));
        outbox.append(new New(Batch.APPLICATION_SUBMIT, "application", b, T0, submitJson(b, "x"), true));

        byte[] sealedA = rawBody(a);
        assertThat(box.unseal(sealedA, a)).isEqualTo(submitJson(a, "x"));
        assertThatThrownBy(() -> box.unseal(sealedA, b))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(b);

        // copied over b's row, the body of a fails to open as b's
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET body = ? WHERE idem_key = ?")) {
                ps.setBytes(1, sealedA);
                ps.setString(2, b);
                return ps.executeUpdate();
            }
        });
        assertThat(outbox.due(NOW, 10)).extracting(Pending::idempotencyKey).containsExactly(a);
        assertThat(outbox.deadLetters(10))
                .extracting(OutboxRepository.DeadLetter::idempotencyKey)
                .containsExactly(b);
    }
}
