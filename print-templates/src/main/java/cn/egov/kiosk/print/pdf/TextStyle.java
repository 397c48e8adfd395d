package cn.egov.kiosk.print.pdf;

import java.awt.Color;
import java.util.Objects;

/**
 * How a text is drawn: size in points, bold or not, colour. The CJK fonts the kiosk uses have no
 * bold face: bold is simulated by filling and stroking the outlines (text rendering mode 2).
 *
 * @param size font size in points, above 0
 * @param bold simulated bold
 * @param color fill colour (sRGB)
 */
public record TextStyle(float size, boolean bold, Color color) {
    public TextStyle {
        if (!(size > 0)) {
            throw new IllegalArgumentException("font size must be above 0, not " + size);
        }
        Objects.requireNonNull(color, "color");
    }

    /** Black regular text of {@code size} points. */
    public static TextStyle regular(float size) {
        return new TextStyle(size, false, Color.BLACK);
    }

    /** Black bold text of {@code size} points. */
    public static TextStyle bold(float size) {
        return new TextStyle(size, true, Color.BLACK);
    }

    /** This style in another colour. */
    public TextStyle withColor(Color newColor) {
        return new TextStyle(size, bold, newColor);
    }

    /** This style at another size. */
    public TextStyle withSize(float newSize) {
        return new TextStyle(newSize, bold, color);
    }
}
