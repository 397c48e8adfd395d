package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.Fetched;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue's down-sync: pages, versions, tags, changes and deletions. */
class CatalogueTest extends SimulatorTestBase {

    /** What one sync brought: the items by id, the deleted ids, the version and the tag. */
    record Sync(
            Map<String, Catalogue.Item> items, List<String> deleted, long version, Optional<String> etag, int pages) {}

    static Sync sync(PlatformClient client, long since, int limit) throws PlatformException {
        Map<String, Catalogue.Item> items = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        long version = -1;
        Optional<String> etag = Optional.empty();
        do {
            Fetched<Catalogue.Page> f = client.catalogue(since, cursor, limit, Optional.empty());
            Catalogue.Page page = f.body().orElseThrow();
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            for (Catalogue.Item i : page.items()) {
                assertThat(items.put(i.id(), i))
                        .as("item " + i.id() + " came once")
                        .isNull();
            }
            deleted.addAll(page.deleted());
            if (pages == 0) {
                version = page.version();
                etag = f.etag();
            } else {
                assertThat(page.version())
                        .as("every page is cut from the same version")
                        .isEqualTo(version);
            }
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        return new Sync(items, deleted, version, etag, pages);
    }

    @Test
    void aFullSyncInPagesOf100BringsEveryItemOnce() throws Exception {
        Sync s = sync(client, 0, 100);

        assertThat(s.items()).hasSize(sim.catalogueSize());
        assertThat(s.pages()).isEqualTo((sim.catalogueSize() + 99) / 100);
        assertThat(s.version()).isEqualTo(sim.catalogueVersion());
        assertThat(s.deleted()).isEmpty();
        assertThat(s.etag()).contains("\"cat-" + sim.catalogueVersion() + "\"");
        for (Catalogue.Item i : s.items().values()) {
            assertThat(i.name()).as(i.id()).isNotBlank();
            assertThat(i.version()).as(i.id()).isBetween(1L, s.version());
            assertThat(i.departmentId()).as(i.id()).isNotBlank();
        }
    }

    @Test
    void theCurrentTagIsNotModified() throws Exception {
        Sync s = sync(client, 0, 500);

        Fetched<Catalogue.Page> again = client.catalogue(s.version(), null, 500, s.etag());

        assertThat(again.notModified()).isTrue();
        assertThat(again.etag()).isEqualTo(s.etag());
        sim.touchCatalogue(1);
        assertThat(client.catalogue(s.version(), null, 500, s.etag()).notModified())
                .isFalse();
    }

    @Test
    void sinceAVersionBringsExactlyWhatChangedAfterIt() throws Exception {
        long before = sim.catalogueVersion();

        List<String> touched = sim.touchCatalogue(5);
        Sync s = sync(client, before, 100);

        assertThat(touched).hasSize(5);
        assertThat(s.items().keySet()).containsExactlyInAnyOrderElementsOf(touched);
        assertThat(s.version()).isEqualTo(before + 1);
        assertThat(s.items().values()).allMatch(i -> i.version() == before + 1);
        assertThat(sync(client, s.version(), 100).items()).isEmpty();
    }

    @Test
    void aDeletedItemComesInDeleted() throws Exception {
        Sync full = sync(client, 0, 500);
        String gone = full.items().keySet().iterator().next();

        assertThat(sim.deleteCatalogueItem(gone)).isTrue();
        Sync s = sync(client, full.version(), 500);

        assertThat(s.deleted()).containsExactly(gone);
        assertThat(s.items()).isEmpty();
        assertThat(sync(client, 0, 500).items())
                .hasSize(full.items().size() - 1)
                .doesNotContainKey(gone);
        assertThat(sim.deleteCatalogueItem(gone)).isFalse();
    }

    @Test
    void aChangeDuringAPagedSyncLosesNoItem() throws Exception {
        // the kiosk has the first page of a full sync when the catalogue changes: the items it
        // already has change, and one it has not seen yet goes away
        List<String> ids = new ArrayList<>(sync(client, 0, 500).items().keySet());
        assertThat(ids).as("the catalogue has more than two pages of 100").hasSizeGreaterThan(200);
        Catalogue.Page first =
                client.catalogue(0, null, 100, Optional.empty()).body().orElseThrow();
        List<String> touched = sim.touchCatalogue(5);
        assertThat(first.items().stream().map(Catalogue.Item::id)).containsAll(touched);
        String goneLater = ids.get(150);
        assertThat(sim.deleteCatalogueItem(goneLater)).isTrue();

        Map<String, Catalogue.Item> kiosk = new LinkedHashMap<>();
        first.items().forEach(i -> kiosk.put(i.id(), i));
        String cursor = first.nextCursor();
        while (cursor != null) {
            Catalogue.Page p =
                    client.catalogue(0, cursor, 100, Optional.empty()).body().orElseThrow();
            p.items().forEach(i -> kiosk.put(i.id(), i));
            cursor = p.nextCursor();
        }
        Sync next = sync(client, first.version(), 100);
        next.items().forEach(kiosk::put);
        next.deleted().forEach(kiosk::remove);

        Set<String> platform = new HashSet<>(sync(client, 0, 500).items().keySet());
        assertThat(kiosk.keySet()).containsExactlyInAnyOrderElementsOf(platform);
        assertThat(next.items().keySet()).containsExactlyInAnyOrderElementsOf(touched);
        assertThat(next.deleted()).containsExactly(goneLater);
        assertThat(kiosk).doesNotContainKey(goneLater);
    }

    @Test
    void aLimitOutsideOneTo500IsAValidationProblem() {
        for (int limit : new int[] {0, -1, 501}) {
            PlatformException e = failure(() -> client.catalogue(0, null, limit, Optional.empty()));
            assertThat(e.status()).as("limit " + limit).isEqualTo(400);
            assertThat(e.code()).isEqualTo(Problem.VALIDATION);
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void aCursorThePlatformDidNotGiveIsAValidationProblem() {
        PlatformException e = failure(() -> client.catalogue(0, "not-a-cursor", 100, Optional.empty()));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(Problem.VALIDATION);
    }

    @Test
    void theOtherListsHaveTagsToo() throws Exception {
        var departments = client.departments(Optional.empty());
        var notices = client.notices(Optional.empty());
        var types = client.businessTypes(Optional.empty());

        assertThat(departments.body().orElseThrow().departments()).isNotEmpty();
        assertThat(types.body().orElseThrow().businessTypes()).isNotEmpty();
        assertThat(notices.body()).isPresent();
        assertThat(client.departments(departments.etag()).notModified()).isTrue();
        assertThat(client.notices(notices.etag()).notModified()).isTrue();
        assertThat(client.businessTypes(types.etag()).notModified()).isTrue();
    }
}
