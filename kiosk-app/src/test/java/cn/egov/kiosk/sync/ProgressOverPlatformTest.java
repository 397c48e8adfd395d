package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.application.AcceptanceReceipt;
import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.progress.OutboxApplications;
import cn.egov.kiosk.progress.ProgressService;
import cn.egov.kiosk.progress.Tracked;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 办件进度 end to end below the screen: the real client against the platform simulator over HTTP, the
 * kiosk's store with its sealed outbox, applications made through the real {@link
 * ApplicationService} and sent by the real sender. By ID number, by the platform's number, by the
 * kiosk's reference of an application made while the platform had not answered (before and after
 * it is sent), one the platform refused, and the platform away.
 */
class ProgressOverPlatformTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String DEMO = "11010519491231002X";
    /** Another person, with no applications of the data set's. */
    private static final String OTHER = "110101201506010029";

    @TempDir
    Path dir;

    private PlatformSimulator sim;
    private PlatformClient client;
    private Database db;
    private OutboxRepository outbox;
    private ApplicationService applications;
    private PlatformLink link;
    private OutboxSender sender;
    private ProgressService service;
    private final Map<String, Catalogue.Item> items = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        Credentials credentials = OutboxSenderTest.newCredentials("KSK-PROGRESS-01");
        sim.provision(credentials, "Z8");
        client = new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                () -> Optional.of(credentials),
                CLOCK);
        db = Database.open(dir.resolve("kiosk.db"));
        outbox = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), CLOCK);
        applications = new ApplicationService(new ApplicationRepository(outbox, CLOCK), () -> {}, CLOCK, HALL);
        link = new PlatformLink(CLOCK, PlatformLink.State.ONLINE);
        sender = new OutboxSender(
                outbox, client::batch, link, CLOCK, HALL, new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5)));
        String cursor = null;
        do {
            Catalogue.Page page =
                    client.catalogue(0, cursor, 500, Optional.empty()).body().orElseThrow();
            page.items().forEach(i -> items.put(i.id(), i));
            cursor = page.nextCursor();
        } while (cursor != null);
        service = new ProgressService(
                new PlatformProgressSource(() -> client, link),
                new OutboxApplications(applications, id -> Optional.ofNullable(items.get(id)), HALL));
    }

    @AfterEach
    void stop() {
        sender.close();
        client.close();
        sim.close();
        db.close();
    }

    private ApplicationRepository.Application apply(String itemId, String idNumber) {
        return applications.submit(
                itemId,
                new Applications.Applicant(
                        Applications.IdType.RESIDENT, idNumber, "王小明", "13800138000", "北京市东城区示例大街1号"),
                SampleApplications.form("进度查询测试"),
                List.of());
    }

    @Test
    void byIdNumberTheDemoCitizensApplicationsInReviewWaitingToBeCollectedAndMailed() {
        ProgressService.Lookup found = service.ofApplicant(DEMO);

        assertThat(found.platformAnswered()).isTrue();
        List<Tracked> apps = found.applications();
        assertThat(apps).hasSizeGreaterThanOrEqualTo(3).allSatisfy(t -> {
            assertThat(t.origin()).isEqualTo(Tracked.Origin.PLATFORM);
            assertThat(t.reference()).matches("SQ\\d{14}");
            assertThat(t.steps()).isNotEmpty();
        });
        assertThat(apps)
                .extracting(t -> t.submittedAt().orElseThrow())
                .as("newest first")
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(apps).anySatisfy(t -> {
            assertThat(t.status()).contains(Applications.Status.IN_REVIEW);
            assertThat(t.nextStep()).isPresent();
            assertThat(t.deadline()).isPresent();
        });
        List<Applications.Result> results =
                apps.stream().flatMap(t -> t.result().stream()).toList();
        assertThat(results).anySatisfy(r -> {
            assertThat(r.delivery()).isEqualTo(Applications.Delivery.COLLECT);
            assertThat(r.place()).isNotBlank();
            assertThat(r.readyOn()).isNotNull();
        });
        assertThat(results).anySatisfy(r -> {
            assertThat(r.delivery()).isEqualTo(Applications.Delivery.POSTAL);
            assertThat(r.trackingNumber()).isNotBlank();
        });
        assertThat(service.ofApplicant(OTHER).applications()).isEmpty();
    }

    @Test
    void byThePlatformsNumberThatApplicationAloneAndAnUnknownNumberIsNone() {
        Tracked first = service.ofApplicant(DEMO).applications().get(0);

        ProgressService.Lookup found = service.ofQueryCode(first.reference());

        assertThat(found.platformAnswered()).isTrue();
        assertThat(found.applications()).singleElement().satisfies(t -> {
            assertThat(t.reference()).isEqualTo(first.reference());
            assertThat(t.itemName()).isEqualTo(first.itemName());
            assertThat(t.steps()).isEqualTo(first.steps());
        });
        ProgressService.Lookup unknown = service.ofQueryCode("SQ20991231999999");
        assertThat(unknown.platformAnswered()).isTrue();
        assertThat(unknown.applications()).isEmpty();
    }

    @Test
    void anApplicationMadeHereIsFoundByItsReceiptsReferenceBeforeAndAfterItIsSent() throws Exception {
        ApplicationRepository.Application made = apply(SampleApplications.ITEM, DEMO);
        String reference = AcceptanceReceipt.reference(made.id());
        Catalogue.Item item = items.get(SampleApplications.ITEM);

        // not sent yet: the platform does not know it, the kiosk says it holds it
        ProgressService.Lookup saved = service.ofQueryCode(reference);
        assertThat(saved.platformAnswered()).isTrue();
        assertThat(saved.applications()).singleElement().satisfies(t -> {
            assertThat(t.origin()).isEqualTo(Tracked.Origin.SAVED_HERE);
            assertThat(t.reference()).isEqualTo(reference);
            assertThat(t.itemName()).isEqualTo(item.name());
            assertThat(t.deadline())
                    .contains(AcceptanceReceipt.workingDaysAfter(
                            made.createdAt().atZone(HALL).toLocalDate(), item.promisedLimitDays()));
        });
        assertThat(service.ofApplicant(DEMO).applications())
                .filteredOn(t -> t.origin() == Tracked.Origin.SAVED_HERE)
                .extracting(Tracked::reference)
                .containsExactly(reference);
        assertThat(service.ofApplicant(OTHER).applications())
                .as("another person's search never shows it")
                .isEmpty();

        // sent: the platform resolves the kiosk's reference to its own number
        assertThat(sender.drainOnce()).isEqualTo(1);
        String number =
                applications.find(made.id()).orElseThrow().applicationNo().orElseThrow();
        ProgressService.Lookup sent = service.ofQueryCode(reference);
        assertThat(sent.applications()).singleElement().satisfies(t -> {
            assertThat(t.origin()).isEqualTo(Tracked.Origin.PLATFORM);
            assertThat(t.reference()).isEqualTo(number);
            assertThat(t.status()).contains(Applications.Status.RECEIVED);
            assertThat(t.nextStep()).isPresent();
        });
        List<Tracked> mine = service.ofApplicant(DEMO).applications();
        assertThat(mine).noneMatch(t -> t.origin() == Tracked.Origin.SAVED_HERE);
        assertThat(mine).filteredOn(t -> t.reference().equals(number)).hasSize(1);
        assertThat(mine.get(0).reference()).as("the newest first").isEqualTo(number);
    }

    @Test
    void anApplicationThePlatformRefusedIsShownAsNotTakenNeverAsNotFound() throws Exception {
        ApplicationRepository.Application made = apply("NO-SUCH-ITEM", DEMO);
        sender.drainOnce();
        assertThat(applications.find(made.id()).orElseThrow().state()).isEqualTo(ApplicationRepository.State.REJECTED);

        assertThat(service.ofApplicant(DEMO).applications())
                .filteredOn(t -> t.origin() == Tracked.Origin.NOT_TAKEN)
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.reference()).isEqualTo(AcceptanceReceipt.reference(made.id()));
                    assertThat(t.itemName()).as("not in the catalogue: its id").isEqualTo("NO-SUCH-ITEM");
                });
        assertThat(service.ofQueryCode(AcceptanceReceipt.reference(made.id())).applications())
                .extracting(Tracked::origin)
                .containsExactly(Tracked.Origin.NOT_TAKEN);
    }

    @Test
    void whileThePlatformIsAwayWhatTheKioskHoldsIsShownAndTheNextSearchDoesNotWaitForIt() throws Exception {
        ApplicationRepository.Application made = apply(SampleApplications.ITEM, DEMO);
        String reference = AcceptanceReceipt.reference(made.id());
        sim.down(Duration.ofMinutes(5));

        ProgressService.Lookup first = service.ofApplicant(DEMO);
        assertThat(first.platformAnswered()).isFalse();
        assertThat(first.applications()).extracting(Tracked::reference).containsExactly(reference);
        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);

        // the platform is back but the kiosk has not noticed yet: a search says at once that it cannot ask
        sim.up();
        long asked = sim.requests();
        ProgressService.Lookup byCode = service.ofQueryCode(reference);
        assertThat(byCode.platformAnswered()).isFalse();
        assertThat(byCode.applications()).extracting(Tracked::origin).containsExactly(Tracked.Origin.SAVED_HERE);
        assertThat(service.ofQueryCode("SQ20261128000123").applications())
                .as("the platform's number of an application not made here: nothing to show while away")
                .isEmpty();
        assertThat(sim.requests())
                .as("offline: the citizen is not made to wait for a timeout")
                .isEqualTo(asked);

        // the link's watch finds it back: the next search asks it
        link.reached();
        assertThat(service.ofQueryCode("SQ20261128000123").platformAnswered()).isTrue();
        assertThat(sim.requests()).isGreaterThan(asked);
    }
}
