package cn.egov.kiosk.tour;

import java.util.Locale;

/** Typing as a citizen does: one tap per key of the kiosk's on-screen keyboard. */
final class Keys {
    private Keys() {}

    /** Types Chinese by pinyin: the letters, then the first candidate (the most frequent word). */
    static void chinese(Walker w, String pinyin) throws Walker.Stopped {
        type(w, pinyin);
        w.tap("candidate-0");
    }

    /** Taps the keys of {@code text}, letter by letter, on the keyboard that is shown. */
    static void type(Walker w, String text) throws Walker.Stopped {
        w.awaitShown("keyboard");
        for (int i = 0; i < text.length(); i++) {
            String c = String.valueOf(text.charAt(i));
            w.tapAny("key-" + c, "key-" + c.toUpperCase(Locale.ROOT), "key-" + c.toLowerCase(Locale.ROOT));
        }
    }
}
