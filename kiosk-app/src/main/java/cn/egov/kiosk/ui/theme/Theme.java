package cn.egov.kiosk.ui.theme;

import java.util.List;

/**
 * A look for the whole kiosk: a set of stylesheets applied to the scene at run time. Views use
 * style classes only; a theme decides sizes and colours. The large-type, high-contrast theme for
 * elderly citizens is another theme, not conditions in views.
 */
public interface Theme {
    String id();

    /** Stylesheet URLs, applied in order. */
    List<String> stylesheets();

    /**
     * The base type size on a full-HD screen (1920x1080, or 1080x1920 upright), in pixels: every
     * size in the stylesheets is in em of it. {@link ThemeManager} scales it with the screen.
     */
    double basePx();

    /** What the theme promises a citizen on a full-HD screen; {@link Legible#scaled} for others. */
    Legible legible();

    /**
     * The least a citizen meets on any screen in a theme: the smallest text and heading (device
     * pixels), the smallest touch target (its shorter side), the lowest contrast of text against
     * its background (WCAG ratio), the tightest line height of wrapped text (times the type size).
     */
    record Legible(double textPx, double headingPx, double targetPx, double contrast, double lineHeight) {
        /** The same promise on a screen {@code scale} times the size of full HD; ratios do not scale. */
        public Legible scaled(double scale) {
            return new Legible(textPx * scale, headingPx * scale, targetPx * scale, contrast, lineHeight);
        }
    }
}
