package cn.egov.kiosk.catalogue;

import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.CatalogueUseRepository;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.sync.DownSync;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link Guide} in step with the local copy of the catalogue: built again when the
 * down-sync brought a new version, otherwise only the use counts are read again. Counts an item's
 * page opened and an application made. Reads the store: call it off the JavaFX thread.
 */
public final class ServiceGuide {
    private static final Logger log = LoggerFactory.getLogger(ServiceGuide.class);
    /** "Most used" looks this far back. */
    static final int USE_DAYS = 90;

    static final int MOST_USED = 8;

    private final CatalogueRepository catalogue;
    private final SyncStateRepository syncState;
    private final CatalogueUseRepository uses;
    private final Clock clock;
    private final ZoneId zone;
    private Guide guide = Guide.empty();

    public ServiceGuide(
            CatalogueRepository catalogue,
            SyncStateRepository syncState,
            CatalogueUseRepository uses,
            Clock clock,
            ZoneId zone) {
        this.catalogue = catalogue;
        this.syncState = syncState;
        this.uses = uses;
        this.clock = clock;
        this.zone = zone;
    }

    /** The guide over the local copy as it is now. Blocks on the store. */
    public synchronized Guide current() {
        SyncStateRepository.State state = syncState.get(DownSync.CATALOGUE);
        var mostUsed = uses.mostUsed(today().minusDays(USE_DAYS), MOST_USED);
        if (state.version() != guide.version() || guide.size() == 0) {
            long start = System.nanoTime();
            guide = new Guide(catalogue.all(), mostUsed, state.version(), state.syncedAt());
            log.info(
                    "Service guide built over catalogue version {}: {} items in {} ms",
                    state.version(),
                    guide.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } else {
            guide = guide.withMostUsed(mostUsed);
        }
        return guide;
    }

    /** The guide as last built, without reading the store (empty before the first {@link #current}). */
    public synchronized Optional<Guide> lastBuilt() {
        return guide.size() == 0 ? Optional.empty() : Optional.of(guide);
    }

    /** A citizen opened the item's page. Writes the store. */
    public void opened(String itemId) {
        uses.opened(itemId, today());
    }

    /** A citizen applied for the item here. Writes the store. */
    public void applied(String itemId) {
        uses.applied(itemId, today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
