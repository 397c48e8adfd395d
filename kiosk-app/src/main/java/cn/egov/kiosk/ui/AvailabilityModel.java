package cn.egov.kiosk.ui;

import cn.egov.kiosk.feature.Availability;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.feature.OpeningHours;
import cn.egov.kiosk.feature.PlatformState.Notice;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The availability of each feature as properties the screens bind to. Device health, platform and
 * opening-hours changes arrive on their own threads and are handed to the UI thread through {@code
 * uiThread}.
 */
public final class AvailabilityModel {
    private final FeatureAvailability source;
    private final Set<Feature> withoutService;
    private final Map<Feature, ReadOnlyObjectWrapper<Availability>> byFeature = new EnumMap<>(Feature.class);
    private final ReadOnlyObjectWrapper<Notice> platformNotice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OpeningHours.State> hall = new ReadOnlyObjectWrapper<>();

    public AvailabilityModel(FeatureAvailability source, Executor uiThread) {
        this(source, uiThread, Set.of());
    }

    /**
     * @param withoutService features this kiosk is fitted for but whose service it was not given (a
     *     payment flow before the payments are wired): not offered
     */
    public AvailabilityModel(FeatureAvailability source, Executor uiThread, Set<Feature> withoutService) {
        this.source = source;
        this.withoutService = Set.copyOf(withoutService);
        // listen first, then read: a device that comes up in between would otherwise never be heard of
        // (a simulator turns healthy once and then stays quiet), leaving its features off for good
        for (Feature f : Feature.values()) {
            byFeature.put(f, new ReadOnlyObjectWrapper<>());
        }
        source.health().addListener(changed -> uiThread.execute(this::refresh));
        source.platform().addListener(() -> uiThread.execute(this::refresh));
        source.hours().addListener(() -> uiThread.execute(this::refresh));
        refresh();
    }

    /** The hall's time now (its time zone, the kiosk's clock). */
    public ZonedDateTime hallNow() {
        return source.hours().now();
    }

    /** Whether the hall is open, and when closed, when it opens next; on the UI thread. */
    public ReadOnlyObjectProperty<OpeningHours.State> hall() {
        return hall.getReadOnlyProperty();
    }

    /** What the citizen is told about the platform (away, the local copy's age); on the UI thread. */
    public ReadOnlyObjectProperty<Notice> platformNotice() {
        return platformNotice.getReadOnlyProperty();
    }

    /** Whether the kiosk is fitted for the feature: a feature it cannot offer at all is not shown. */
    public boolean fitted(Feature feature) {
        return !withoutService.contains(feature) && source.fitted(feature);
    }

    public ReadOnlyObjectProperty<Availability> of(Feature feature) {
        return byFeature.get(feature).getReadOnlyProperty();
    }

    /** Recomputes every feature; on the UI thread. */
    public void refresh() {
        byFeature.forEach((feature, property) -> property.set(source.of(feature)));
        platformNotice.set(source.platform().notice());
        hall.set(source.hours().state());
    }

    /** The text for an unavailable feature's problem, in the current language. */
    public static String problemText(I18n i18n, Availability availability) {
        return availability.problem().map(p -> i18n.text(Msg.forProblem(p))).orElse("");
    }
}
