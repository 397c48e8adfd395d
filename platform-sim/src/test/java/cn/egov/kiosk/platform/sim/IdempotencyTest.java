package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency keys on the POSTs that create something: the same again is the same answer. */
class IdempotencyTest extends SimulatorTestBase {
    /** 户籍证明开具: a kiosk form of name, ID number, purpose, a note and the phone. */
    static final String ITEM = "110101-GA-0019";

    /** An application of {@link #ITEM} that passes its form's checks; {@code reason} is the purpose's note. */
    static Applications.Submit application(String id, String itemId, String reason) {
        return new Applications.Submit(
                id,
                itemId,
                new Applications.Applicant(
                        Applications.IdType.RESIDENT, "11010519491231002X", "王小明", "13800138000", "北京市东城区示例大街1号"),
                Json.mapper()
                        .createObjectNode()
                        .put("name", "王小明")
                        .put("idNumber", "11010519491231002X")
                        .put("purpose", "5")
                        .put("purposeNote", reason)
                        .put("phone", "13800138000"),
                List.of(),
                OffsetDateTime.parse("2026-11-28T09:30:00+08:00"));
    }

    @Test
    void anApplicationSentTwiceIsReceivedOnceWithTheSameNumber() throws Exception {
        String id = UUID.randomUUID().toString();

        Applications.Received first = client.submit(application(id, ITEM, "新生儿落户"));
        Applications.Received again = client.submit(application(id, ITEM, "新生儿落户"));

        assertThat(first.applicationNo()).startsWith("SQ");
        assertThat(again).isEqualTo(first);
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, id)).isEqualTo(1);
    }

    @Test
    void anApplicationSentDirectlyAndThenInABatchIsStillOneApplication() throws Exception {
        String id = UUID.randomUUID().toString();
        Applications.Received direct = client.submit(application(id, ITEM, "新生儿落户"));

        Batch.Response r = client.batch(new Batch.Request(List.of(new Batch.Record(
                "outbox-" + id,
                "application",
                1,
                Batch.APPLICATION_SUBMIT,
                OffsetDateTime.parse("2026-11-28T09:30:00+08:00"),
                Json.mapper().valueToTree(application(id, ITEM, "新生儿落户"))))));

        assertThat(r.results().get(0).status().held()).isTrue();
        assertThat(r.results().get(0).result().path("applicationNo").asText()).isEqualTo(direct.applicationNo());
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, id))
                .as("the application's own id names it")
                .isEqualTo(1);
    }

    @Test
    void theAnswerGivenAgainSaysItIsAReplay() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] body = Json.bytes(application(id, ITEM, "新生儿落户"));
        Map<String, String> headers =
                new HashMap<>(signed(KIOSK, "POST", "/v1/applications", body, System.currentTimeMillis(), id));
        headers.put(PlatformClient.IDEMPOTENCY_KEY, id);
        HttpResponse<byte[]> first = send("POST", "/v1/applications", body, headers);
        Map<String, String> again =
                new HashMap<>(signed(KIOSK, "POST", "/v1/applications", body, System.currentTimeMillis(), id));
        again.put(PlatformClient.IDEMPOTENCY_KEY, id);

        HttpResponse<byte[]> second = send("POST", "/v1/applications", body, again);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replay")).isEmpty();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, id)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherBodyIsRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        client.submit(application(id, ITEM, "新生儿落户"));

        PlatformException e = failure(() -> client.submit(application(id, ITEM, "另一个理由")));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo(Problem.IDEMPOTENCY_KEY_REUSE);
        assertThat(e.retryable()).isFalse();
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, id)).isEqualTo(1);
    }

    @Test
    void aKeyIsTheKiosksOwnAnotherKioskMayUseTheSameUuid() throws Exception {
        // two kiosks' keys never collide: the store keeps them per kiosk
        sim.allowRegistrationCode("REG-IDEM-0001");
        Registration.Issued issued = newClient(Optional.empty(), Clock.systemUTC())
                .register(new Registration.Request("REG-IDEM-0001", "ZZ-2026-000200", "110101-01", "KS-2000", "0.1.0"));
        PlatformClient other = newClient(
                Optional.of(Credentials.fromBase64(issued.kioskId(), issued.keyId(), issued.secret())),
                Clock.systemUTC());
        String key = UUID.randomUUID().toString();

        Applications.Received mine = client.submit(application(key, ITEM, "新生儿落户"));
        Applications.Received theirs = other.submit(application(key, ITEM, "另一个理由"));

        assertThat(theirs.applicationNo()).isNotEqualTo(mine.applicationNo());
    }

    @Test
    void aRefusedApplicationIsRefusedAgainTheSameWay() throws Exception {
        String id = UUID.randomUUID().toString();

        PlatformException first = failure(() -> client.submit(application(id, "110101-XX-9999", "不存在的事项")));
        PlatformException again = failure(() -> client.submit(application(id, "110101-XX-9999", "不存在的事项")));

        assertThat(first.status()).isEqualTo(422);
        assertThat(first.retryable()).isFalse();
        assertThat(again.status()).isEqualTo(422);
        assertThat(sim.ledger().times(Batch.APPLICATION_SUBMIT, id)).isZero();
    }
}
