package cn.egov.kiosk.ui.home;

import cn.egov.kiosk.feature.Availability;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.feature.OpeningHours;
import cn.egov.kiosk.feature.PlatformState.Notice;
import cn.egov.kiosk.ui.AvailabilityModel;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.attract.AttractViewModel;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/** The home screen: one large tile per feature, disabled with the reason when it cannot be used. */
public final class HomeViewModel {

    /** One tile. */
    public final class Tile {
        private final Feature feature;

        Tile(Feature feature) {
            this.feature = feature;
        }

        public Feature feature() {
            return feature;
        }

        public StringBinding title() {
            return i18n.bind(AttractViewModel.featureName(feature));
        }

        public StringBinding description() {
            return i18n.bind(descriptionOf(feature));
        }

        public BooleanBinding available() {
            return Bindings.createBooleanBinding(
                    () -> availability.of(feature).get().available(), availability.of(feature));
        }

        /**
         * Empty when available; otherwise what happened and what to do: "Out of service: the printer
         * has run out of paper. Please go to a service window: the staff will help you."
         */
        public StringBinding problem() {
            return Bindings.createStringBinding(
                    () -> {
                        Availability a = availability.of(feature).get();
                        return a.available()
                                ? ""
                                : i18n.text(
                                        Msg.FEATURE_OUT_OF_SERVICE,
                                        AvailabilityModel.problemText(i18n, a),
                                        a.problem()
                                                .map(p -> i18n.text(ErrorCodes.nextStep(p)))
                                                .orElse(""));
                    },
                    availability.of(feature),
                    i18n.localeProperty());
        }

        /** Empty when available; otherwise the code for staff: 代码 D-PAPER-OUT. */
        public StringBinding code() {
            return Bindings.createStringBinding(
                    () -> {
                        Availability a = availability.of(feature).get();
                        return a.available()
                                ? ""
                                : a.problem()
                                        .map(p -> ErrorCodes.line(i18n, ErrorCodes.of(p)))
                                        .orElse("");
                    },
                    availability.of(feature),
                    i18n.localeProperty());
        }

        public void open() {
            if (availability.of(feature).get().available()) {
                open.accept(feature);
            }
        }
    }

    private final I18n i18n;
    private final AvailabilityModel availability;
    private final Navigator navigator;
    private final Consumer<Feature> open;
    private final List<Tile> tiles;

    /**
     * What the citizen should know about the platform, or empty: it is away (what still works), and
     * the local copy's age when it is stale.
     */
    public StringBinding platformNotice() {
        return Bindings.createStringBinding(
                () -> {
                    StringBuilder sb = new StringBuilder();
                    OpeningHours.State hall = availability.hall().get();
                    if (hall != null && !hall.open()) {
                        sb.append(hall.nextOpening()
                                .map(at -> i18n.text(Msg.HOME_HALL_CLOSED_OPENS, opensText(at)))
                                .orElseGet(() -> i18n.text(Msg.HOME_HALL_CLOSED)));
                    }
                    Notice n = availability.platformNotice().get();
                    if (n == null || n.quiet()) {
                        return sb.toString();
                    }
                    if (n.offline()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(i18n.text(Msg.HOME_PLATFORM_OFFLINE));
                    }
                    if (n.stale() && n.dataAsOf().isPresent()) {
                        DateTimeFormatter f = DateTimeFormatter.ofPattern(
                                i18n.text(Msg.HOME_DATA_AS_OF_PATTERN),
                                i18n.localeProperty().get());
                        sb.append(sb.length() == 0 ? "" : " ")
                                .append(i18n.text(
                                        Msg.HOME_DATA_AS_OF,
                                        f.format(n.dataAsOf().get())));
                    }
                    return sb.toString();
                },
                availability.platformNotice(),
                availability.hall(),
                i18n.localeProperty());
    }

    /** When the hall opens, as the citizen says it: "今天 13:30", "明天 08:30", "12月14日 星期一 08:30". */
    private String opensText(ZonedDateTime at) {
        Locale locale = i18n.localeProperty().get();
        String time = DateTimeFormatter.ofPattern("HH:mm", locale).format(at);
        long days = ChronoUnit.DAYS.between(availability.hallNow().toLocalDate(), at.toLocalDate());
        if (days == 0) {
            return i18n.text(Msg.HOME_OPENS_TODAY, time);
        }
        if (days == 1) {
            return i18n.text(Msg.HOME_OPENS_TOMORROW, time);
        }
        return DateTimeFormatter.ofPattern(i18n.text(Msg.HOME_OPENS_PATTERN), locale)
                .format(at);
    }

    public HomeViewModel(I18n i18n, AvailabilityModel availability, Navigator navigator) {
        this(i18n, availability, navigator, f -> navigator.go(screenOf(f)));
    }

    /** @param open how a feature is opened: through the identity step where it needs one, at its first screen */
    public HomeViewModel(I18n i18n, AvailabilityModel availability, Navigator navigator, Consumer<Feature> open) {
        this.i18n = i18n;
        this.availability = availability;
        this.navigator = navigator;
        this.open = open;
        // a feature this kiosk has no device for is not offered (rather than shown as out of service for good)
        this.tiles = Arrays.stream(Feature.values())
                .filter(availability::fitted)
                .map(Tile::new)
                .toList();
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public I18n i18n() {
        return i18n;
    }

    private static Msg descriptionOf(Feature f) {
        return switch (f) {
            case QUEUE_TICKET -> Msg.FEATURE_QUEUE_TICKET_DESCRIPTION;
            case LICENCE_PRINT -> Msg.FEATURE_LICENCE_PRINT_DESCRIPTION;
            case SERVICE_GUIDE -> Msg.FEATURE_SERVICE_GUIDE_DESCRIPTION;
            case APPLY -> Msg.FEATURE_APPLY_DESCRIPTION;
            // appointments
            case APPOINTMENT -> Msg.FEATURE_APPOINTMENT_DESCRIPTION;
            case CHECK_IN -> Msg.FEATURE_CHECK_IN_DESCRIPTION;
            case PROGRESS -> Msg.FEATURE_PROGRESS_DESCRIPTION;
            // enterprise
            case ENTERPRISE_INFO -> Msg.FEATURE_ENTERPRISE_INFO_DESCRIPTION;
            // payments
            case INSURANCE -> Msg.FEATURE_INSURANCE_DESCRIPTION;
        };
    }

    /** The screen a feature opens on. */
    public static Screen screenOf(Feature f) {
        return switch (f) {
            case QUEUE_TICKET -> Screen.TICKET;
            case LICENCE_PRINT -> Screen.LICENCE;
            case SERVICE_GUIDE, APPLY -> Screen.GUIDE; // 自助申办 starts from the items doable here
            // appointments
            case APPOINTMENT -> Screen.APPOINTMENT;
            case CHECK_IN -> Screen.CHECK_IN;
            case PROGRESS -> Screen.PROGRESS;
            // enterprise
            case ENTERPRISE_INFO -> Screen.ENTERPRISE;
            // payments
            case INSURANCE -> Screen.INSURANCE;
        };
    }
}
