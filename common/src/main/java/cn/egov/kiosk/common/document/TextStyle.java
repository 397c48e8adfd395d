package cn.egov.kiosk.common.document;

import cn.egov.kiosk.common.text.Align;

/**
 * How a line of text is printed: alignment, bold, and character magnification (1 = normal, 2 =
 * double width or height, up to 8).
 */
public record TextStyle(Align align, boolean bold, int width, int height) {
    public static final TextStyle NORMAL = new TextStyle(Align.LEFT, false, 1, 1);

    public TextStyle {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character magnification 1..8, not " + width + "x" + height);
        }
    }

    public TextStyle aligned(Align newAlign) {
        return new TextStyle(newAlign, bold, width, height);
    }

    public TextStyle withBold(boolean newBold) {
        return new TextStyle(align, newBold, width, height);
    }

    public TextStyle sized(int newWidth, int newHeight) {
        return new TextStyle(align, bold, newWidth, newHeight);
    }
}
