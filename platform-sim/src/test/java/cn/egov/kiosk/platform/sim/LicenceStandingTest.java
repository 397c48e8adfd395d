package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.PostalOrders;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Where a licence stands: waiting, collected (printed at a kiosk, reported by a {@code
 * licence.collected} record), or mailed (by a postal order); what a second print is.
 */
class LicenceStandingTest extends SimulatorTestBase {
    static final String CHEN = "810000199203050043";
    private static final OffsetDateTime PRINTED = OffsetDateTime.parse("2026-12-07T10:15:30+08:00");

    private List<Licences.Summary> licencesOf(String idNumber) throws PlatformException {
        return client.licences(new Licences.Search(idNumber)).licences();
    }

    private Licences.Summary licence(String idNumber, Predicate<Licences.Summary> p) throws PlatformException {
        return licencesOf(idNumber).stream().filter(p).findFirst().orElseThrow();
    }

    private Licences.Summary now(String licenceId) throws PlatformException {
        return licence(EnterprisesAndLicencesTest.WANG, l -> l.licenceId().equals(licenceId));
    }

    private static Predicate<Licences.Summary> waiting(Licences.Reprint reprint) {
        return l -> l.printable() && l.status() == Licences.Status.WAITING && l.reprint() == reprint;
    }

    static Batch.Record collected(String collectionId, String licenceId, boolean copy, long seq) {
        return new Batch.Record(
                UUID.randomUUID().toString(),
                "licence",
                seq,
                Batch.LICENCE_COLLECTED,
                PRINTED,
                Json.mapper().valueToTree(new Licences.Collected(collectionId, licenceId, copy, PRINTED)));
    }

    private static PostalOrders.Create post(String orderRef, String licenceId) {
        return new PostalOrders.Create(
                orderRef,
                licenceId,
                null,
                new PostalOrders.Recipient("王小明", "13800138000", "北京市", "北京市", "西城区", "演示胡同8号", "100032"));
    }

