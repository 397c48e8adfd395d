package cn.egov.kiosk.ui;

import javafx.scene.shape.SVGPath;

/** Small vector icons, so that screens carry no symbol characters as text. */
public final class Icons {
    private Icons() {}

    public static SVGPath check() {
        return path("M2 12 L9 19 L22 5 L19.5 2.5 L9 14 L4.5 9.5 Z", "icon-ok");
    }

    public static SVGPath cross() {
        return path("M4 2 L12 10 L20 2 L22 4 L14 12 L22 20 L20 22 L12 14 L4 22 L2 20 L10 12 L2 4 Z", "icon-failed");
    }

    private static SVGPath path(String d, String styleClass) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        p.getStyleClass().addAll("icon", styleClass);
        return p;
    }
}
