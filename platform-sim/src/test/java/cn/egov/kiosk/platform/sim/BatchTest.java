package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.platform.api.Audit;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.QueueNumbers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox batch: one result per record, each applied at most once. */
class BatchTest extends SimulatorTestBase {
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-28T09:30:00+08:00");

    static Batch.Record ticket(String ticketId, long seq) {
        QueueNumbers.TicketIssued t = new QueueNumbers.TicketIssued(
                ticketId,
                "Z9A" + String.format("%03d", seq),
                "A",
                LocalDate.parse("2026-11-28"),
                AT,
                QueueNumbers.TicketStatus.PRINTED);
        return new Batch.Record(
                UUID.randomUUID().toString(),
                "ticket",
                seq,
                Batch.TICKET_ISSUED,
                AT,
                Json.mapper().valueToTree(t));
    }

    static Batch.Record audit(String eventId, long seq) {
        Audit.Event e = new Audit.Event(
                eventId,
                AT,
                "queue.ticket.printed",
                Audit.Actor.CITIZEN,
                Json.mapper().createObjectNode().put("businessType", "A"));
        return new Batch.Record(
                UUID.randomUUID().toString(),
                "audit",
                seq,
                Batch.AUDIT_EVENT,
                AT,
                Json.mapper().valueToTree(e));
    }

    static Batch.Record application(String applicationId, String itemId, long seq) {
        return new Batch.Record(
                UUID.randomUUID().toString(),
                "applications",
                seq,
                Batch.APPLICATION_SUBMIT,
                AT,
                Json.mapper().valueToTree(IdempotencyTest.application(applicationId, itemId, "自助申报")));
    }

    @Test
    void mixedRecordsAreAppliedOnceAndAnUnknownItemIsRejectedForGood() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        Batch.Request batch = new Batch.Request(List.of(
                ticket(ticketId, 1),
                audit(eventId, 1),
                application(good, IdempotencyTest.ITEM, 1),
                application(unknown, "110101-XX-9999", 2)));

        Batch.Response r = client.batch(batch);

        assertThat(r.results())
                .extracting(Batch.Result::idempotencyKey)
                .containsExactlyElementsOf(batch.records().stream()
                        .map(Batch.Record::idempotencyKey)
                        .toList());
        assertThat(r.results())
                .extracting(Batch.Result::status)
                .containsExactly(
                        Batch.Status.ACCEPTED, Batch.Status.ACCEPTED, Batch.Status.ACCEPTED, Batch.Status.REJECTED);
        assertThat(r.results().get(2).result().path("applicationNo").asText()).startsWith("SQ");
        Problem refused = r.results().get(3).problem();
        assertThat(refused.code()).isEqualTo(Problem.VALIDATION);
        assertThat(refused.retryable()).isFalse();
        assertThat(sim.ledger().times(Batch.TICKET_ISSUED, ticketId)).isEqualTo(1);
        assertThat(sim.ledger().times(Batch.AUDIT_EVENT, eventId)).isEqualTo(1);
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, good)).isEqualTo(1);
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, unknown)).isZero();
        assertThat(sim.ledger().entries(Batch.TICKET_ISSUED).get(0).stream()).isEqualTo("ticket");
    }

    @Test
    void theSameBatchAgainIsAllDuplicateAndTheLedgerDoesNotChange() throws Exception {
        String good = UUID.randomUUID().toString();
        Batch.Request batch = new Batch.Request(List.of(
                ticket(UUID.randomUUID().toString(), 1),
                audit(UUID.randomUUID().toString(), 1),
                application(good, IdempotencyTest.ITEM, 1),
                application(UUID.randomUUID().toString(), "110101-XX-9999", 2)));
        Batch.Response first = client.batch(batch);
        int ledger = sim.ledger().size();

        Batch.Response again = client.batch(batch);

        assertThat(again.results())
                .extracting(Batch.Result::status)
                .containsExactly(
                        Batch.Status.DUPLICATE, Batch.Status.DUPLICATE, Batch.Status.DUPLICATE, Batch.Status.REJECTED);
        assertThat(again.results().get(2).result())
                .as("a duplicate carries the first result")
                .isEqualTo(first.results().get(2).result());
        assertThat(sim.ledger().size()).isEqualTo(ledger);
        assertThat(sim.ledger().duplicates()).isEmpty();
    }

    @Test
    void aRecordOfAnUnknownKindOrWithoutABodyIsRejected() throws Exception {
        Batch.Record strange = new Batch.Record(
                UUID.randomUUID().toString(),
                "misc",
                1,
                "coffee.order",
                AT,
                Json.mapper().createObjectNode());
        Batch.Record empty = new Batch.Record(UUID.randomUUID().toString(), "audit", 1, Batch.AUDIT_EVENT, AT, null);

        Batch.Response r = client.batch(new Batch.Request(List.of(strange, empty)));

        assertThat(r.results())
                .extracting(Batch.Result::status)
                .containsExactly(Batch.Status.REJECTED, Batch.Status.REJECTED);
        assertThat(sim.ledger().size()).isZero();
    }

    @Test
    void aSequenceGoingBackInAStreamIsRejected() throws Exception {
        Batch.Response r = client.batch(new Batch.Request(List.of(
                audit(UUID.randomUUID().toString(), 5), audit(UUID.randomUUID().toString(), 4))));

        assertThat(r.results())
                .extracting(Batch.Result::status)
                .containsExactly(Batch.Status.ACCEPTED, Batch.Status.REJECTED);
    }

    @Test
    void aBatchOf501IsRefusedByTheClientAndByThePlatform() throws Exception {
        List<Batch.Record> records = new ArrayList<>();
        for (int i = 1; i <= Batch.MAX_RECORDS + 1; i++) {
            records.add(audit(UUID.randomUUID().toString(), i));
        }
        Batch.Request tooMany = new Batch.Request(records);
        long before = sim.requests();

        assertThatThrownBy(() -> client.batch(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.requests()).isEqualTo(before);

        byte[] body = Json.bytes(tooMany);
        HttpResponse<byte[]> raw = send("POST", "/v1/batch", body, signed(KIOSK, "POST", "/v1/batch", body));
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(problem(raw).code()).isEqualTo(Problem.VALIDATION);
        assertThat(sim.ledger().size()).isZero();
    }

    @Test
    void anEmptyBatchIsRefused() throws Exception {
        byte[] body = Json.bytes(new Batch.Request(List.of()));

        HttpResponse<byte[]> raw = send("POST", "/v1/batch", body, signed(KIOSK, "POST", "/v1/batch", body));

        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(problem(raw).code()).isEqualTo(Problem.VALIDATION);
    }
}
