package cn.egov.kiosk.print.template;

import cn.egov.kiosk.common.text.Align;

/**
 * How a text block looks: {@code size} (small, normal, large, huge, or fit: as large as fits one
 * line), bold, alignment. Each renderer maps the sizes to its medium (character magnification on a
 * thermal printer, points on a page).
 */
public record Style(Size size, boolean bold, Align align) {
    public static final Style NORMAL = new Style(Size.NORMAL, false, Align.LEFT);

    public enum Size {
        SMALL,
        NORMAL,
        LARGE,
        HUGE,
        FIT
    }
}
