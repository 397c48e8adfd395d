package cn.egov.kiosk.ui.keyboard;

import cn.egov.kiosk.ui.keyboard.Key.Size;
import cn.egov.kiosk.ui.keyboard.Key.Type;
import java.util.ArrayList;
import java.util.List;

/** The keys a keyboard shows, row by row. A kind has one layout, or (pinyin) several in turn. */
public enum KeyboardLayout {
    /** A pad: 1 to 9, 0; backspace, clear and done down the right. */
    DIGITS(pad(' ')),
    /** The pad with X left of 0. */
    ID_NUMBER(pad('X')),
    /** Digits above the GB 32100 letters in keyboard order. */
    CREDIT_CODE(List.of(
            chars("1234567890"),
            chars("QWERTYUP"),
            chars("ADFGHJKL"),
            with(chars("XCBNM"), Key.function(Type.BACKSPACE, Size.WIDE)),
            List.of(Key.function(Type.CLEAR, Size.WIDE), Key.function(Type.DONE, Size.WIDE)))),
    /** Settings' paths, hosts and hours: small letters, digits and the punctuation of paths. */
    TECHNICAL(technical("qwertyuiop", "asdfghjkl", "zxcvbnm")),
    /** The same with capitals (/dev/ttyUSB0). */
    TECHNICAL_CAPITALS(technical("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")),
    /** Capitals in keyboard order, and space. */
    LETTERS(letters("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM", false)),
    /** Lower-case letters that compose pinyin; the mode key goes on to letters. */
    PINYIN(letters("qwertyuiop", "asdfghjkl", "zxcvbnm", true)),
    /** Capitals, on the pinyin keyboard: the mode key goes on to digits. */
    PINYIN_LETTERS(letters("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM", true)),
    /** Digits and the punctuation addresses and names need, on the pinyin keyboard. */
    PINYIN_SYMBOLS(List.of(
            chars("1234567890"),
            List.of(
                    Key.character("hyphen", "-"),
                    Key.character("middle-dot", "·"),
                    Key.character("left-parenthesis", "（"),
                    Key.character("right-parenthesis", "）"),
                    Key.character("slash", "/"),
                    Key.character("hash", "#")),
            with(
                    List.of(
                            Key.character("comma", "，"),
                            Key.character("full-stop", "。"),
                            Key.character("enumeration-comma", "、")),
                    Key.function(Type.BACKSPACE, Size.WIDE)),
            bottomRow(true)));

    private final List<List<Key>> rows;

    KeyboardLayout(List<List<Key>> rows) {
        this.rows = rows.stream().map(List::copyOf).toList();
    }

    public List<List<Key>> rows() {
        return rows;
    }

    /** The first layout of a kind. */
    public static KeyboardLayout of(KeyboardKind kind) {
        return switch (kind) {
            case DIGITS, PHONE -> DIGITS;
            case ID_NUMBER -> ID_NUMBER;
            case CREDIT_CODE -> CREDIT_CODE;
            case LETTERS -> LETTERS;
            case TECHNICAL -> TECHNICAL;
            case PINYIN -> PINYIN;
        };
    }

    /** The layout the mode key brings; itself where there is no mode key. */
    public KeyboardLayout next() {
        return switch (this) {
            case PINYIN -> PINYIN_LETTERS;
            case PINYIN_LETTERS -> PINYIN_SYMBOLS;
            case PINYIN_SYMBOLS -> PINYIN;
            case TECHNICAL -> TECHNICAL_CAPITALS;
            case TECHNICAL_CAPITALS -> TECHNICAL;
            default -> this;
        };
    }

    /** The character key that types {@code text}, case folded ({@code x} finds X, {@code A} finds a). */
    public Key keyFor(String text) {
        for (List<Key> row : rows) {
            for (Key key : row) {
                if (key.type() == Type.CHARACTER && key.text().equalsIgnoreCase(text)) {
                    return key;
                }
            }
        }
        return null;
    }

    /** Whether it has a key of this type. */
    public boolean has(Type type) {
        return rows.stream().flatMap(List::stream).anyMatch(k -> k.type() == type);
    }

    private static List<List<Key>> pad(char leftOfZero) {
        Key none = Key.gap(Size.NORMAL);
        return List.of(
                with(chars("123"), Key.function(Type.BACKSPACE, Size.WIDE)),
                with(chars("456"), Key.function(Type.CLEAR, Size.WIDE)),
                with(chars("789"), Key.gap(Size.WIDE)),
                List.of(
                        leftOfZero == ' ' ? none : Key.character(leftOfZero),
                        Key.character('0'),
                        none,
                        Key.function(Type.DONE, Size.WIDE)));
    }

    private static List<List<Key>> letters(String top, String middle, String bottom, boolean modes) {
        return List.of(
                chars(top),
                chars(middle),
                with(chars(bottom), Key.function(Type.BACKSPACE, Size.WIDE)),
                bottomRow(modes));
    }

    private static List<List<Key>> technical(String top, String middle, String bottom) {
        return List.of(
                chars("1234567890"),
                chars(top),
                chars(middle),
                with(chars(bottom), Key.function(Type.BACKSPACE, Size.WIDE)),
                List.of(
                        Key.function(Type.MODE, Size.WIDE),
                        Key.character("slash", "/"),
                        Key.character("dot", "."),
                        Key.character("colon", ":"),
                        Key.character("hyphen", "-"),
                        Key.character("underscore", "_"),
                        Key.character("comma", ","),
                        Key.function(Type.SPACE, Size.NORMAL),
                        Key.function(Type.CLEAR, Size.WIDE),
                        Key.function(Type.DONE, Size.WIDE)));
    }

    private static List<Key> bottomRow(boolean modes) {
        List<Key> row = new ArrayList<>();
        if (modes) {
            row.add(Key.function(Type.MODE, Size.WIDE));
        }
        row.add(Key.function(Type.CLEAR, Size.WIDE));
        row.add(Key.function(Type.SPACE, Size.SPACE));
        row.add(Key.function(Type.DONE, Size.WIDE));
        return row;
    }

    private static List<Key> chars(String keys) {
        return keys.chars().mapToObj(c -> Key.character((char) c)).toList();
    }

    private static List<Key> with(List<Key> keys, Key last) {
        List<Key> row = new ArrayList<>(keys);
        row.add(last);
        return row;
    }
}
