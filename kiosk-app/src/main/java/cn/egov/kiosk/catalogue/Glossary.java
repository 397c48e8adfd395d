package cn.egov.kiosk.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 办事用语的大白话: the official words of the catalogue and the screens (承诺时限, 受理, 零跑腿...) and
 * the everyday words an older citizen knows (最多要等多久, 收下您的申请, 不用来大厅), in Chinese and
 * English, kept as data ({@code glossary.tsv}). {@link #explain} cuts a text into segments, each term
 * with its plain words, so that a screen shows the term as it is and the plain words right after it.
 * The longest term found at a place wins (不予受理, not 受理 inside it); a line whose plain words are
 * {@code -} is a longer word that is not the term ({@code 变更事项} is "what changes", not a 事项).
 * Chinese terms are found in any text (the catalogue's texts stay Chinese on the English screen);
 * a term's English wording, where it has one, only as a whole word in English text. Immutable.
 */
public final class Glossary {
    private static final Logger log = LoggerFactory.getLogger(Glossary.class);
    /** What the file says of a longer word that is not a term. */
    static final String NOT_A_TERM = "-";

    private static final String RESOURCE = "glossary.tsv";

    /**
     * One line of the glossary.
     *
     * @param termEn how the English screens word the term, or "" (then it is found in Chinese text only)
     */
    public record Entry(String term, String plainZh, String plainEn, String termEn) {
        /** Whether this line explains its term (else it only keeps a shorter term from matching inside it). */
        public boolean explains() {
            return !NOT_A_TERM.equals(plainZh);
        }

        /** The plain words in the language of the screen: Chinese for Chinese, English otherwise. */
        public String plain(Locale locale) {
            return chinese(locale) ? plainZh : plainEn;
        }
    }

    /**
     * A piece of a text: plain text, or a term with the plain words that follow it.
     *
     * @param plain the plain words to show after {@code text}; empty for text that is no term, for a
     *     word that is not meant as the term, and for a term already explained above on the page
     */
    public record Segment(String text, Optional<String> plain) {}

    private static final Glossary EMPTY = new Glossary(List.of());

    private final List<Entry> entries;
    /** The Chinese terms, the longest first. */
    private final List<Entry> byLength;
    /** The English wordings, the longest first. */
    private final List<Entry> byLengthEn;

    private Glossary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.byLength = entries.stream()
                .sorted(Comparator.comparingInt((Entry e) -> e.term().length()).reversed())
                .toList();
        this.byLengthEn = entries.stream()
                .filter(e -> !e.termEn().isEmpty())
                .sorted(Comparator.comparingInt((Entry e) -> e.termEn().length())
                        .reversed())
                .toList();
    }

    /** A glossary without entries: every text is one segment without plain words. */
    public static Glossary empty() {
        return EMPTY;
    }

    /**
     * The kiosk's own glossary, read once per JVM; empty (the screens show the official words alone)
     * when its file cannot be read, which is logged. Reads the jar on first use: call it off the
     * JavaFX thread.
     */
    public static Glossary bundled() {
        return Bundled.GLOSSARY;
    }

    private static final class Bundled {
        static final Glossary GLOSSARY = read();

        private static Glossary read() {
            try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the kiosk's jar");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .lines()
                        .toList());
            } catch (IOException | RuntimeException e) {
                log.error("The glossary could not be read; the screens show no plain words: {}", e.toString());
                return EMPTY;
            }
        }
    }

    /**
     * A glossary from the lines of its file: comments ({@code #}) and blank lines skipped, columns
     * separated by a tab. A line without its three columns, or a term given twice, is refused with its
     * line number.
     */
    public static Glossary parse(List<String> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 3 || cols.length > 4) {
                throw new IllegalArgumentException(
                        "glossary line " + (i + 1) + ": expected term, plain Chinese, plain English"
                                + " [, English term] separated by tabs, found " + cols.length + " columns");
            }
            String term = cols[0].strip();
            String zh = cols[1].strip();
            String en = cols[2].strip();
            String termEn = cols.length == 4 ? cols[3].strip() : "";
            if (term.isEmpty() || zh.isEmpty() || en.isEmpty()) {
                throw new IllegalArgumentException("glossary line " + (i + 1) + ": an empty column");
            }
            if (entries.put(term, new Entry(term, zh, en, termEn)) != null) {
                throw new IllegalArgumentException("glossary line " + (i + 1) + ": " + term + " is given twice");
            }
        }
        return new Glossary(new ArrayList<>(entries.values()));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The plain words for a term exactly as the glossary has it (Chinese or English wording). */
    public Optional<String> plain(String term, Locale locale) {
        return entries.stream()
                .filter(Entry::explains)
                .filter(e -> e.term().equals(term) || e.termEn().equalsIgnoreCase(term))
                .map(e -> e.plain(locale))
                .findFirst();
    }

    /** A text cut into segments, every term in it with its plain words in the screen's language. */
    public List<Segment> explain(String text, Locale locale) {
        return explain(text, locale, new HashSet<>());
    }

    /**
     * A text cut into segments, each term with its plain words unless {@code explained} holds it
     * already: a page passes the same set for each of its texts, so that a term is explained once,
     * where it first appears. The terms explained here are added to the set.
     */
    public List<Segment> explain(String text, Locale locale, Set<String> explained) {
        List<Segment> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            Optional<Entry> found = at(text, i, locale);
            if (found.isEmpty()) {
                run.append(text.charAt(i));
                i++;
                continue;
            }
            Entry e = found.get();
            int length = text.regionMatches(i, e.term(), 0, e.term().length())
                    ? e.term().length()
                    : e.termEn().length();
            if (run.length() > 0) {
                out.add(new Segment(run.toString(), Optional.empty()));
                run.setLength(0);
            }
            String word = text.substring(i, i + length);
            boolean first = e.explains() && explained.add(e.term());
            out.add(new Segment(word, first ? Optional.of(e.plain(locale)) : Optional.empty()));
            i += length;
        }
        if (run.length() > 0) {
            out.add(new Segment(run.toString(), Optional.empty()));
        }
        return out;
    }

    /** Whether any segment of the text has plain words. */
    public static boolean explainsAny(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.plain().isPresent());
    }

    /** The longest term that starts at {@code i}: a Chinese one, or in English text an English wording as a whole word. */
    private Optional<Entry> at(String text, int i, Locale locale) {
        for (Entry e : byLength) {
            if (text.startsWith(e.term(), i)) {
                return Optional.of(e);
            }
        }
        if (!chinese(locale) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
            for (Entry e : byLengthEn) {
                int end = i + e.termEn().length();
                if (text.regionMatches(true, i, e.termEn(), 0, e.termEn().length())
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
