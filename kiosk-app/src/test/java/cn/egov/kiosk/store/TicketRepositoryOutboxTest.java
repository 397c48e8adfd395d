package cn.egov.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.QueueNumbers;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.store.OutboxRepository.Pending;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A printed ticket is reported to the platform through the outbox, in the transaction that records it printed. */
class TicketRepositoryOutboxTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    private static final Instant ISSUED = Instant.parse("2026-11-28T01:30:00Z");
    private static final Instant PRINTED = ISSUED.plusSeconds(3);
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private Database db;
    private OutboxRepository outbox;
    private TicketRepository tickets;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
        outbox =
                new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), Clock.fixed(ISSUED, ZoneOffset.UTC));
        tickets = new TicketRepository(db, Optional.of(outbox), HALL);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Pending> records() {
        return outbox.due(Long.MAX_VALUE, 1000);
    }

    @Test
    void printingATicketAppendsOneTicketIssuedRecordKeyedByTheTicketsId() throws Exception {
        Ticket t = tickets.allocate("K01", DAY, "A", "Z1", ISSUED);
        assertThat(records()).as("nothing before it is on paper").isEmpty();

        assertThat(tickets.transition(t.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED))
                .isTrue();

        List<Pending> r = records();
        assertThat(r).hasSize(1);
        Pending p = r.get(0);
        assertThat(p.kind()).isEqualTo(Batch.TICKET_ISSUED);
        assertThat(p.idempotencyKey()).isEqualTo(TicketRepository.issuedKey(t.id()));
        assertThat(p.stream()).isEqualTo("ticket");
        assertThat(p.seq()).isEqualTo(1);
        assertThat(p.occurredAt()).isEqualTo(PRINTED);
        QueueNumbers.TicketIssued body = Json.read(p.json(), QueueNumbers.TicketIssued.class);
        assertThat(body)
                .isEqualTo(new QueueNumbers.TicketIssued(
                        t.id(),
                        "Z1A001",
                        "A",
                        DAY,
                        OffsetDateTime.parse("2026-11-28T09:30:00+08:00"),
                        QueueNumbers.TicketStatus.PRINTED));
        assertThat(new String(p.json(), StandardCharsets.UTF_8)).contains("\"issuedAt\":\"2026-11-28T09:30:00+08:00\"");

        // called later: no second report
        assertThat(tickets.transition(t.id(), TicketStatus.PRINTED, TicketStatus.CALLED, null, PRINTED.plusSeconds(60)))
                .isTrue();
        assertThat(records()).hasSize(1);

        Ticket second = tickets.allocate("K01", DAY, "B", "Z1", ISSUED);
        tickets.transition(second.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED);
        assertThat(records())
                .extracting(Pending::idempotencyKey)
                .containsExactly(TicketRepository.issuedKey(t.id()), TicketRepository.issuedKey(second.id()));
        assertThat(records()).extracting(Pending::seq).containsExactly(1L, 2L);
    }

    @Test
    void aCentralNumberIsReportedWhenPrintedToo() {
        Ticket t = tickets.recordCentral("3f2a-uuid", DAY, "A", "A012", OptionalInt.of(3), ISSUED);

        tickets.transition(t.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED);

        assertThat(records())
                .extracting(Pending::idempotencyKey)
                .containsExactly(TicketRepository.issuedKey("3f2a-uuid"));
        assertThat(new String(records().get(0).json(), StandardCharsets.UTF_8)).contains("\"number\":\"A012\"");
    }

    @Test
    void everyTicketIsReportedOnceWhenItEndsAndAFailedTransitionAppendsNothing() throws Exception {
        Ticket voided = tickets.allocate("K01", DAY, "A", "Z1", ISSUED);
        Ticket printed = tickets.allocate("K01", DAY, "A", "Z1", ISSUED);
        Ticket interrupted = tickets.allocate("K01", DAY, "A", "Z1", ISSUED);

        assertThat(tickets.transition(voided.id(), TicketStatus.ALLOCATED, TicketStatus.VOIDED, "PAPER_OUT", PRINTED))
                .isTrue();
        assertThat(records())
                .extracting(Pending::idempotencyKey)
                .containsExactly(TicketRepository.issuedKey(voided.id()));
        assertThat(Json.read(records().get(0).json(), QueueNumbers.TicketIssued.class)
                        .status())
                .isEqualTo(QueueNumbers.TicketStatus.VOIDED);
        assertThat(new String(records().get(0).json(), StandardCharsets.UTF_8))
                .as("never the reason")
                .doesNotContain("PAPER_OUT")
                .contains("\"number\":\"Z1A001\"");
        assertThat(tickets.transition(voided.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED))
                .as("not allocated any more")
                .isFalse();
        assertThat(tickets.transition(
                        "K01-20261128-Z1A999", TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED))
                .as("no such ticket")
                .isFalse();
        assertThat(records()).hasSize(1);

        tickets.transition(printed.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED);
        assertThat(tickets.transition(printed.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED))
                .as("printed once")
                .isFalse();
        assertThat(tickets.markInterrupted(PRINTED)).isEqualTo(1);
        assertThat(tickets.markInterrupted(PRINTED))
                .as("nothing left allocated")
                .isZero();
        assertThat(tickets.find(interrupted.id()).orElseThrow().status()).isEqualTo(TicketStatus.INTERRUPTED);

        assertThat(records())
                .extracting(Pending::idempotencyKey)
                .containsExactly(
                        TicketRepository.issuedKey(voided.id()),
                        TicketRepository.issuedKey(printed.id()),
                        TicketRepository.issuedKey(interrupted.id()));
        assertThat(records())
                .extracting(p ->
                        Json.read(p.json(), QueueNumbers.TicketIssued.class).status())
                .containsExactly(
                        QueueNumbers.TicketStatus.VOIDED,
                        QueueNumbers.TicketStatus.PRINTED,
                        QueueNumbers.TicketStatus.INTERRUPTED);
        assertThat(records()).extracting(Pending::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aCentralNumberNeverReceivedIsReportedVoidedUnderTheTicketIdSentWithoutANumber() throws Exception {
        tickets.abandonCentral("7d1e-uuid", DAY, "B", PRINTED);

        Pending p = records().get(0);
        assertThat(p.idempotencyKey()).isEqualTo(TicketRepository.issuedKey("7d1e-uuid"));
        QueueNumbers.TicketIssued body = Json.read(p.json(), QueueNumbers.TicketIssued.class);
        assertThat(body.ticketId()).isEqualTo("7d1e-uuid");
        assertThat(body.number()).isNull();
        assertThat(body.status()).isEqualTo(QueueNumbers.TicketStatus.VOIDED);
        assertThat(new String(p.json(), StandardCharsets.UTF_8)).doesNotContain("\"number\"");
        assertThat(tickets.ofDay(DAY))
                .as("no ticket of the store's: nobody holds it")
                .isEmpty();
    }

    @Test
    void theReportIsInTheSameTransactionAsThePrintedStatus() {
        Ticket t = tickets.allocate("K01", DAY, "A", "Z1", ISSUED);
        // a record already holds the ticket's key: the report cannot be appended
        outbox.append(new OutboxRepository.New(
                Batch.AUDIT_EVENT,
                "audit",
                TicketRepository.issuedKey(t.id()),
                ISSUED,
                "{}".getBytes(StandardCharsets.UTF_8),
                false));

        assertThatThrownBy(
                        () -> tickets.transition(t.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED))
                .isInstanceOf(StoreException.class);

        assertThat(tickets.find(t.id()).orElseThrow().status())
                .as("the status change rolled back with the report")
                .isEqualTo(TicketStatus.ALLOCATED);
        assertThat(records()).extracting(Pending::kind).containsExactly(Batch.AUDIT_EVENT);
        assertThat(outbox.append(new OutboxRepository.New(
                        Batch.TICKET_ISSUED, "ticket", "other", ISSUED, "{}".getBytes(StandardCharsets.UTF_8), false)))
                .as("the ticket stream's counter rolled back too")
                .isEqualTo(1);
    }

    @Test
    void aPrefixThatChangesDuringTheDayContinuesTheKiosksOwnSequence() {
        // before registration the kiosk's range is Z; the platform then assigns Z1
        Ticket z1 = tickets.allocate("K01", DAY, "A", "Z", ISSUED);
        Ticket z2 = tickets.allocate("K01", DAY, "A", "Z", ISSUED);
        Ticket central = tickets.recordCentral("c-1", DAY, "A", "A003", OptionalInt.empty(), ISSUED);

        Ticket assigned = tickets.allocate("K01", DAY, "A", "Z1", ISSUED);
        Ticket plain = tickets.allocate("K01", DAY, "A", ISSUED); // the platform removed from the configuration

        assertThat(List.of(z1.number(), z2.number())).containsExactly("ZA001", "ZA002");
        assertThat(central.seq()).isEqualTo(3);
        assertThat(assigned.number()).isEqualTo("Z1A003");
        assertThat(plain.number()).isEqualTo("A004");
        assertThat(tickets.allocate("K01", DAY, "A", "Z1", ISSUED).number()).isEqualTo("Z1A005");
        assertThat(tickets.allocate("K01", DAY, "B", "Z1", ISSUED).number()).isEqualTo("Z1B001");
        assertThat(tickets.ofDay(DAY)).hasSize(7);
    }

    @Test
    void withoutAnOutboxPrintingReportsNothing() {
        TicketRepository alone = new TicketRepository(db);
        Ticket t = alone.allocate("K01", DAY, "A", ISSUED);

        assertThat(alone.transition(t.id(), TicketStatus.ALLOCATED, TicketStatus.PRINTED, null, PRINTED))
                .isTrue();

        assertThat(records()).isEmpty();
    }
}
