package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.appointment.OpenDays;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.BusinessTypes;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Departments;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Notices;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.AppointmentDayRepository;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local copies brought up to date from the platform simulator over real HTTP: the catalogue by
 * version (pages, not-modified, changes, deletions), the whole lists by ETag, failures that leave
 * the copy as it was, freshness, and the local search.
 */
class DownSyncTest {
    @TempDir
    Path dir;

    private PlatformSimulator sim;
    private PlatformClient client;
    private Database db;
    private CatalogueRepository catalogue;
    private SyncStateRepository state;
    private PlatformLink link;
    private MutableClock clock; // the kiosk's clock for sync times; requests are signed by the real one
    private DownSync sync;

    @BeforeEach
    void start() throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        Credentials credentials = OutboxSenderTest.newCredentials("KSK-SYNC-01");
        sim.provision(credentials, "Z8");
        client = new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20)),
                () -> Optional.of(credentials),
                Clock.systemUTC());
        db = Database.open(dir.resolve("kiosk.db"));
        catalogue = new CatalogueRepository(db);
        state = new SyncStateRepository(db);
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        link = new PlatformLink(clock, PlatformLink.State.OFFLINE);
        sync = new DownSync(client, catalogue, state, link, clock, 100);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
        db.close();
    }

    /** The platform's whole catalogue, asked directly. */
    private List<Catalogue.Item> platformCatalogue() throws Exception {
        List<Catalogue.Item> all = new ArrayList<>();
        String cursor = null;
        do {
            Catalogue.Page page =
                    client.catalogue(0, cursor, 500, Optional.empty()).body().orElseThrow();
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    // --- the catalogue --------------------------------------------------------------------------

    @Test
    void aFullSyncFillsTheLocalCopyPageByPage() throws Exception {
        long before = sim.requests();

        DownSync.Result r = sync.sync(DownSync.CATALOGUE);

        int size = sim.catalogueSize();
        assertThat(size).isGreaterThan(400);
        assertThat(r.resource()).isEqualTo(DownSync.CATALOGUE);
        assertThat(r.error()).isEmpty();
        assertThat(r.changed()).isTrue();
        assertThat(r.items()).isEqualTo(size);
        assertThat(catalogue.count()).isEqualTo(size);
        assertThat(sim.requests() - before).as("pages of 100").isEqualTo((size + 99) / 100);
        SyncStateRepository.State s = state.get(DownSync.CATALOGUE);
        assertThat(s.version()).isEqualTo(sim.catalogueVersion());
        assertThat(s.etag()).hasValue("\"cat-" + sim.catalogueVersion() + "\"");
        assertThat(s.syncedAt()).hasValue(clock.instant());
        assertThat(s.lastAttemptAt()).hasValue(clock.instant());
        assertThat(s.lastError()).isEmpty();
        assertThat(link.online()).isTrue();
        for (Catalogue.Item i : platformCatalogue()) {
            assertThat(catalogue.find(i.id())).as(i.id()).hasValue(i);
        }
    }

    @Test
    void aSecondSyncIsNotModified() {
        sync.sync(DownSync.CATALOGUE);
        long version = state.get(DownSync.CATALOGUE).version();
        clock.advance(Duration.ofMinutes(15));
        long before = sim.requests();

        DownSync.Result r = sync.sync(DownSync.CATALOGUE);

        assertThat(r.changed()).isFalse();
        assertThat(r.items()).isZero();
        assertThat(r.error()).isEmpty();
        assertThat(sim.requests() - before).as("one conditional request").isEqualTo(1);
        SyncStateRepository.State s = state.get(DownSync.CATALOGUE);
        assertThat(s.version()).isEqualTo(version);
        assertThat(s.etag()).hasValue("\"cat-" + version + "\"");
        assertThat(s.syncedAt()).as("checked now").hasValue(clock.instant());
        assertThat(catalogue.count()).isEqualTo(sim.catalogueSize());
    }

    @Test
    void changedItemsComeAloneAndDeletedOnesGoFromTheLocalCopy() {
        sync.sync(DownSync.CATALOGUE);
        int size = sim.catalogueSize();

        List<String> touched = sim.touchCatalogue(7);
        DownSync.Result r = sync.sync(DownSync.CATALOGUE);

        assertThat(r.changed()).isTrue();
        assertThat(r.items()).isEqualTo(7);
        long version = sim.catalogueVersion();
        assertThat(state.get(DownSync.CATALOGUE).version()).isEqualTo(version);
        for (String id : touched) {
            assertThat(catalogue.find(id).orElseThrow().version()).as(id).isEqualTo(version);
        }
        assertThat(catalogue.count()).isEqualTo(size);

        String gone = touched.get(0);
        assertThat(sim.deleteCatalogueItem(gone)).isTrue();
        DownSync.Result d = sync.sync(DownSync.CATALOGUE);

        assertThat(d.changed()).isTrue();
        assertThat(d.items()).isZero();
        assertThat(catalogue.find(gone)).isEmpty();
        assertThat(catalogue.count()).isEqualTo(size - 1).isEqualTo(sim.catalogueSize());
        assertThat(state.get(DownSync.CATALOGUE).version()).isEqualTo(sim.catalogueVersion());
        assertThat(sync.sync(DownSync.CATALOGUE).changed()).isFalse();
    }

    @Test
    void aSyncedItemCarriesItsKioskFormItsPortalPageAndWhichMaterialsAreElectronic() throws Exception {
        sync.sync(DownSync.CATALOGUE);
        Catalogue.Item platform = platformCatalogue().stream()
                .filter(i -> i.name().equals("个体工商户变更登记"))
                .findFirst()
                .orElseThrow();

        Catalogue.Item local = catalogue.find(platform.id()).orElseThrow();

        assertThat(local).isEqualTo(platform);
        assertThat(local.form().fields())
                .extracting(Catalogue.Field::id)
                .containsExactly("creditCode", "businessName", "change", "changedTo", "phone");
        Catalogue.Field credit = local.form().fields().get(0);
        assertThat(credit.type()).isEqualTo(Catalogue.FieldType.CREDIT_CODE);
        assertThat(credit.prefill()).isEqualTo(Catalogue.Prefill.LICENCE_CREDIT_CODE);
        assertThat(local.form().fields().get(2).choices())
                .extracting(Catalogue.Choice::label)
                .startsWith("名称", "经营场所");
        assertThat(local.portalUrl()).isEqualTo("https://zwfw.example.gov.cn/item/" + platform.id());
        assertThat(local.materials())
                .filteredOn(Catalogue.Material::electronic)
                .extracting(Catalogue.Material::name)
                .containsExactly("居民身份证原件", "营业执照副本");
        assertThat(catalogue.find("110101-GA-0001").orElseThrow().form())
                .as("出生登记 is not done at a kiosk: no form")
                .isNull();
        assertThat(catalogue.all().stream().filter(i -> i.form() != null)).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void aKioskThatSyncedTheDataSetBeforeFormsGetsEveryChangedItemAgain() {
        // the copy as a kiosk had it from the first data set: version 1, no forms, no portal pages
        db.transaction(c -> {
            catalogue.apply(
                    c,
                    List.of(new Catalogue.Item(
                            "110101-RS-0028",
                            1,
                            "110101-RS",
                            "演示区人力资源和社会保障局",
                            "社会保障卡挂失",
                            "社会保障",
                            Catalogue.Audience.PERSONAL,
                            List.of(),
                            Catalogue.Trips.ZERO,
                            List.of(new Catalogue.Material("居民身份证原件", true, 1, "", false)),
                            0,
                            "",
                            1,
                            1,
                            true,
                            false,
                            "B",
                            null,
                            null)),
                    List.of());
            state.synced(c, DownSync.CATALOGUE, 1, Optional.of("\"cat-1\""), clock.instant());
            return null;
        });

        DownSync.Result r = sync.sync(DownSync.CATALOGUE);

        assertThat(r.error()).isEmpty();
        assertThat(r.changed()).isTrue();
        assertThat(r.items()).isEqualTo(sim.catalogueSize());
        Catalogue.Item lost = catalogue.find("110101-RS-0028").orElseThrow();
        assertThat(lost.version()).isGreaterThan(1);
        assertThat(lost.form().fields())
                .extracting(Catalogue.Field::id)
                .containsExactly("name", "idNumber", "lossType", "lostOn", "phone");
        assertThat(lost.portalUrl()).isNotBlank();
    }

    // --- the whole lists ------------------------------------------------------------------------

    @Test
    void departmentsNoticesAndBusinessTypesAreKeptWithTheirETagsAndThenNotModified() throws Exception {
        for (String resource : List.of(DownSync.DEPARTMENTS, DownSync.NOTICES, DownSync.BUSINESS_TYPES)) {
            DownSync.Result r = sync.sync(resource);
            assertThat(r.error()).as(resource).isEmpty();
            assertThat(r.changed()).as(resource).isTrue();
            SyncStateRepository.State s = state.get(resource);
            assertThat(s.etag()).as(resource).isPresent();
            assertThat(s.version()).as(resource).isEqualTo(1);
            assertThat(s.syncedAt()).hasValue(clock.instant());
            assertThat(state.reference(resource)).as(resource).isPresent();
        }
        Departments departments = Json.read(
                state.reference(DownSync.DEPARTMENTS).orElseThrow().getBytes(StandardCharsets.UTF_8),
                Departments.class);
        assertThat(departments)
                .isEqualTo(client.departments(Optional.empty()).body().orElseThrow());
        assertThat(departments.departments()).isNotEmpty();
        assertThat(Json.read(
                                state.reference(DownSync.NOTICES).orElseThrow().getBytes(StandardCharsets.UTF_8),
                                Notices.class)
                        .notices())
                .isNotEmpty();
        assertThat(Json.read(
                                state.reference(DownSync.BUSINESS_TYPES)
                                        .orElseThrow()
                                        .getBytes(StandardCharsets.UTF_8),
                                BusinessTypes.class)
                        .businessTypes())
                .isNotEmpty();

        clock.advance(Duration.ofMinutes(15));
        for (String resource : List.of(DownSync.DEPARTMENTS, DownSync.NOTICES, DownSync.BUSINESS_TYPES)) {
            String etag = state.get(resource).etag().orElseThrow();
            String json = state.reference(resource).orElseThrow();
            DownSync.Result r = sync.sync(resource);
            assertThat(r.changed()).as(resource + " the second time").isFalse();
            assertThat(r.items()).isZero();
            SyncStateRepository.State s = state.get(resource);
            assertThat(s.etag()).hasValue(etag);
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.syncedAt()).hasValue(clock.instant());
            assertThat(state.reference(resource)).hasValue(json);
        }
    }

    @Test
    void syncAllBringsEveryResourceAndThenNothingChanges() throws Exception {
        List<DownSync.Result> first = sync.syncAll();

        assertThat(first).extracting(DownSync.Result::resource).containsExactlyElementsOf(DownSync.RESOURCES);
        assertThat(first)
                .allMatch(DownSync.Result::changed)
                .allMatch(r -> r.error().isEmpty());
        List<Appointments.DayAvailability> days = new AppointmentDayRepository(db).all();
        assertThat(days)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.remaining()).isBetween(0, d.capacity()))
                .allSatisfy(d -> assertThat(d.date())
                        .isBetween(
                                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1),
                                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(DownSync.AVAILABILITY_DAYS)));

        List<DownSync.Result> again = sync.syncAll();
        assertThat(again)
                .hasSize(DownSync.RESOURCES.size())
                .noneMatch(DownSync.Result::changed)
                .allMatch(r -> r.error().isEmpty());
    }

    @Test
    void appointmentAvailabilityIsKeptAndReadWhileThePlatformIsAway() throws Exception {
        DownSync.Result r = sync.sync(DownSync.APPOINTMENT_AVAILABILITY);
        assertThat(r.changed()).isTrue();
        String item = platformCatalogue().stream()
                .filter(Catalogue.Item::appointable)
                .findFirst()
                .orElseThrow()
                .id();
        OpenDays days = new OpenDays(
                new AppointmentDayRepository(db),
                () -> state.get(DownSync.APPOINTMENT_AVAILABILITY).syncedAt(),
                Clock.system(ZoneId.of("Asia/Shanghai")),
                ZoneId.of("Asia/Shanghai"));
        OpenDays.Days before = days.of(item);
        assertThat(before.days())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.capacity()).isPositive());
        assertThat(before.asOf()).hasValue(clock.instant());

        clock.advance(Duration.ofMinutes(15));
        sim.down(Duration.ofSeconds(30));
        DownSync.Result failed = sync.sync(DownSync.APPOINTMENT_AVAILABILITY);

        assertThat(failed.error()).isPresent();
        OpenDays.Days offline = days.of(item);
        assertThat(offline.days()).as("the days show from the local copy").isEqualTo(before.days());
        assertThat(offline.asOf()).as("as of the last sync").isEqualTo(before.asOf());
    }

    // --- failures -------------------------------------------------------------------------------

    @Test
    void withThePlatformDownTheLocalCopyStaysAsItWasAndTheFailureIsRecorded() throws Exception {
        sync.syncAll();
        SyncStateRepository.State synced = state.get(DownSync.CATALOGUE);
        String departments = state.reference(DownSync.DEPARTMENTS).orElseThrow();
        int count = catalogue.count();
        clock.advance(Duration.ofMinutes(15));
        sim.down(Duration.ofSeconds(30));

        DownSync.Result r = sync.sync(DownSync.CATALOGUE);

        assertThat(r.error()).hasValue("unreachable");
        assertThat(r.changed()).isFalse();
        assertThat(r.items()).isZero();
        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);
        assertThat(catalogue.count()).isEqualTo(count);
        SyncStateRepository.State failed = state.get(DownSync.CATALOGUE);
        assertThat(failed.version()).isEqualTo(synced.version());
        assertThat(failed.etag()).isEqualTo(synced.etag());
        assertThat(failed.syncedAt()).as("the copy is as old as it was").isEqualTo(synced.syncedAt());
        assertThat(failed.lastAttemptAt()).hasValue(clock.instant());
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("unreachable"));

        List<DownSync.Result> all = sync.syncAll();
        assertThat(all).as("stops at the first, the platform being away").hasSize(1);
        assertThat(state.reference(DownSync.DEPARTMENTS)).hasValue(departments);
        assertThat(sync.sync(DownSync.DEPARTMENTS).error()).isPresent();
        assertThat(state.get(DownSync.DEPARTMENTS).lastError()).isPresent();
        assertThat(state.reference(DownSync.DEPARTMENTS)).hasValue(departments);

        sim.up();
        clock.advance(Duration.ofMinutes(1));
        DownSync.Result back = sync.sync(DownSync.CATALOGUE);
        assertThat(back.error()).isEmpty();
        assertThat(link.online()).isTrue();
        assertThat(state.get(DownSync.CATALOGUE).lastError()).as("cleared").isEmpty();
        assertThat(state.get(DownSync.CATALOGUE).syncedAt()).hasValue(clock.instant());
    }

    @Test
    void aFailedFirstSyncLeavesAnEmptyCopyAndNoVersion() {
        sim.faults().errors(1);

        DownSync.Result r = sync.sync(DownSync.CATALOGUE);

        assertThat(r.error()).hasValue("internal");
        assertThat(catalogue.count()).isZero();
        SyncStateRepository.State s = state.get(DownSync.CATALOGUE);
        assertThat(s.version()).isZero();
        assertThat(s.syncedAt()).isEmpty();
        assertThat(s.lastError()).hasValueSatisfying(e -> assertThat(e).contains("500"));
        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);

        assertThat(sync.sync(DownSync.CATALOGUE).items()).isEqualTo(sim.catalogueSize());
    }

    // --- freshness ------------------------------------------------------------------------------

    @Test
    void theCopyIsStaleUntilSyncedAndAgainWhenItGetsOld() {
        Duration staleAfter = Duration.ofHours(24);
        assertThat(sync.freshness(staleAfter)).isEqualTo(new DownSync.Freshness(Optional.empty(), true));

        sync.sync(DownSync.CATALOGUE);
        assertThat(sync.freshness(staleAfter).stale())
                .as("the lists were never synced")
                .isTrue();
        assertThat(sync.freshness(staleAfter).oldestSync()).isEmpty();

        clock.advance(Duration.ofHours(1));
        sync.syncAll();
        Instant catalogueAt = clock.instant();
        DownSync.Freshness fresh = sync.freshness(staleAfter);
        assertThat(fresh.stale()).isFalse();
        assertThat(fresh.oldestSync()).hasValue(catalogueAt);

        clock.advance(Duration.ofHours(2));
        sync.sync(DownSync.NOTICES);
        assertThat(sync.freshness(staleAfter).oldestSync())
                .as("the oldest of the resources")
                .hasValue(catalogueAt);

        clock.set(catalogueAt.plus(staleAfter));
        assertThat(sync.freshness(staleAfter).stale())
                .as("exactly at the limit")
                .isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sync.freshness(staleAfter).stale()).isTrue();
        assertThat(sync.freshness(staleAfter).oldestSync()).hasValue(catalogueAt);

        // a failed attempt does not make the copy fresh
        sim.down(Duration.ofSeconds(30));
        sync.syncAll();
        assertThat(sync.freshness(staleAfter).stale()).isTrue();
    }

    // --- the local search -----------------------------------------------------------------------

    @Test
    void theLocalCopyIsSearchedByNameWithPercentAndUnderscoreTakenLiterally() throws Exception {
        sync.sync(DownSync.CATALOGUE);
        List<String> expected = platformCatalogue().stream()
                .map(Catalogue.Item::name)
                .filter(n -> n.contains("居民"))
                .sorted()
                .toList();
        assertThat(expected).isNotEmpty();

        List<Catalogue.Item> found = catalogue.search("居民", 1000);

        assertThat(found).extracting(Catalogue.Item::name).containsExactlyInAnyOrderElementsOf(expected);
        List<Boolean> capable = found.stream().map(Catalogue.Item::kioskCapable).toList();
        assertThat(capable).as("kiosk-capable first").isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
        assertThat(catalogue.search("  居民 ", 1000)).hasSameSizeAs(found);
        assertThat(catalogue.search("居民", 3))
                .extracting(Catalogue.Item::name)
                .containsExactlyElementsOf(
                        found.subList(0, 3).stream().map(Catalogue.Item::name).toList());
        assertThat(catalogue.search("", 10)).hasSize(10);
        assertThat(catalogue.search("没有这个事项", 10)).isEmpty();

        assertThat(catalogue.search("%", 1000)).as("no name has a percent sign").isEmpty();
        assertThat(catalogue.search("_", 1000)).as("nor an underscore").isEmpty();
        assertThat(catalogue.search("居%证", 1000)).isEmpty();

        Catalogue.Item model = found.get(0);
        db.transaction(c -> {
            catalogue.apply(
                    c,
                    List.of(
                            named(model, "T-1", "100%办结事项"),
                            named(model, "T-2", "a_b事项"),
                            named(model, "T-3", "axb事项"),
                            named(model, "T-4", "反斜杠\\事项")),
                    List.of());
            return null;
        });
        assertThat(catalogue.search("%", 1000)).extracting(Catalogue.Item::id).containsExactly("T-1");
        assertThat(catalogue.search("0%办", 1000)).extracting(Catalogue.Item::id).containsExactly("T-1");
        assertThat(catalogue.search("_", 1000)).extracting(Catalogue.Item::id).containsExactly("T-2");
        assertThat(catalogue.search("a_b", 1000)).extracting(Catalogue.Item::id).containsExactly("T-2");
        assertThat(catalogue.search("\\", 1000)).extracting(Catalogue.Item::id).containsExactly("T-4");

        // a deletion in the caller's transaction
        db.transaction(c -> {
            catalogue.apply(c, List.of(), List.of("T-1", "T-2", "T-3", "T-4", "no-such-id"));
            return null;
        });
        assertThat(catalogue.search("%", 1000)).isEmpty();
        assertThat(catalogue.count()).isEqualTo(sim.catalogueSize());
    }

    private static Catalogue.Item named(Catalogue.Item m, String id, String name) {
        return new Catalogue.Item(
                id,
                m.version(),
                m.departmentId(),
                m.departmentName(),
                name,
                m.category(),
                m.audience(),
                m.lifeEvents(),
                m.trips(),
                m.materials(),
                m.feeFen(),
                m.feeNote(),
                m.legalLimitDays(),
                m.promisedLimitDays(),
                m.kioskCapable(),
                m.appointable(),
                m.businessType(),
                m.form(),
                m.portalUrl());
    }
}
