package cn.egov.kiosk.common.text;

/**
 * Width of text in printer columns: a CJK (full-width) character takes two columns, an ASCII
 * character one. Receipt layouts wrap and pad by this, not by {@code String.length()}.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    /** Columns taken by one code point. */
    public static int of(int codePoint) {
        if (codePoint < 0x1100) {
            return 1;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        if (block == null) {
            return 1;
        }
        if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_B
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && codePoint < 0xFF61
                || block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.HANGUL_SYLLABLES
                || block == Character.UnicodeBlock.BOPOMOFO
                || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || block == Character.UnicodeBlock.HANGUL_JAMO
                || block == Character.UnicodeBlock.KANGXI_RADICALS
                || block == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT) {
            return 2;
        }
        return 1;
    }

    /** Columns taken by a string. */
    public static int of(CharSequence text) {
        return text.codePoints().map(DisplayWidth::of).sum();
    }
}
