package cn.egov.kiosk.platform.api;

/**
 * Why a form field's value is not accepted ({@link FormCheck}): the kiosk tells the citizen in their
 * words, the platform names it in its problem detail.
 */
public enum FieldProblem {
    /** Required and empty. */
    REQUIRED,
    /** Longer than the field's {@code maxLength}. */
    TOO_LONG,
    /** A name with digits or signs other than the middle dot. */
    NAME_CHARACTERS,
    /** An ID number that is not 18 characters. */
    ID_NUMBER_LENGTH,
    /** An ID number with something else than 17 digits and a digit or X. */
    ID_NUMBER_CHARACTERS,
    /** An ID number whose characters 7-14 are not a real birth date. */
    ID_NUMBER_BIRTH_DATE,
    /** An ID number whose last character is not its check character. */
    ID_NUMBER_CHECK,
    /** A credit code that is not 18 characters. */
    CREDIT_CODE_LENGTH,
    /** A credit code with a character outside {@code 0-9A-HJ-NPQRTUWXY} (no I, O, S, V, Z). */
    CREDIT_CODE_CHARACTERS,
    /** A credit code whose last character is not its check character. */
    CREDIT_CODE_CHECK,
    /** Neither a mainland mobile number nor a landline with its area code. */
    PHONE,
    /** A date not written {@code yyyy-MM-dd}. */
    DATE_FORMAT,
    /** A date written right that is no day of the calendar (2026-02-30). */
    DATE_NOT_REAL,
    /** Not a number. */
    NUMBER,
    /** Not one of the field's choices. */
    NOT_A_CHOICE
}
