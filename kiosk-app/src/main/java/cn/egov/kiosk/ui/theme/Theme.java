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
}