    @Test
    void aCitizensLicencesAreAllThereWithWhereTheyStand() throws Exception {
        List<Licences.Summary> all = licencesOf(EnterprisesAndLicencesTest.WANG);

        List<Licences.Summary> waiting = all.stream()
                .filter(l -> l.printable() && l.status() == Licences.Status.WAITING)
                .toList();
        assertThat(waiting.stream().map(Licences.Summary::type).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(waiting)
                .extracting(Licences.Summary::reprint)
                .contains(Licences.Reprint.COPY, Licences.Reprint.REFUSE);
        assertThat(all).anySatisfy(l -> assertThat(l.printable()).isFalse());
        assertThat(all.get(0).type())
                .as("the business licence first, as before")
                .isEqualTo("营业执照");
        assertThat(all).allSatisfy(l -> {
            assertThat(l.status()).isNotNull();
            assertThat(l.reprint()).isNotNull();
            assertThat(l.collectedAt() != null).as(l.licenceId()).isEqualTo(l.status() == Licences.Status.COLLECTED);
            assertThat(l.trackingNumber() != null).as(l.licenceId()).isEqualTo(l.status() == Licences.Status.MAILED);
        });
        Map<Licences.Status, Long> chen = licencesOf(CHEN).stream()
                .collect(Collectors.groupingBy(Licences.Summary::status, Collectors.counting()));
        assertThat(chen).containsKeys(Licences.Status.COLLECTED, Licences.Status.MAILED);
    }

    @Test
    void aLicencePrintedOnceAllowsOnlyAMarkedCopyOrNothing() throws Exception {
        Licences.Summary copies = licence(EnterprisesAndLicencesTest.WANG, waiting(Licences.Reprint.COPY));
        Licences.Summary once = licence(EnterprisesAndLicencesTest.WANG, waiting(Licences.Reprint.REFUSE));
        assertThat(client.printData(copies.licenceId()).copy()).as("before").isFalse();
        assertThat(client.printData(once.licenceId()).copy()).isFalse();

        Batch.Response r = client.batch(new Batch.Request(List.of(
                collected(UUID.randomUUID().toString(), copies.licenceId(), false, 1),
                collected(UUID.randomUUID().toString(), once.licenceId(), false, 2))));

        assertThat(r.results()).extracting(Batch.Result::status).containsOnly(Batch.Status.ACCEPTED);
        Licences.Summary copiesNow = now(copies.licenceId());
        assertThat(copiesNow.status()).isEqualTo(Licences.Status.COLLECTED);
        assertThat(copiesNow.collectedAt()).isEqualTo(PRINTED);
        assertThat(copiesNow.printable()).as("a copy can be printed").isTrue();
        Licences.PrintData copy = client.printData(copies.licenceId());
        assertThat(copy.copy()).isTrue();
        assertThat(copy.verificationCode())
                .isEqualTo(client.printData(copies.licenceId()).verificationCode());

        Licences.Summary onceNow = now(once.licenceId());
        assertThat(onceNow.status()).isEqualTo(Licences.Status.COLLECTED);
        assertThat(onceNow.printable()).isFalse();
        PlatformException refused = failure(() -> client.printData(once.licenceId()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo(Problem.LICENCE_COLLECTED);
        assertThat(refused.retryable()).isFalse();
        assertThat(sim.ledger().counts()).containsEntry(Batch.LICENCE_COLLECTED, 2);
    }

    @Test
    void aCollectionReportedTwiceIsAppliedOnceAndACopyKeepsTheFirstCollection() throws Exception {
        Licences.Summary copies = licence(EnterprisesAndLicencesTest.WANG, waiting(Licences.Reprint.COPY));
        String collectionId = UUID.randomUUID().toString();
        Batch.Record first = collected(collectionId, copies.licenceId(), false, 1);
        client.batch(new Batch.Request(List.of(first)));

        Batch.Response again =
                client.batch(new Batch.Request(List.of(first, collected(collectionId, copies.licenceId(), false, 2))));
        Batch.Response aCopy = client.batch(new Batch.Request(List.of(new Batch.Record(
                UUID.randomUUID().toString(),
                "licence",
                3,
                Batch.LICENCE_COLLECTED,
                PRINTED.plusHours(2),
                Json.mapper()
                        .valueToTree(new Licences.Collected(
                                UUID.randomUUID().toString(), copies.licenceId(), true, PRINTED.plusHours(2)))))));

        assertThat(again.results())
                .extracting(Batch.Result::status)
                .containsExactly(Batch.Status.DUPLICATE, Batch.Status.ACCEPTED);
        assertThat(sim.ledger().times(Batch.LICENCE_COLLECTED, collectionId)).isEqualTo(1);
        assertThat(aCopy.results().get(0).status()).isEqualTo(Batch.Status.ACCEPTED);
        Licences.Summary l = now(copies.licenceId());
        assertThat(l.status()).isEqualTo(Licences.Status.COLLECTED);
        assertThat(l.collectedAt()).as("when it was first collected").isEqualTo(PRINTED);
    }

    @Test
    void aCollectionOfALicenceNobodyHasIsRejected() throws Exception {
        Batch.Response r = client.batch(new Batch.Request(List.of(
                collected(UUID.randomUUID().toString(), "DZZZ-110101-XX-2026-999999", false, 1),
                new Batch.Record(
                        UUID.randomUUID().toString(),
                        "licence",
                        2,
                        Batch.LICENCE_COLLECTED,
                        PRINTED,
                        Json.mapper().createObjectNode().put("licenceId", "DZZZ-110101-SJ-2026-000128")))));

        assertThat(r.results()).extracting(Batch.Result::status).containsOnly(Batch.Status.REJECTED);
        assertThat(r.results().get(0).problem().status()).isEqualTo(422);
        assertThat(r.results().get(1).problem().status()).isEqualTo(400);
        assertThat(now("DZZZ-110101-SJ-2026-000128").status()).isEqualTo(Licences.Status.WAITING);
    }

    @Test
    void aMailedLicenceHasItsTrackingNumberAndIsNeitherPrintedNorMailedAgain() throws Exception {
        Licences.Summary l = licence(EnterprisesAndLicencesTest.WANG, waiting(Licences.Reprint.COPY));
        String orderRef = UUID.randomUUID().toString();

        PostalOrders.Order order = client.postalOrder(post(orderRef, l.licenceId()));

        Licences.Summary mailed = now(l.licenceId());
        assertThat(mailed.status()).isEqualTo(Licences.Status.MAILED);
        assertThat(mailed.trackingNumber()).isEqualTo(order.trackingNumber());
        assertThat(mailed.printable()).isFalse();
        PlatformException print = failure(() -> client.printData(l.licenceId()));
        assertThat(print.status()).isEqualTo(409);
        assertThat(print.code()).isEqualTo(Problem.LICENCE_MAILED);
        PlatformException second =
                failure(() -> client.postalOrder(post(UUID.randomUUID().toString(), l.licenceId())));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo(Problem.LICENCE_MAILED);

        Batch.Response sameOrder = client.batch(new Batch.Request(List.of(new Batch.Record(
                UUID.randomUUID().toString(),
                "postal",
                1,
                Batch.POSTAL_ORDER_CREATE,
                PRINTED,
                Json.mapper().valueToTree(post(orderRef, l.licenceId()))))));
        assertThat(sameOrder.results().get(0).status())
                .as("the same order sent again under another key")
                .isEqualTo(Batch.Status.ACCEPTED);
        assertThat(sameOrder.results().get(0).result().path("orderId").asText()).isEqualTo(order.orderId());
        assertThat(sim.ledger().times(Batch.POSTAL_ORDER_CREATE, orderRef)).isEqualTo(1);
    }

    @Test
    void aCollectedLicenceIsNotMailedAndAMailedOneNotPrinted() throws Exception {
        Licences.Summary collected =
                licence(EnterprisesAndLicencesTest.WANG, l -> l.status() == Licences.Status.COLLECTED);
        PlatformException e =
                failure(() -> client.postalOrder(post(UUID.randomUUID().toString(), collected.licenceId())));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo(Problem.LICENCE_COLLECTED);

        Licences.Summary mailed = licence(CHEN, l -> l.status() == Licences.Status.MAILED);
        assertThat(mailed.printable()).isFalse();
        assertThat(failure(() -> client.printData(mailed.licenceId())).code()).isEqualTo(Problem.LICENCE_MAILED);
        Licences.Summary copy = licence(CHEN, l -> l.status() == Licences.Status.COLLECTED);
        assertThat(copy.printable()).isTrue();
        assertThat(client.printData(copy.licenceId()).copy()).isTrue();
        assertThat(failure(() -> client.postalOrder(post(UUID.randomUUID().toString(), "DZZZ-NOBODY")))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aFreshSimulatorStartsFromTheDataSetsState() throws Exception {
        Licences.Summary l = licence(EnterprisesAndLicencesTest.WANG, waiting(Licences.Reprint.REFUSE));
        client.batch(new Batch.Request(List.of(collected(UUID.randomUUID().toString(), l.licenceId(), false, 1))));
        assertThat(now(l.licenceId()).status()).isEqualTo(Licences.Status.COLLECTED);

        sim.close();
        sim = PlatformSimulator.start(options());
        sim.provision(KIOSK, "Z9");
        client = newClient();

        Licences.Summary fresh = now(l.licenceId());
        assertThat(fresh.status()).isEqualTo(Licences.Status.WAITING);
        assertThat(fresh.printable()).isTrue();
        assertThat(client.printData(l.licenceId()).copy()).isFalse();
    }
}
