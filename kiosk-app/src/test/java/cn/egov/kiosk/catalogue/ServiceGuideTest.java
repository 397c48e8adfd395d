package cn.egov.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.CatalogueUseRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.sync.DownSync;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide over the kiosk's SQLite copy: built again on a new version, the most used from real counts. */
class ServiceGuideTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private Database db;
    private CatalogueRepository catalogue;
    private SyncStateRepository state;
    private ServiceGuide guide;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
        catalogue = new CatalogueRepository(db);
        state = new SyncStateRepository(db);
        guide = new ServiceGuide(catalogue, state, new CatalogueUseRepository(db), clock, ZONE);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void sync(List<Catalogue.Item> items, List<String> deleted, long version) {
        db.transaction(c -> {
            catalogue.apply(c, items, deleted);
            state.synced(c, DownSync.CATALOGUE, version, Optional.empty(), clock.instant());
            return null;
        });
    }

    @Test
    void aKioskThatNeverSyncedHasAnEmptyGuide() {
        assertThat(guide.current().size()).isZero();
        assertThat(guide.current().syncedAt()).isEmpty();
    }

    @Test
    void aNewVersionOfTheCopyIsTakenUpAndItsDateShown() {
        sync(SampleCatalogue.items(), List.of(), 3);
        Guide first = guide.current();
        assertThat(first.size()).isEqualTo(469);
        assertThat(first.syncedAt()).contains(clock.instant());

        clock.advance(Duration.ofHours(2));
        sync(List.of(), List.of("110101-GA-0001"), 4);
        Guide second = guide.current();

        assertThat(second.size()).isEqualTo(468);
        assertThat(second.find("110101-GA-0001")).isEmpty();
        assertThat(second.syncedAt()).contains(clock.instant());
    }

    @Test
    void mostUsedComesFromWhatCitizensDidHereLately() {
        sync(SampleCatalogue.items(), List.of(), 3);
        String a = "110101-GA-0001";
        String b = SampleCatalogue.items().get(10).id();
        String old = SampleCatalogue.items().get(20).id();
        for (int i = 0; i < 5; i++) {
            guide.opened(old); // long ago
        }
        clock.advance(Duration.ofDays(ServiceGuide.USE_DAYS + 1));
        guide.opened(a);
        guide.opened(a);
        guide.opened(a);
        guide.opened(b);
        guide.applied(b); // an application counts more than a look

        assertThat(guide.current().mostUsed()).extracting(Catalogue.Item::id).containsExactly(b, a);
    }
}
