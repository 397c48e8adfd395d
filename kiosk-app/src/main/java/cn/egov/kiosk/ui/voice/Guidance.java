package cn.egov.kiosk.ui.voice;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.theme.ThemeManager;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/**
 * Speaks each step's instruction or outcome ({@link Prompts}) as the citizen reaches it on the screen
 * shown, in the screen's language. The voice is on by default in elderly mode and off in the
 * standard one (switching the mode switches it); the citizen turns it on or off and sets the volume
 * on the sound panel; all of it goes back to the kiosk's defaults with the session. Runs on the
 * JavaFX thread; {@link VoiceOut} returns at once.
 */
public final class Guidance {
    /** The volume steps on the sound panel. */
    public static final int MAX_VOLUME = 5;

    private final I18n i18n;
    private final ThemeManager themes;
    private final ObservableValue<Screen> current;
    private final VoiceOut out;
    private int defaultVolume;
    /** Whether every citizen starts with the voice on (else only in elderly mode). */
    private boolean onForEveryone;

    private final BooleanProperty on = new SimpleBooleanProperty();
    private final BooleanProperty panelOpen = new SimpleBooleanProperty();
    private final IntegerProperty volume = new SimpleIntegerProperty();
    private Msg lastSaid;

    /**
     * @param current the screen shown
     * @param defaultVolume the volume each session starts at, 1 to {@link #MAX_VOLUME}
     */
    public Guidance(I18n i18n, ThemeManager themes, ObservableValue<Screen> current, VoiceOut out, int defaultVolume) {
        this.i18n = i18n;
        this.themes = themes;
        this.current = current;
        this.out = out;
        this.defaultVolume = Math.max(1, Math.min(MAX_VOLUME, defaultVolume));
        on.set(themes.elderly());
        volume.set(this.defaultVolume);
        out.volume(this.defaultVolume);
        // the citizen switched the mode: the voice follows it, and says where they are
        themes.themeProperty().addListener((obs, was, now) -> setOn(themes.elderly()));
        on.addListener((obs, was, now) -> {
            if (!now) {
                out.stop();
            }
        });
        volume.addListener((obs, was, now) -> out.volume(now.intValue()));
        current.addListener((obs, was, now) -> Prompts.screen(now).ifPresent(this::say));
        i18n.localeProperty().addListener((obs, was, now) -> sayAgain());
    }

    /**
     * Speaks the prompt of {@code screen}'s step each time the step changes while the screen is
     * shown, and the current step's prompt when the screen comes up.
     */
    public <E> void watch(Screen screen, ObservableValue<E> step, Function<E, Msg> prompts) {
        step.addListener((obs, was, now) -> {
            if (current.getValue() == screen && now != null) {
                sayStep(prompts.apply(now));
            }
        });
        current.addListener((obs, was, now) -> {
            if (now == screen && was != screen && step.getValue() != null) {
                sayStep(prompts.apply(step.getValue()));
            }
        });
    }

    private void sayStep(Msg prompt) {
        if (prompt != null) {
            say(prompt);
        }
    }

    /** Says a prompt now, if the voice is on (what was being said stops). */
    public void say(Msg prompt) {
        lastSaid = prompt;
        if (on.get() && volume.get() > 0) {
            out.say(i18n.text(prompt), i18n.locale());
        }
    }

    /** The last prompt again: the voice was turned on, or the language changed. */
    private void sayAgain() {
        if (lastSaid != null) {
            say(lastSaid);
        }
    }

    /** On or off for this session. */
    public ReadOnlyBooleanProperty onProperty() {
        return on;
    }

    /** Turns the voice on (and says the current step again) or off (and stops it). */
    public void setOn(boolean value) {
        boolean was = on.get();
        on.set(value);
        if (value && !was) {
            sayAgain();
        }
    }

    public void toggle() {
        setOn(!on.get());
    }

    /** The sound panel (on/off, volume) is open. */
    public ReadOnlyBooleanProperty panelOpenProperty() {
        return panelOpen;
    }

    public void openPanel() {
        panelOpen.set(true);
    }

    public void closePanel() {
        panelOpen.set(false);
    }

    /** 1 to {@link #MAX_VOLUME}. */
    public ReadOnlyIntegerProperty volumeProperty() {
        return volume;
    }

    public void louder() {
        volume.set(Math.min(MAX_VOLUME, volume.get() + 1));
        sayAgain();
    }

    public void quieter() {
        volume.set(Math.max(1, volume.get() - 1));
        sayAgain();
    }

    /** Why the kiosk cannot speak; empty when it can. */
    public Optional<String> problem() {
        return out.problem();
    }

    /**
     * The defaults the next citizen starts with (staff changed them): the voice on for everyone or
     * only in elderly mode, and the volume. Applied at once when no session runs.
     */
    public void defaults(boolean onForEveryone, int volume) {
        this.onForEveryone = onForEveryone;
        this.defaultVolume = Math.max(1, Math.min(MAX_VOLUME, volume));
    }

    /** The next citizen starts with the kiosk's defaults, in silence. */
    public void reset() {
        lastSaid = null;
        out.stop();
        panelOpen.set(false);
        on.set(onForEveryone || themes.elderly());
        volume.set(defaultVolume);
    }

    public I18n i18n() {
        return i18n;
    }
}
