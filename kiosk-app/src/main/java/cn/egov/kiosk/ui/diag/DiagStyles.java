package cn.egov.kiosk.ui.diag;

import javafx.css.PseudoClass;

/** The diagnostics panel's pseudo-classes ({@code diag.css}). */
final class DiagStyles {
    /** A message that says something did not work: {@code .diag-message:failed}. */
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** A device that cannot serve: {@code .diag-row:unhealthy}. */
    static final PseudoClass UNHEALTHY = PseudoClass.getPseudoClass("unhealthy");

    private DiagStyles() {}
}
