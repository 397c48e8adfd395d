package cn.egov.kiosk.ui.theme;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The current theme, applied to the kiosk's scene whenever it changes, at a type size that follows
 * the screen: a theme's sizes are made for full HD (1920x1080 or 1080x1920 upright); on another
 * screen every size scales with its shorter side, so a 1280x800 kiosk shows the same layout at 0.74
 * of the size (and the measured minimums scale the same way).
 */
public final class ThemeManager {
    /** The shorter side of the screen the themes' sizes are made for. */
    public static final double REFERENCE_SIDE = 1080;

    private static final double MIN_SCALE = 0.5;
    private static final double MAX_SCALE = 2.0;

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

    /** How much a theme's full-HD sizes scale on a window of this size. */
    public static double scaleFor(double width, double height) {
        double side = Math.min(width, height);
        if (!(side > 0)) {
            return 1.0;
        }
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, side / REFERENCE_SIDE));
    }

    /**
     * Keeps the scene's stylesheets on the current theme and its root's type size on the theme's
     * base scaled to the window (the root's own style outranks the stylesheets' {@code .root}).
     */
    public void apply(Scene scene) {
        scene.getStylesheets().setAll(theme.get().stylesheets());
        theme.addListener((obs, old, now) -> scene.getStylesheets().setAll(now.stylesheets()));
        InvalidationListener size = o -> size(scene);
        theme.addListener(size);
        scene.widthProperty().addListener(size);
        scene.heightProperty().addListener(size);
        scene.rootProperty().addListener(size);
        size(scene);
    }

    private void size(Scene scene) {
        Parent root = scene.getRoot();
        if (root != null) {
            double px = theme.get().basePx() * scaleFor(scene.getWidth(), scene.getHeight());
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px));
        }
    }

    /** The current theme's promise on this scene's window. */
    public Theme.Legible legible(Scene scene) {
        return theme.get().legible().scaled(scaleFor(scene.getWidth(), scene.getHeight()));
    }
}
