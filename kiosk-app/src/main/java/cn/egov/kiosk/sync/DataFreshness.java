package cn.egov.kiosk.sync;

import cn.egov.kiosk.feature.PlatformState;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.store.SyncStateRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How old the local copies of the catalogue and notices are, cached after every sync so that the
 * screens can ask on the JavaFX thread (no store there), and the platform as the features and the
 * screens see it: away, not registered, or serving an old copy.
 */
final class DataFreshness {
    private final SyncStateRepository syncState;
    private final Duration staleAfter;
    private final Clock clock;
    private final ZoneId zone;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<Instant> dataAsOf;

    DataFreshness(SyncStateRepository syncState, Duration staleAfter, Clock clock, ZoneId zone) {
        this.syncState = syncState;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.zone = zone;
        this.dataAsOf = now().oldestSync();
    }

    /** After a sync: reads the age again and tells whoever shows it when it changed. */
    void refresh() {
        Optional<Instant> before = dataAsOf;
        dataAsOf = now().oldestSync();
        if (!before.equals(dataAsOf)) {
            listeners.forEach(Runnable::run);
        }
    }

    /** The oldest successful sync of the local copies, as cached. */
    Optional<Instant> dataAsOf() {
        return dataAsOf;
    }

    /** The age now, from the store. */
    DownSync.Freshness now() {
        return DownSync.freshness(syncState, clock, staleAfter);
    }

    /** The platform as the feature model and the screens see it. */
    PlatformState featureState(PlatformLink link) {
        PlatformState fromLink = link.asFeatureState();
        return new PlatformState() {
            @Override
            public Optional<Unavailable> problem() {
                return fromLink.problem();
            }

            @Override
            public Notice notice() {
                Optional<Instant> asOf = dataAsOf;
                boolean stale = asOf.map(t -> t.plus(staleAfter).isBefore(clock.instant()))
                        .orElse(true);
                return new Notice(
                        link.status().state() == PlatformLink.State.OFFLINE,
                        asOf.map(t -> LocalDateTime.ofInstant(t, zone)),
                        stale);
            }

            @Override
            public void addListener(Runnable listener) {
                fromLink.addListener(listener);
                listeners.add(listener);
            }
        };
    }
}
