package cn.egov.kiosk.ui.form;

import javafx.css.PseudoClass;

/** The states form.css styles: a field whose problem is shown, the chosen answer of a choice. */
final class FormStyles {
    /** {@code .form-field:problem}. */
    static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** {@code .form-choice:chosen}. */
    static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private FormStyles() {}
}
