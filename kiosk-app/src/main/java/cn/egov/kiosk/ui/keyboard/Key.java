package cn.egov.kiosk.ui.keyboard;

import java.util.Locale;

/**
 * One key of a layout.
 *
 * @param id its node id ({@code key-1}, {@code key-X}, {@code key-a}, {@code key-backspace}...)
 * @param type what it does
 * @param text what a character key types and shows; empty for the others
 * @param size how wide it is
 */
public record Key(String id, Type type, String text, Size size) {

    public enum Type {
        /** Types its text (or composes it, a letter on the pinyin layout). */
        CHARACTER,
        /** Takes back a pinyin letter while composing, else deletes the character before the caret. */
        BACKSPACE,
        /** Empties the field. */
        CLEAR,
        /** A space, or while composing the first candidate. */
        SPACE,
        /** Hides the keyboard; letters still composing go in as they are. */
        DONE,
        /** The next layout of the keyboard (pinyin, letters, digits and punctuation). */
        MODE,
        /** Room without a key, keeping the columns of a pad in line. */
        GAP
    }

    public enum Size {
        NORMAL,
        WIDE,
        SPACE
    }

    static Key character(char c) {
        return new Key("key-" + c, Type.CHARACTER, String.valueOf(c), Size.NORMAL);
    }

    /** A character key whose id is a name, for characters that are not letters or digits. */
    static Key character(String name, String text) {
        return new Key("key-" + name, Type.CHARACTER, text, Size.NORMAL);
    }

    static Key function(Type type, Size size) {
        return new Key("key-" + type.name().toLowerCase(Locale.ROOT), type, "", size);
    }

    static Key gap(Size size) {
        return new Key("", Type.GAP, "", size);
    }
}
