package cn.egov.kiosk.ui.frame;

import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.theme.ThemeManager;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/**
 * The frame around every screen: hall name, clock and date, the language and elderly-mode
 * switches, and the navigation bar (back, home, exit) shown on every screen but the attract one.
 */
public final class FrameViewModel implements CitizenState {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final I18n i18n;
    private final Navigator navigator;
    private final ThemeManager themes;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper date = new ReadOnlyStringWrapper("");
    private final StringBinding hallName;
    private final StringBinding hotline;
    private final StringProperty hotlineNumber = new SimpleStringProperty("");
    private final Runnable exitSession;
    private final BooleanProperty locked = new SimpleBooleanProperty(false);
    private final StringProperty signedIn = new SimpleStringProperty("");
    private final ObjectProperty<Image> logo = new SimpleObjectProperty<>();

    public FrameViewModel(
            I18n i18n,
            Navigator navigator,
            ThemeManager themes,
            Clock clock,
            ZoneId zone,
            Function<Locale, String> hallName,
            String hotline,
            Runnable exitSession) {
        this.i18n = i18n;
        this.navigator = navigator;
        this.themes = themes;
        this.clock = clock;
        this.zone = zone;
        this.exitSession = exitSession;
        this.hallName = Bindings.createStringBinding(() -> hallName.apply(i18n.locale()), i18n.localeProperty());
        hotlineNumber.set(hotline);
        this.hotline = Bindings.createStringBinding(
                () -> hotlineNumber.get().isBlank() ? "" : i18n.text(Msg.FRAME_HOTLINE, hotlineNumber.get()),
                i18n.localeProperty(),
                hotlineNumber);
        i18n.localeProperty().addListener((obs, old, now) -> tick());
        tick();
    }

    /**
     * Staff changed the hall's name or hotline: shown at once (the name is read again from the
     * function given at construction).
     */
    public void hallChanged(String hotline) {
        hallName.invalidate();
        hotlineNumber.set(hotline);
    }

    /**
     * The hall's logo ({@code ui.logo}), or {@code null} when it has none: beside the emblem in the
     * top bar and above the hall's name on the attract screen.
     */
    public ReadOnlyObjectProperty<Image> logoProperty() {
        return logo;
    }

    /** Shows {@code image} as the hall's logo ({@code null}: none); on the JavaFX thread. */
    public void logo(Image image) {
        logo.set(image);
    }

    /** Updates the clock; the view calls it every second. */
    public void tick() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        time.set(now.format(CLOCK));
        date.set(i18n.textInZone(Msg.FRAME_DATE, zone, Date.from(now.toInstant())));
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateProperty() {
        return date.getReadOnlyProperty();
    }

    public StringBinding hallNameProperty() {
        return hallName;
    }

    /** The signed-in citizen's masked name, or empty: set by the identity step, cleared at the end. */
    public StringProperty signedInNameProperty() {
        return signedIn;
    }

    /** "您好，王*明" while a citizen is signed in; empty otherwise. */
    public StringBinding greeting() {
        return Bindings.createStringBinding(
                () -> signedIn.get().isEmpty() ? "" : i18n.text(Msg.FRAME_GREETING, signedIn.get()),
                signedIn,
                i18n.localeProperty());
    }

    public StringBinding hotlineProperty() {
        return hotline;
    }

    /** The label of the language button: the other language's name, in that language. */
    public StringBinding languageSwitchText() {
        return i18n.bind(Msg.FRAME_LANGUAGE_SWITCH);
    }

    /** The language button's accessible name: what it does, with the label it shows. */
    public StringBinding languageSwitchName() {
        return Bindings.createStringBinding(
                () -> i18n.text(Msg.A11Y_LANGUAGE_SWITCH, i18n.text(Msg.FRAME_LANGUAGE_SWITCH)), i18n.localeProperty());
    }

    /** Whether the elderly mode is on: the state of its switch. */
    public BooleanBinding elderlyOn() {
        return Bindings.createBooleanBinding(themes::elderly, themes.themeProperty());
    }

    public StringBinding elderlySwitchText() {
        return Bindings.createStringBinding(
                () -> i18n.text(themes.elderly() ? Msg.FRAME_ELDERLY_OFF : Msg.FRAME_ELDERLY_ON),
                i18n.localeProperty(),
                themes.themeProperty());
    }

    public BooleanBinding navigationVisible() {
        return Bindings.createBooleanBinding(() -> navigator.current() != Screen.ATTRACT, navigator.currentProperty());
    }

    public BooleanBinding canGoBack() {
        return navigator.canGoBack().and(locked.not());
    }

    /**
     * While true (a ticket is printing), back, home and exit are disabled: the citizen cannot walk
     * away from a job whose outcome the screen still has to tell.
     */
    public BooleanProperty navigationLockedProperty() {
        return locked;
    }

    public void switchLanguage() {
        i18n.cycleLocale();
    }

    public void toggleElderly() {
        themes.toggleElderly();
    }

    public void back() {
        if (!locked.get()) {
            navigator.back();
        }
    }

    public void home() {
        if (!locked.get()) {
            navigator.home();
        }
    }

    /** Ends the citizen's session and returns to the attract screen. */
    public void exit() {
        if (!locked.get()) {
            exitSession.run();
        }
    }

    public I18n i18n() {
        return i18n;
    }

    /** The signed-in citizen's name leaves the frame. */
    @Override
    public void resetForNextCitizen() {
        signedInNameProperty().set("");
    }
}
