package cn.egov.kiosk.ui.attract;

import cn.egov.kiosk.feature.Availability;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.AvailabilityModel;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;

/**
 * The attract screen, shown while nobody is using the kiosk: the hall, the time, "touch to start",
 * and which services can be used right now (and why not, when one cannot).
 */
public final class AttractViewModel {

    /** One line of the "available now" list. */
    public record ServiceLine(Feature feature, String text, boolean available) {}

    private final I18n i18n;
    private final AvailabilityModel availability;
    private final SessionManager sessions;
    private final Navigator navigator;
    private final StringBinding hallName;
    private final ObjectBinding<List<ServiceLine>> services;

    public AttractViewModel(
            I18n i18n,
            AvailabilityModel availability,
            SessionManager sessions,
            Navigator navigator,
            Function<Locale, String> hallName) {
        this.i18n = i18n;
        this.availability = availability;
        this.sessions = sessions;
        this.navigator = navigator;
        this.hallName = Bindings.createStringBinding(() -> hallName.apply(i18n.locale()), i18n.localeProperty());
        List<Observable> deps = new ArrayList<>();
        deps.add(i18n.localeProperty());
        for (Feature f : Feature.values()) {
            deps.add(availability.of(f));
        }
        this.services = Bindings.createObjectBinding(this::computeServices, deps.toArray(Observable[]::new));
    }

    private List<ServiceLine> computeServices() {
        List<ServiceLine> lines = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (!availability.fitted(f)) {
                continue; // not offered here
            }
            Availability a = availability.of(f).get();
            String name = i18n.text(featureName(f));
            String text = a.available()
                    ? name
                    : i18n.text(Msg.FEATURE_UNAVAILABLE, name, AvailabilityModel.problemText(i18n, a));
            lines.add(new ServiceLine(f, text, a.available()));
        }
        return List.copyOf(lines);
    }

    public static Msg featureName(Feature f) {
        return switch (f) {
            case QUEUE_TICKET -> Msg.FEATURE_QUEUE_TICKET;
            case LICENCE_PRINT -> Msg.FEATURE_LICENCE_PRINT;
            case SERVICE_GUIDE -> Msg.FEATURE_SERVICE_GUIDE;
            case APPLY -> Msg.FEATURE_APPLY;
            // appointments
            case APPOINTMENT -> Msg.FEATURE_APPOINTMENT;
            case CHECK_IN -> Msg.FEATURE_CHECK_IN;
            case PROGRESS -> Msg.FEATURE_PROGRESS;
            // enterprise
            case ENTERPRISE_INFO -> Msg.FEATURE_ENTERPRISE_INFO;
            // payments
            case INSURANCE -> Msg.FEATURE_INSURANCE;
        };
    }

    /** "Available now", or "self-service is paused" when nothing can be used. */
    public StringBinding servicesTitleProperty() {
        return Bindings.createStringBinding(
                () -> i18n.text(
                        services.get().stream().anyMatch(ServiceLine::available)
                                ? Msg.ATTRACT_AVAILABLE_NOW
                                : Msg.ATTRACT_NOTHING_AVAILABLE),
                services,
                i18n.localeProperty());
    }

    /** Staff changed the hall's name: read again. */
    public void hallChanged() {
        hallName.invalidate();
    }

    public StringBinding hallNameProperty() {
        return hallName;
    }

    public ObjectBinding<List<ServiceLine>> servicesProperty() {
        return services;
    }

    public I18n i18n() {
        return i18n;
    }

    /** A touch anywhere: a session starts in the language on screen, and the home screen shows. */
    public void start() {
        sessions.start(i18n.locale());
        navigator.go(Screen.HOME);
    }
}
