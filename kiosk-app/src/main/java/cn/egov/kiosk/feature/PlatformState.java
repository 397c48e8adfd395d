package cn.egov.kiosk.feature;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Whether the platform can serve the features that need it now, as the feature model sees it:
 * empty when it can, else why not ({@link Unavailable#PLATFORM_OFFLINE}, {@link
 * Unavailable#PLATFORM_NOT_REGISTERED}).
 */
public interface PlatformState {
    Optional<Unavailable> problem();

    /**
     * What the citizen is told about the platform as a whole: whether it is away, and how old the
     * local copy of the catalogue and notices is, in the hall's time (when it is older than the
     * configured limit).
     */
    record Notice(boolean offline, Optional<LocalDateTime> dataAsOf, boolean stale) {
        public static final Notice NONE = new Notice(false, Optional.empty(), false);

        /** Nothing to say. */
        public boolean quiet() {
            return !offline && !stale;
        }
    }

    /** The notice now; cheap (no store, no network): the screens ask on the JavaFX thread. */
    default Notice notice() {
        return Notice.NONE;
    }

    /** Called (on any thread) when the problem may have changed. */
    void addListener(Runnable listener);

    /** No platform to wait for (a kiosk alone, or tests): never a problem. */
    PlatformState NONE = new PlatformState() {
        @Override
        public Optional<Unavailable> problem() {
            return Optional.empty();
        }

        @Override
        public void addListener(Runnable listener) {}
    };
}
