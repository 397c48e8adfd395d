package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.client.PlatformException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Faults on command, as the kiosk's client sees them. Each test's faulted call is the first on a
 * fresh client: OkHttp silently resends a request whose reused (pooled) connection breaks, which
 * would hide a dropped connection.
 */
class FaultsTest extends SimulatorTestBase {

    @Test
    void anInjectedErrorIsARetryable500AndTheNextCallGoesThrough() throws Exception {
        sim.faults().errors(1);

        PlatformException e = failure(() -> client.departments(Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.PROBLEM);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.code()).isEqualTo(Problem.INTERNAL);
        assertThat(e.retryable()).isTrue();
        assertThat(client.departments(Optional.empty()).body()).isPresent();
    }

    @Test
    void aRateLimitCarriesItsRetryAfter() throws Exception {
        sim.faults().rateLimit(1, 3);

        PlatformException e = failure(() -> client.departments(Optional.empty()));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo(Problem.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.retryable()).isTrue();
        assertThat(client.departments(Optional.empty()).body()).isPresent();
    }

    @Test
    void aConnectionDroppedBeforeAnythingIsDoneIsInterruptedAndNothingIsApplied() throws Exception {
        String id = UUID.randomUUID().toString();
        sim.faults().dropBefore(1);

        PlatformException e = failure(() -> client.submit(IdempotencyTest.application(id, IdempotencyTest.ITEM, "断线")));

        assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(e.retryable()).isTrue();
        assertThat(sim.ledger().size()).isZero();
        Applications.Received r = client.submit(IdempotencyTest.application(id, IdempotencyTest.ITEM, "断线"));
        assertThat(r.applicationId()).isEqualTo(id);
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, id)).isEqualTo(1);
    }

    @Test
    void aBatchCarriedOutButNeverAnsweredIsInterruptedAndResentItIsAllDuplicate() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Batch.Request batch = new Batch.Request(List.of(BatchTest.ticket(ticketId, 1), BatchTest.audit(eventId, 1)));
        sim.faults().dropAfter(1);

        PlatformException e = failure(() -> client.batch(batch));

        assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(sim.ledger().times(Batch.TICKET_ISSUED, ticketId)).isEqualTo(1);
        assertThat(sim.ledger().times(Batch.AUDIT_EVENT, eventId)).isEqualTo(1);

        Batch.Response again = client.batch(batch);

        assertThat(again.results())
                .extracting(Batch.Result::status)
                .containsExactly(Batch.Status.DUPLICATE, Batch.Status.DUPLICATE);
        assertThat(sim.ledger().times(Batch.TICKET_ISSUED, ticketId)).isEqualTo(1);
        assertThat(sim.ledger().times(Batch.AUDIT_EVENT, eventId)).isEqualTo(1);
        assertThat(sim.ledger().duplicates()).isEmpty();
    }

    @Test
    void onAReusedConnectionOkHttpResendsADroppedRequestAndTheKeyMakesItHarmless() throws Exception {
        // the client has a pooled connection when the platform drops the next request after doing it
        String id = UUID.randomUUID().toString();
        client.departments(Optional.empty());
        long before = sim.requests();
        sim.faults().dropAfter(1);

        Applications.Received r = client.submit(IdempotencyTest.application(id, IdempotencyTest.ITEM, "重发"));

        assertThat(r.applicationId()).isEqualTo(id);
        assertThat(sim.requests() - before).as("sent twice").isEqualTo(2);
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, id))
                .as("applied once")
                .isEqualTo(1);
    }

    @Test
    void aPlatformThatIsDownIsUnreachableAndComesBackOnTheSamePort() throws Exception {
        int port = sim.port();
        sim.down(Duration.ofSeconds(60));

        PlatformException e = failure(() -> newClient().departments(Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.platformDown()).isTrue();
        assertThat(sim.isUp()).isFalse();

        sim.up();

        assertThat(sim.port()).isEqualTo(port);
        assertThat(newClient().departments(Optional.empty()).body()).isPresent();
    }

    @Test
    void aPlatformDownForAWhileComesBackByItself() throws Exception {
        PlatformClient kiosk = newClient();
        kiosk.departments(Optional.empty());
        sim.down(Duration.ofSeconds(2));

        PlatformException e = failure(() -> kiosk.departments(Optional.empty()));
        assertThat(e.platformDown()).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!sim.isUp() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sim.isUp()).as("back within 20 s of a 2 s outage").isTrue();
        assertThat(kiosk.departments(Optional.empty()).body()).isPresent();
    }

    @Test
    void clearedFaultsAreGone() throws Exception {
        sim.faults()
                .errors(5)
                .rateLimit(5, 1)
                .dropBefore(5)
                .dropAfter(5)
                .failureRate(1)
                .latency(Duration.ofSeconds(5));

        sim.faults().clear();

        assertThat(client.departments(Optional.empty()).body()).isPresent();
    }
}
