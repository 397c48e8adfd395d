package cn.egov.kiosk.ui.keyboard;

/**
 * The field a keyboard types into, as the keyboard sees it: the host makes one for the focused text
 * control; tests make one of a string.
 */
public interface KeyboardTarget {
    /** Characters (UTF-16 units, as a text control counts) in the field. */
    int length();

    /** Characters selected (replaced by what is typed next). */
    int selectionLength();

    /** The most characters the field takes; 0 for no limit. */
    int maxLength();

    /** Puts text in at the caret, replacing the selection. */
    void replaceSelection(String text);

    /** Deletes the selection, or else the character before the caret. */
    void deleteBeforeCaret();

    /** Empties the field. */
    void clear();

    /** The citizen is done typing here (the host takes the focus away, so the keyboard goes). */
    void release();
}
