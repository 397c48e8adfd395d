package cn.egov.kiosk.catalogue;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * A text's pinyin as a finger types it: lower case, no tones, ü as {@code v}, in full ({@code
 * yingyezhizhao}) and by initials ({@code yyzz}). A character with several readings takes its first
 * (the most common); anything that is not a Chinese character is kept as it is, in lower case.
 */
final class Pinyin {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** The full pinyin and the initials of a text. */
    record Spelling(String full, String initials) {}

    private Pinyin() {}

    static Spelling of(String text) {
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String reading = reading(c);
            if (reading != null) {
                full.append(reading);
                initials.append(reading.charAt(0));
            } else if (Character.isLetterOrDigit(c)) {
                char lower = Character.toLowerCase(c);
                full.append(lower);
                initials.append(lower);
            }
        }
        return new Spelling(full.toString(), initials.toString());
    }

    /** Whether the text is typed in Latin letters and digits only (pinyin, initials, a code). */
    static boolean isLatin(String text) {
        return !text.isEmpty()
                && text.toLowerCase(Locale.ROOT)
                        .chars()
                        .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }

    private static String reading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e); // the format above is a valid one
        }
    }
}
