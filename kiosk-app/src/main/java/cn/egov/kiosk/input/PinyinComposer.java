package cn.egov.kiosk.input;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The pinyin being typed and what it may become: the citizen types letters, the candidate bar shows
 * a page of {@link PinyinDictionary#candidates(String) candidates}, choosing one gives its text to
 * commit and keeps the letters it did not stand for composing ({@code shenfenzheng}, 身份 chosen:
 * {@code zheng} goes on). Backspace takes back the last letter. Not thread-safe: the keyboard drives
 * it from the JavaFX thread. Without a dictionary (still loading) letters compose and nothing is
 * offered; {@link #useDictionary} brings the candidates.
 */
public final class PinyinComposer {
    /** More letters than any word needs; a stuck key stops here. */
    public static final int MAX_LETTERS = 40;

    /** How many of the candidates that follow fit on a page (at least one). */
    @FunctionalInterface
    public interface PageFit {
        int count(List<Candidate> following);
    }

    private PageFit fit;
    private PinyinDictionary dictionary;
    private String letters = "";
    private List<Candidate> all = List.of();
    /** Where the page shown starts in {@link #all}, and where the pages before it started. */
    private int offset;

    private final Deque<Integer> previous = new ArrayDeque<>();

    /**
     * @param dictionary the dictionary, or null while it loads
     * @param pageSize candidates on a page of the candidate bar
     */
    public PinyinComposer(PinyinDictionary dictionary, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        this.dictionary = dictionary;
        this.fit = following -> pageSize;
    }

    /**
     * Pages as many candidates as fit: the candidate bar measures them (words of four characters take
     * more room than single characters, and the elderly theme's type is larger). Back to the first page.
     */
    public void fitPages(PageFit pageFit) {
        this.fit = pageFit;
        offset = 0;
        previous.clear();
    }

    /** The dictionary has loaded: the letters composing so far get their candidates. */
    public void useDictionary(PinyinDictionary loaded) {
        this.dictionary = loaded;
        refresh();
    }

    public boolean hasDictionary() {
        return dictionary != null;
    }

    /**
     * A letter typed ({@code a} to {@code z}, either case; {@code ü} may be typed as {@code v}).
     *
     * @return false when it is not a letter or there are already {@link #MAX_LETTERS}
     */
    public boolean type(char c) {
        char lower = Character.toLowerCase(c);
        if (lower < 'a' || lower > 'z' || letters.length() >= MAX_LETTERS) {
            return false;
        }
        letters += lower;
        refresh();
        return true;
    }

    /** Takes back the last letter; false when nothing is composing (the field's own backspace then). */
    public boolean backspace() {
        if (letters.isEmpty()) {
            return false;
        }
        letters = letters.substring(0, letters.length() - 1);
        refresh();
        return true;
    }

    /**
     * Chooses a candidate of the current page.
     *
     * @return its text, to go into the field; the letters it did not stand for stay composing
     * @throws IndexOutOfBoundsException when the page has no such candidate
     */
    public String choose(int indexOnPage) {
        List<Candidate> shown = page();
        Candidate chosen = shown.get(indexOnPage);
        letters = letters.substring(chosen.consumed());
        refresh();
        return chosen.text();
    }

    /** Gives up composing: the typed letters as they are (Done, or Enter, keeps them as Latin text). */
    public String takeLetters() {
        String typed = letters;
        clear();
        return typed;
    }

    /** Forgets the letters and candidates. */
    public void clear() {
        letters = "";
        refresh();
    }

    public String letters() {
        return letters;
    }

    public boolean composing() {
        return !letters.isEmpty();
    }

    /** The candidates of the current page, best first. */
    public List<Candidate> page() {
        List<Candidate> following = all.subList(offset, all.size());
        if (following.isEmpty()) {
            return following;
        }
        int count = Math.max(1, Math.min(following.size(), fit.count(following)));
        return following.subList(0, count);
    }

    /** Every candidate for the letters, best first. */
    public List<Candidate> candidates() {
        return all;
    }

    /** The page shown: 0 for the first. */
    public int pageIndex() {
        return previous.size();
    }

    public boolean hasNextPage() {
        return offset + page().size() < all.size();
    }

    public boolean hasPreviousPage() {
        return !previous.isEmpty();
    }

    public void nextPage() {
        if (hasNextPage()) {
            int next = offset + page().size();
            previous.push(offset);
            offset = next;
        }
    }

    public void previousPage() {
        if (hasPreviousPage()) {
            offset = previous.pop();
        }
    }

    private void refresh() {
        offset = 0;
        previous.clear();
        all = dictionary == null || letters.isEmpty() ? List.of() : dictionary.candidates(letters);
    }

    @Override
    public String toString() {
        // the letters may spell a citizen's name: not for logs
        return String.format(Locale.ROOT, "PinyinComposer[%d letters, %d candidates]", letters.length(), all.size());
    }
}
