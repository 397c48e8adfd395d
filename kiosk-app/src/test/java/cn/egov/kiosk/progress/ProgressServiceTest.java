package cn.egov.kiosk.progress;

import static cn.egov.kiosk.progress.FakeProgress.held;
import static cn.egov.kiosk.progress.FakeProgress.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.platform.api.Applications.Status;
import cn.egov.kiosk.progress.HeldApplications.Standing;
import cn.egov.kiosk.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform's answer and what the kiosk holds, put together (the ports in memory: the logic only). */
class ProgressServiceTest {
    private static final String ID = "11010519491231002X";

    private final FakeProgress.Platform platform = new FakeProgress.Platform();
    private final FakeProgress.Held held = new FakeProgress.Held();
    private final ProgressService service = new ProgressService(platform, held);

    @Test
    void byPersonThePlatformsApplicationsAndTheOnesHeldHereNewestFirst() {
        platform.byPerson.put(
                ID,
                List.of(
                        progress("SQ20261128000123", "个体工商户设立登记", Status.COMPLETED, "2026-11-28T09:12:05", null, null),
                        progress("SQ20261203000007", "居住证签注", Status.IN_REVIEW, "2026-12-03T10:00:00", "审核中", null)));
        held.byPerson.put(
                ID,
                List.of(
                        held("KS-AAAA-BBBB-CCCC", "户籍证明开具", "2026-12-06T15:30:00", Standing.SAVED, null),
                        held("KS-DDDD-EEEE-FFFF", "户籍证明开具", "2026-12-01T08:00:00", Standing.REFUSED, null)));

        ProgressService.Lookup found = service.ofApplicant(ID);

        assertThat(found.platformAnswered()).isTrue();
        assertThat(found.applications())
                .extracting(Tracked::reference)
                .containsExactly("KS-AAAA-BBBB-CCCC", "SQ20261203000007", "KS-DDDD-EEEE-FFFF", "SQ20261128000123");
        assertThat(found.applications())
                .extracting(Tracked::origin)
                .containsExactly(
                        Tracked.Origin.SAVED_HERE,
                        Tracked.Origin.PLATFORM,
                        Tracked.Origin.NOT_TAKEN,
                        Tracked.Origin.PLATFORM);
        assertThat(found.applications().get(1).nextStep()).contains("审核中");
    }

    @Test
    void anApplicationHeldHereThatThePlatformAlreadyNumberedIsShownOnceAsThePlatformHasIt() {
        platform.byPerson.put(
                ID,
                List.of(progress("SQ20261206000001", "户籍证明开具", Status.RECEIVED, "2026-12-06T15:30:00", null, null)));
        held.byPerson.put(
                ID,
                List.of(held("KS-AAAA-BBBB-CCCC", "户籍证明开具", "2026-12-06T15:30:00", Standing.SENT, "SQ20261206000001")));

        assertThat(service.ofApplicant(ID).applications())
                .singleElement()
                .satisfies(t -> assertThat(t.origin()).isEqualTo(Tracked.Origin.PLATFORM));
    }

    @Test
    void whileThePlatformCannotBeAskedWhatIsHeldHereIsShownAndTheAnswerSaysSo() {
        platform.away = true;
        held.byPerson.put(
                ID, List.of(held("KS-AAAA-BBBB-CCCC", "户籍证明开具", "2026-12-06T15:30:00", Standing.SAVED, null)));

        ProgressService.Lookup found = service.ofApplicant(ID);

        assertThat(found.platformAnswered()).isFalse();
        assertThat(found.applications()).extracting(Tracked::origin).containsExactly(Tracked.Origin.SAVED_HERE);
        assertThat(service.ofApplicant("110101201506010029").applications()).isEmpty();
    }

    @Test
    void byQueryCodeThePlatformsAnswerWinsOverTheKiosksOwnView() {
        platform.byCode.put(
                "KS-AAAA-BBBB-CCCC",
                List.of(progress("SQ20261206000001", "户籍证明开具", Status.ACCEPTED, "2026-12-06T15:30:00", null, null)));
        held.byCode.put(
                "KS-AAAA-BBBB-CCCC",
                List.of(held("KS-AAAA-BBBB-CCCC", "户籍证明开具", "2026-12-06T15:30:00", Standing.SAVED, null)));

        assertThat(service.ofQueryCode("KS-AAAA-BBBB-CCCC").applications())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.origin()).isEqualTo(Tracked.Origin.PLATFORM);
                    assertThat(t.reference()).isEqualTo("SQ20261206000001");
                    assertThat(t.status()).contains(Status.ACCEPTED);
                });
    }

    @Test
    void aCodeThePlatformDoesNotKnowButThisKioskHoldsIsNeverNotFound() {
        held.byCode.put(
                "KS-AAAA-BBBB-CCCC",
                List.of(held("KS-AAAA-BBBB-CCCC", "户籍证明开具", "2026-12-06T15:30:00", Standing.SAVED, null)));

        ProgressService.Lookup found = service.ofQueryCode("KS-AAAA-BBBB-CCCC");

        assertThat(found.platformAnswered()).isTrue();
        assertThat(found.applications()).extracting(Tracked::origin).containsExactly(Tracked.Origin.SAVED_HERE);
        assertThat(service.ofQueryCode("SQ20991231000001").applications()).isEmpty();
        assertThat(platform.asked).containsExactly("KS-AAAA-BBBB-CCCC", "SQ20991231000001");
    }

    @Test
    void aNumberedApplicationHeldHereIsShownWithItsNumberWhileThePlatformIsAway() {
        platform.away = true;
        held.byCode.put(
                "SQ20261206000001",
                List.of(held("KS-AAAA-BBBB-CCCC", "户籍证明开具", "2026-12-06T15:30:00", Standing.SENT, "SQ20261206000001")));

        ProgressService.Lookup found = service.ofQueryCode("SQ20261206000001");

        assertThat(found.platformAnswered()).isFalse();
        assertThat(found.applications()).singleElement().satisfies(t -> {
            assertThat(t.origin()).isEqualTo(Tracked.Origin.SENT_FROM_HERE);
            assertThat(t.reference()).isEqualTo("SQ20261206000001");
            assertThat(t.deadline()).isPresent();
        });
    }

    @Test
    void theKiosksOwnStoreFailingIsAFailureNotAnEmptyAnswer() {
        held.failure = new StoreException("disk", null);

        assertThatThrownBy(() -> service.ofApplicant(ID)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> service.ofQueryCode("KS-AAAA-BBBB-CCCC")).isInstanceOf(StoreException.class);
    }
}
