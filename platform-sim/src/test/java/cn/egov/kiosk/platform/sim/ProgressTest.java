package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 办件进度: a citizen's applications, or one by its number or by the query code of its acceptance
 * receipt (the platform's number, or the kiosk's reference while it had none), with what happens
 * next and, once decided, how the result reaches the citizen.
 */
class ProgressTest extends SimulatorTestBase {
    /** The kiosk's reference of an application, as its acceptance receipt prints it (kiosk-app's AcceptanceReceipt). */
    static String reference(String applicationId) {
        String hex = applicationId.replace("-", "").toUpperCase(Locale.ROOT).substring(0, 12);
        return "KS-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
    }

    private List<Applications.Progress> search(String idNumber, String applicationNo, String queryCode)
            throws PlatformException {
        return client.progress(new Applications.ProgressSearch(idNumber, applicationNo, queryCode))
                .applications();
    }

    @Test
    void aCitizensApplicationsSayWhatHappensNextAndHowTheResultComes() throws Exception {
        Map<Applications.Status, Applications.Progress> byStatus =
                search(EnterprisesAndLicencesTest.WANG, null, null).stream()
                        .collect(Collectors.toMap(Applications.Progress::status, Function.identity(), (a, b) -> a));

        assertThat(byStatus)
                .containsKeys(
                        Applications.Status.IN_REVIEW, Applications.Status.APPROVED, Applications.Status.COMPLETED);
        assertThat(byStatus.values()).allSatisfy(p -> {
            assertThat(p.nextStep()).as(p.applicationNo()).isNotBlank();
            assertThat(p.steps()).as(p.applicationNo()).hasSizeGreaterThanOrEqualTo(2);
        });
        assertThat(byStatus.get(Applications.Status.IN_REVIEW).result()).isNull();
        Applications.Result collect = byStatus.get(Applications.Status.APPROVED).result();
        assertThat(collect.delivery()).isEqualTo(Applications.Delivery.COLLECT);
        assertThat(collect.readyOn()).isNotNull();
        assertThat(collect.place()).contains("窗口");
        assertThat(collect.trackingNumber()).isNull();
        Applications.Result mailed = search(EnterprisesAndLicencesTest.WANG, null, null).stream()
                .filter(p -> p.result() != null && p.result().delivery() == Applications.Delivery.POSTAL)
                .findFirst()
                .orElseThrow()
                .result();
        assertThat(mailed.trackingNumber()).matches("\\d{12}");
        assertThat(mailed.readyOn()).isNotNull();
    }

    @Test
    void anApplicationIsFoundByItsNumberEitherWay() throws Exception {
        Applications.Progress any =
                search(EnterprisesAndLicencesTest.WANG, null, null).get(1);

        assertThat(search(null, any.applicationNo(), null)).containsExactly(any);
        assertThat(search(null, null, any.applicationNo())).containsExactly(any);
        assertThat(search(null, null, "SQ20200101999999")).isEmpty();
    }

    @Test
    void anApplicationSubmittedAtAKioskIsFoundByItsNumberAndByTheKiosksReference() throws Exception {
        String id = UUID.randomUUID().toString();
        Applications.Received received = client.submit(IdempotencyTest.application(id, IdempotencyTest.ITEM, "就业"));

        List<Applications.Progress> byNumber = search(null, null, received.applicationNo());
        List<Applications.Progress> byReference = search(null, null, reference(id));

        assertThat(byNumber).hasSize(1);
        Applications.Progress p = byNumber.get(0);
        assertThat(p.applicationNo()).isEqualTo(received.applicationNo());
        assertThat(p.status()).isEqualTo(Applications.Status.RECEIVED);
        assertThat(p.nextStep()).isNotBlank().contains("受理");
        assertThat(p.result()).isNull();
        assertThat(byReference).containsExactly(p);
        assertThat(search(null, null, reference(id).toLowerCase(Locale.ROOT)))
                .as("as typed in lower case")
                .containsExactly(p);
        String other = UUID.randomUUID().toString();
        assertThat(search(null, null, reference(other)))
                .as("a reference nobody submitted")
                .isEmpty();
    }

    @Test
    void aSearchIsByExactlyOneOfTheThreeAndAQueryCodeIsOneOfTheTwoKinds() {
        for (Applications.ProgressSearch wrong : List.of(
                new Applications.ProgressSearch(null, null, null),
                new Applications.ProgressSearch(" ", null, ""),
                new Applications.ProgressSearch(EnterprisesAndLicencesTest.WANG, "SQ20261128000123", null),
                new Applications.ProgressSearch(null, "SQ20261128000123", "SQ20261128000123"),
                new Applications.ProgressSearch(null, null, "KS-12AB-34CD"),
                new Applications.ProgressSearch(null, null, "https://example.com/SQ20261128000123"))) {
            PlatformException e = failure(() -> client.progress(wrong));

            assertThat(e.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(Problem.VALIDATION);
        }
    }
}
