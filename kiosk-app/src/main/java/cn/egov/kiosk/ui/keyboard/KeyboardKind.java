package cn.egov.kiosk.ui.keyboard;

/** Which keyboard a field takes: what a citizen may type into it. */
public enum KeyboardKind {
    /** 0 to 9. */
    DIGITS,
    /** 0 to 9, for a phone number. */
    PHONE,
    /** 0 to 9 and X: a resident ID number (its check character may be X). */
    ID_NUMBER,
    /**
     * 0 to 9 and the letters of GB 32100-2015 ({@code ABCDEFGHJKLMNPQRTUWXY}; no I, O, S, V, Z): a
     * unified social credit code.
     */
    CREDIT_CODE,
    /** A to Z (capitals) and space. */
    LETTERS,
    /**
     * What an engineer types into settings: a serial port's path, a host, a print queue, opening
     * hours. Small letters (capitals behind the mode key), digits and {@code / . : - _ ,}.
     */
    TECHNICAL,
    /**
     * Chinese by pinyin: letter keys compose, a candidate bar offers words and characters; a mode key
     * switches to plain letters and to digits and punctuation.
     */
    PINYIN
}
