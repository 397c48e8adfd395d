package cn.egov.kiosk.speech;

import cn.egov.kiosk.input.PinyinDictionary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Chinese text to tone-numbered pinyin for espeak-ng's {@code cmn-latn-pinyin} voice ({@code
 * 请将身份证放在感应区} → {@code qing3 jiang1 shen1 fen4 zheng4 fang4 zai4 gan3 ying4 qu1}).
 *
 * <ul>
 *   <li><b>Words</b>: a run of characters is cut into the words of the kiosk's pinyin dictionary
 *       (Rime's {@code pinyin_simp}, {@link PinyinDictionary#RESOURCE}), the most probable cut by
 *       the words' frequencies; a word's reading is its most frequent one there, which settles
 *       most polyphones by context (银行 yin hang, 行走 xing zou).
 *   <li><b>Tones</b>: the dictionary has none; each syllable takes the first of the character's
 *       readings in pinyin4j (Unihan) whose toneless syllable is the dictionary's. Where that is
 *       still ambiguous (处理 chu3, 办事处 chu4, 为 wei4 or wei2), the override table {@code
 *       tones.tsv} beside this class says it, for whole words; 一 and 不 keep the tone they are
 *       written with (espeak-ng does the third-tone sandhi itself).
 *   <li><b>Numbers</b> as a citizen hears them: a count is read as a number (15 → shi2 wu3, 2个 →
 *       liang3 ge4); a queue number after its letter ({@code A012}), a number with a leading zero,
 *       a year and any string of five digits or more digit by digit; decimals, times (9:30) and
 *       percentages as said; a range ({@code 3-5}) with dao4.
 *   <li><b>Latin letters</b> are spelled one by one (upper case, which the voice reads as letter
 *       names); <b>punctuation</b>, full-width or not, becomes a pause: a comma, or a period at
 *       the end of a sentence; anything else (symbols, emoji, quotation marks) is left out.
 * </ul>
 *
 * <p>Loading reads the whole dictionary (about a third of a second): off the JavaFX thread. A
 * loaded instance is immutable and thread-safe.
 */
public final class TonePinyin {
    /** The override table's resource, beside this class. */
    public static final String OVERRIDES = "tones.tsv";

    /** Changes with the rules in this class, so that audio cached by the old rules is not reused. */
    private static final String RULES = "tone-pinyin-1";

    private static final int MAX_WORD = 8;
    private static final String[] DIGITS = {"ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"};
    /** After the number 2, these are counted with 两 (liang3), not 二. */
    private static final List<String> MEASURES = List.of(
            "个", "份", "张", "位", "件", "本", "次", "项", "页", "天", "名", "种", "台", "条", "辆", "套", "周", "年", "小时", "分钟", "元",
            "块", "岁", "把", "层", "点");

    /** A date written 2026-11-28 or 2026/11/28, read as 2026年11月28日. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)");

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITH_TONE_NUMBER);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** A dictionary word: its most frequent toneless reading and that reading's weight. */
    private record Entry(String[] syllables, int weight) {}

    private final Map<String, Entry> words;
    private final Map<String, String[]> overrides;
    private final double logTotal;
    private final String version;

    private TonePinyin(Map<String, Entry> words, Map<String, String[]> overrides, long total, String version) {
        this.words = words;
        this.overrides = overrides;
        this.logTotal = Math.log(Math.max(total, 1));
        this.version = version;
    }

    /** The bundled dictionary and override table, loaded on the first call (blocking). */
    public static TonePinyin bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final TonePinyin INSTANCE = loadBundled();

        private Bundled() {}
    }

    private static TonePinyin loadBundled() {
        try (InputStream dict = PinyinDictionary.class.getResourceAsStream(PinyinDictionary.RESOURCE)) {
            if (dict == null) {
                throw new IllegalStateException(PinyinDictionary.RESOURCE + " is missing from the build");
            }
            return read(
                    new InputStreamReader(new GZIPInputStream(dict, 1 << 16), StandardCharsets.UTF_8),
                    bundledOverrides());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pinyin dictionary", e);
        }
    }

    /**
     * The {@link #version()} of {@link #bundled()}, without loading the dictionary (which does not
     * change between builds of the same rules): the override table's digest.
     */
    public static String bundledVersion() {
        return BundledVersion.VERSION;
    }

    private static final class BundledVersion {
        static final String VERSION = digest(bundledOverrides());

        private BundledVersion() {}
    }

    private static String bundledOverrides() {
        try (InputStream tones = TonePinyin.class.getResourceAsStream(OVERRIDES)) {
            if (tones == null) {
                throw new IllegalStateException(OVERRIDES + " is missing from the build");
            }
            return new String(tones.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + OVERRIDES, e);
        }
    }

    /**
     * Reads a dictionary in {@link PinyinDictionary}'s format ({@code syllables<TAB>word<TAB>weight})
     * and an override table ({@code word<TAB>syllables with tone digits}, {@code #} comments).
     *
     * @throws IllegalArgumentException naming the override line that is not such a line
     */
    public static TonePinyin read(Reader dictionary, String overrideTable) throws IOException {
        Map<String, Entry> words = new HashMap<>(100_000);
        Map<String, String> interned = new HashMap<>();
        long total = 0;
        BufferedReader reader = new BufferedReader(dictionary, 1 << 16);
        String line;
        while ((line = reader.readLine()) != null) {
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                continue; // PinyinDictionary refuses such a file; here only the good lines matter
            }
            int weight = Integer.parseInt(f[2]);
            total += weight;
            Entry old = words.get(f[1]);
            if (old == null || old.weight < weight) {
                String[] syllables = f[0].split(" ");
                for (int i = 0; i < syllables.length; i++) {
                    syllables[i] = interned.computeIfAbsent(syllables[i], k -> k);
                }
                words.put(f[1], new Entry(syllables, weight));
            }
        }
        Map<String, String[]> overrides = new HashMap<>();
        int number = 0;
        for (String l : overrideTable.split("\n", -1)) {
            number++;
            String content = l.contains("#") ? l.substring(0, l.indexOf('#')) : l;
            if (content.isBlank()) {
                continue;
            }
            String[] f = content.strip().split("\t+");
            String[] syllables = f.length == 2 ? f[1].strip().split(" +") : new String[0];
            if (f.length != 2
                    || syllables.length != f[0].codePointCount(0, f[0].length())
                    || !List.of(syllables).stream().allMatch(s -> s.matches("[a-z]+[1-5]"))) {
                throw new IllegalArgumentException(OVERRIDES + " line " + number
                        + ": not a word, a tab and one syllable with its tone (1-5) per character");
            }
            overrides.put(f[0], syllables);
            if (!words.containsKey(f[0])) {
                // a word of the kiosk's own, cut as a word (rarely, so that it does not beat common words)
                words.put(f[0], new Entry(new String[0], 1000));
            }
        }
        return new TonePinyin(Map.copyOf(words), Map.copyOf(overrides), total, digest(overrideTable));
    }

    private static String digest(String overrideTable) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(RULES.getBytes(StandardCharsets.UTF_8));
            sha.update(overrideTable.getBytes(StandardCharsets.UTF_8));
            return RULES + "-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** Names these rules and this override table: part of the cache key of audio made from them. */
    public String version() {
        return version;
    }

    /**
     * The text as tone-numbered pinyin, syllables separated by spaces, pauses as {@code ,} and
     * {@code .} after a syllable; empty when nothing in it can be spoken.
     */
    public String convert(String text) {
        String s = normalise(text);
        Out out = new Out();
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (isHan(c)) {
                int end = i;
                while (end < s.length() && isHan(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                han(s.substring(i, end), out);
                i = end;
            } else if (isDigit(c)) {
                i = number(s, i, out);
            } else if (isLatin(c)) {
                out.word(String.valueOf((char) Character.toUpperCase(c)));
                i++;
            } else {
                if (c == '-' || c == '~') {
                    if (isRange(s, i)) {
                        out.word("dao4"); // 3-5个工作日: san1 dao4 wu3
                    } else if (c == '-') {
                        out.pause(',');
                    }
                } else if (",;:()[]、—".indexOf(c) >= 0) {
                    out.pause(',');
                } else if (".!?。".indexOf(c) >= 0) {
                    out.pause('.');
                }
                i += Character.charCount(c); // anything else: not spoken
            }
        }
        return out.toString();
    }

    /**
     * Whether the dash at {@code at} joins two numbers into a range (3-5, 9:00-17:30), not the
     * parts of a telephone number (0571-8888) or a date (2026-11-28), which are read with a pause.
     */
    private static boolean isRange(String s, int at) {
        int start = at;
        while (start > 0 && (isDigit(s.charAt(start - 1)) || s.charAt(start - 1) == ':')) {
            start--;
        }
        int end = at + 1;
        while (end < s.length() && (isDigit(s.charAt(end)) || s.charAt(end) == ':')) {
            end++;
        }
        while (start < at && s.charAt(start) == ':') {
            start++; // 时间：9:00-17:30, the colon after the label
        }
        String before = s.substring(start, at);
        String after = s.substring(at + 1, end);
        return !before.isEmpty()
                && !after.isEmpty()
                && before.length() <= 5
                && after.length() <= 5
                && isDigit(before.charAt(0))
                && before.charAt(0) != '0'
                && after.charAt(0) != '0'
                && !(before.length() == 4 && !before.contains(":"))
                && (start == 0 || !isLatin(s.charAt(start - 1)));
    }

    /** Full-width forms to half-width (NFKC), the Chinese pauses NFKC keeps to their ASCII kin. */
    private static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '。', '｡' -> b.append('.');
                case '、', '【', '】', '《', '》', '〔', '〕', '「', '」' -> b.append(c == '、' ? ',' : ' ');
                case '…' -> b.append('.');
                case '·', '•' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && Character.isLetter(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatin(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // ---- characters ----

    /** A run of Chinese characters: the most probable cut into words, each word's syllables. */
    private void han(String run, Out out) {
        int[] cps = run.codePoints().toArray();
        int n = cps.length;
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            for (int len = 1; len <= MAX_WORD && i + len <= n; len++) {
                Entry e = words.get(new String(cps, i, len));
                if (e == null && len > 1) {
                    continue;
                }
                // an unknown character costs more than any known one
                double score = best[i] + (e != null ? Math.log(e.weight + 1.0) - logTotal : -logTotal - 5);
                if (score > best[i + len]) {
                    best[i + len] = score;
                    from[i + len] = i;
                }
            }
        }
        List<String> cut = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            cut.add(0, new String(cps, from[end], end - from[end]));
        }
        for (String word : cut) {
            for (String syllable : syllables(word)) {
                out.word(syllable);
            }
        }
    }

    /** A word's syllables with tones: the override table's, else the dictionary's with pinyin4j's tones. */
    List<String> syllables(String word) {
        String[] fixed = overrides.get(word);
        if (fixed != null) {
            return List.of(fixed);
        }
        int[] cps = word.codePoints().toArray();
        Entry e = words.get(word);
        List<String> out = new ArrayList<>(cps.length);
        boolean read = e != null && e.syllables.length == cps.length;
        String[] tones = new String[cps.length];
        for (int k = 0; k < cps.length; k++) {
            tones[k] =
                    read || cps.length == 1 ? syllable(cps[k], read ? e.syllables[k] : null) : singleCharacter(cps[k]);
        }
        if (read && cps.length > 2) {
            overrideInside(cps, tones);
        }
        for (String t : tones) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The tones of the override table's words inside a longer dictionary word (变更 in 变更登记, 为您
     * in 为您服务), where they are read with the same syllables; longest first.
     */
    private void overrideInside(int[] cps, String[] tones) {
        for (int i = 0; i < cps.length - 1; i++) {
            for (int len = Math.min(MAX_WORD, cps.length - i); len >= 2; len--) {
                if (len == cps.length) {
                    continue;
                }
                String[] fixed = overrides.get(new String(cps, i, len));
                if (fixed != null && sameSyllables(fixed, tones, i)) {
                    System.arraycopy(fixed, 0, tones, i, len);
                    i += len - 1;
                    break;
                }
            }
        }
    }

    private static boolean sameSyllables(String[] fixed, String[] tones, int at) {
        for (int k = 0; k < fixed.length; k++) {
            String t = tones[at + k];
            if (t == null || !t.regionMatches(0, fixed[k], 0, Math.max(t.length(), fixed[k].length()) - 1)) {
                return false;
            }
        }
        return true;
    }

    /** One character read alone: its override, or its most frequent reading in the dictionary. */
    private String singleCharacter(int cp) {
        String ch = new String(Character.toChars(cp));
        String[] fixed = overrides.get(ch);
        if (fixed != null) {
            return fixed[0];
        }
        Entry e = words.get(ch);
        return syllable(cp, e != null && e.syllables.length == 1 ? e.syllables[0] : null);
    }

    /**
     * The character's reading in pinyin4j whose toneless syllable is {@code toneless} (its first
     * reading when none is given); the toneless syllable with the neutral tone when pinyin4j does not
     * have it; null for a character pinyin4j does not know (not spoken).
     */
    private static String syllable(int cp, String toneless) {
        String[] readings = readings(cp);
        if (readings.length == 0) {
            return toneless == null ? null : spoken(toneless) + "5";
        }
        if (toneless == null) {
            return readings[0];
        }
        String wanted = spoken(toneless);
        for (String r : readings) {
            if (r.substring(0, r.length() - 1).equals(wanted)) {
                return r;
            }
        }
        return wanted + "5";
    }

    /** The dictionary writes 略 lue, pinyin4j (with v for ü) lve: the latter, as the voice reads both. */
    private static String spoken(String toneless) {
        return toneless.equals("lue") || toneless.equals("nue") ? toneless.charAt(0) + "ve" : toneless;
    }

    private static String[] readings(int cp) {
        if (Character.isSupplementaryCodePoint(cp)) {
            return new String[0];
        }
        try {
            String[] r = PinyinHelper.toHanyuPinyinStringArray((char) cp, FORMAT);
            if (r == null) {
                return new String[0];
            }
            // pinyin4j writes r5 for the erhua of 儿 in some readings, and may repeat a reading
            return List.of(r).stream()
                    .filter(x -> x.matches("[a-z]+[1-5]"))
                    .distinct()
                    .toArray(String[]::new);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e); // the format above is a valid one
        }
    }

    // ---- numbers ----

    /** The digits at {@code start} and what belongs to them (a decimal, a time, a percent sign); where reading goes on. */
    private static int number(String s, int start, Out out) {
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        String digits = s.substring(start, end);
        boolean afterLetter = start > 0 && isLatin(s.charAt(start - 1));
        // a time: 9:30, 14:05
        if (!afterLetter
                && digits.length() <= 2
                && end < s.length()
                && s.charAt(end) == ':'
                && end + 3 <= s.length()
                && isDigit(s.charAt(end + 1))
                && isDigit(s.charAt(end + 2))
                && (end + 3 == s.length() || !isDigit(s.charAt(end + 3)))) {
            int hours = Integer.parseInt(digits);
            int minutes = Integer.parseInt(s.substring(end + 1, end + 3));
            if (hours == 2) {
                out.word("liang3");
            } else {
                cardinal(hours, out);
            }
            out.word("dian3");
            if (minutes > 0) {
                if (minutes < 10) {
                    out.word("ling2");
                }
                cardinal(minutes, out);
                out.word("fen1");
            }
            return end + 3;
        }
        Matcher date = DATE.matcher(s).region(start, s.length());
        if (!afterLetter && date.lookingAt()) {
            for (char d : date.group(1).toCharArray()) {
                out.word(DIGITS[d - '0']);
            }
            out.word("nian2");
            cardinal(Integer.parseInt(date.group(2)), out);
            out.word("yue4");
            cardinal(Integer.parseInt(date.group(3)), out);
            out.word("ri4");
            return date.end();
        }
        if (end < s.length() && s.charAt(end) == '%') {
            out.word("bai3");
            out.word("fen1");
            out.word("zhi1");
            cardinal(digits, out);
            return end + 1;
        }
        String next = s.substring(end);
        boolean byDigit = afterLetter
                || (digits.length() > 1 && digits.charAt(0) == '0')
                || (digits.length() == 4 && next.startsWith("年"))
                || (digits.length() >= 5 && !(digits.length() <= 8 && next.startsWith("元")));
        if (byDigit) {
            for (char d : digits.toCharArray()) {
                out.word(DIGITS[d - '0']);
            }
        } else if (digits.equals("2") && MEASURES.stream().anyMatch(next::startsWith)) {
            out.word("liang3");
        } else {
            cardinal(digits, out);
        }
        // a decimal: 3.5 → san1 dian3 wu3
        if (end + 1 < s.length() && s.charAt(end) == '.' && isDigit(s.charAt(end + 1))) {
            out.word("dian3");
            end++;
            while (end < s.length() && isDigit(s.charAt(end))) {
                out.word(DIGITS[s.charAt(end) - '0']);
                end++;
            }
        }
        return end;
    }

    private static void cardinal(String digits, Out out) {
        String trimmed = digits.replaceFirst("^0+(?=.)", "");
        if (trimmed.length() > 8) {
            for (char d : digits.toCharArray()) {
                out.word(DIGITS[d - '0']);
            }
        } else {
            cardinal(Integer.parseInt(trimmed), out);
        }
    }

    /** 0 to 99,999,999 as a number is said: 10 shi2, 15 shi2 wu3, 101 yi1 bai3 ling2 yi1, 2000 liang3 qian1. */
    static void cardinal(int n, Out out) {
        if (n == 0) {
            out.word("ling2");
            return;
        }
        int high = n / 10_000;
        int low = n % 10_000;
        if (high > 0) {
            if (high == 2) {
                out.word("liang3");
            } else {
                belowTenThousand(high, true, out);
            }
            out.word("wan4");
            if (low > 0 && low < 1000) {
                out.word("ling2");
            }
        }
        if (low > 0) {
            belowTenThousand(low, high == 0, out);
        }
    }

    private static void belowTenThousand(int n, boolean leading, Out out) {
        int q = n / 1000;
        int b = n / 100 % 10;
        int t = n / 10 % 10;
        int g = n % 10;
        if (q > 0) {
            out.word(q == 2 && leading ? "liang3" : DIGITS[q]);
            out.word("qian1");
        }
        if (b > 0) {
            out.word(DIGITS[b]);
            out.word("bai3");
        } else if (q > 0 && (t > 0 || g > 0)) {
            out.word("ling2");
        }
        if (t > 0) {
            if (!(t == 1 && leading && q == 0 && b == 0)) {
                out.word(DIGITS[t]);
            }
            out.word("shi2");
        } else if (b > 0 && g > 0) {
            out.word("ling2");
        }
        if (g > 0) {
            out.word(DIGITS[g]);
        }
    }

    /** The syllables and pauses, as the voice reads them. */
    static final class Out {
        private final StringBuilder b = new StringBuilder();

        void word(String syllable) {
            if (syllable == null) {
                return;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(syllable);
        }

        void pause(char mark) {
            if (b.length() == 0) {
                return; // nothing said yet: no pause to make
            }
            char last = b.charAt(b.length() - 1);
            if (last == ',' || last == '.') {
                if (mark == '.') {
                    b.setCharAt(b.length() - 1, '.');
                }
                return;
            }
            b.append(mark);
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    @Override
    public String toString() {
        return "TonePinyin[" + words.size() + " words, " + overrides.size() + " overrides, " + version + "]";
    }

    /** Whether a locale is spoken through this conversion (Chinese). */
    static boolean isChinese(Locale locale) {
        return locale.getLanguage().equals("zh");
    }
}
