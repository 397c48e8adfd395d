package cn.egov.kiosk.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/** The current theme, applied to the kiosk's scene whenever it changes. */
public final class ThemeManager {
    private final Theme standard;
    private final Theme elderly;
    private final ObjectProperty<Theme> theme;

    public ThemeManager(Theme standard, Theme elderly, Theme initial) {
        this.standard = standard;
        this.elderly = elderly;
        this.theme = new SimpleObjectProperty<>(initial);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public boolean elderly() {
        return theme.get() == elderly;
    }

    /** Switches between the standard and the elderly theme. */
    public void toggleElderly() {
        theme.set(elderly() ? standard : elderly);
    }

    public void reset(Theme initial) {
        theme.set(initial);
    }

    /** Keeps the scene's stylesheets on the current theme. */
    public void apply(Scene scene) {
        scene.getStylesheets().setAll(theme.get().stylesheets());
        theme.addListener((obs, old, now) -> scene.getStylesheets().setAll(now.stylesheets()));
    }
}
