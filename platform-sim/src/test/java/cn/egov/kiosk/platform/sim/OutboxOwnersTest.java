package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Audit;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.PostalOrders;
import cn.egov.kiosk.platform.api.QueueNumbers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record of the outbox batch is the same operation as the request of its own: the resource that
 * owns the record's kind applies both, so each is applied once whichever way it came first.
 */
class OutboxOwnersTest extends SimulatorTestBase {
    private static Batch.Record record(String stream, String kind, Object body) {
        return new Batch.Record(
                UUID.randomUUID().toString(),
                stream,
                1,
                kind,
                BatchTest.AT,
                Json.mapper().valueToTree(body));
    }

    private static PostalOrders.Create postalOrder(String orderRef) {
        var recipient = new PostalOrders.Recipient("张三", "13800138000", "北京市", "北京市", "东城区", "东华门街道 1 号", "100010");
        return new PostalOrders.Create(orderRef, null, "SQ20261128000001", recipient);
    }

    @Test
    void aPostalOrderSentAloneAndThenInTheBatchIsOneOrder() throws Exception {
        String orderRef = UUID.randomUUID().toString();
        PostalOrders.Order direct = client.postalOrder(postalOrder(orderRef));

        Batch.Response r = client.batch(
                new Batch.Request(List.of(record("postal", Batch.POSTAL_ORDER_CREATE, postalOrder(orderRef)))));

        assertThat(r.results().get(0).status()).isEqualTo(Batch.Status.ACCEPTED);
        assertThat(r.results().get(0).result().path("orderId").asText()).isEqualTo(direct.orderId());
        assertThat(sim.ledger().times(Batch.POSTAL_ORDER_CREATE, orderRef)).isEqualTo(1);
    }

    @Test
    void aPostalOrderOfTheBatchIsTrackedLikeAnyOther() throws Exception {
        Batch.Record order = record(
                "postal",
                Batch.POSTAL_ORDER_CREATE,
                postalOrder(UUID.randomUUID().toString()));
        Batch.Response r = client.batch(new Batch.Request(List.of(order)));
        String orderId = r.results().get(0).result().path("orderId").asText();

        assertThat(client.postalOrderStatus(orderId).status()).isEqualTo(PostalOrders.Status.CREATED);
    }

    @Test
    void anAuditEventOfTheBatchSentAgainAloneIsADuplicate() throws Exception {
        String eventId = UUID.randomUUID().toString();
        Audit.Event e = new Audit.Event(
                eventId,
                BatchTest.AT,
                "queue.ticket.printed",
                Audit.Actor.CITIZEN,
                Json.mapper().createObjectNode());
        client.batch(new Batch.Request(List.of(record("audit", Batch.AUDIT_EVENT, e))));

        Batch.Response again = client.auditEvents(new Audit.Events(List.of(e)));

        assertThat(again.results()).extracting(Batch.Result::status).containsExactly(Batch.Status.DUPLICATE);
        assertThat(sim.ledger().times(Batch.AUDIT_EVENT, eventId)).isEqualTo(1);
    }

    @Test
    void aVoidedTicketOfTheBatchVoidsTheCentralNumberTheQueueIssued() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        QueueNumbers.Issued issued = client.queueNumber(new QueueNumbers.Request(ticketId, "A", null));
        var voided = new QueueNumbers.TicketIssued(
                ticketId,
                issued.number(),
                "A",
                LocalDate.parse("2026-11-28"),
                BatchTest.AT,
                QueueNumbers.TicketStatus.VOIDED);

        client.batch(new Batch.Request(List.of(record("ticket", Batch.TICKET_ISSUED, voided))));

        assertThat(sim.centralTicket(KIOSK.kioskId(), ticketId)).hasValueSatisfying(t -> {
            assertThat(t.number()).isEqualTo(issued.number());
            assertThat(t.voided()).isTrue();
        });
        assertThat(sim.ledger().times(Batch.TICKET_ISSUED, ticketId)).isEqualTo(1);
    }
}
