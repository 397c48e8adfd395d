package cn.egov.kiosk.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Pinyin to words and characters, with their frequencies: the bundled dictionary ({@code
 * pinyin.tsv.gz} beside this class, made by {@code scripts/import-pinyin-dictionary} from Debian's
 * {@code rime-data-pinyin-simp}, Apache-2.0: {@code pinyin.NOTICE.txt}), 65,123 entries, or any
 * reader of the same lines ({@code syllables<TAB>word<TAB>weight}, syllables separated by spaces, ü
 * written {@code v}). Loading reads and indexes the whole file: do it off the JavaFX thread ({@link
 * #bundled()} loads once per JVM). A loaded dictionary is immutable and safe to share.
 *
 * <p>{@link #candidates(String)} reads typed letters the way a citizen types them: in full pinyin
 * ({@code shenfenzheng}), with the last syllable unfinished ({@code shenfenzh}), or by initials
 * ({@code sfz}, {@code zhsh}), and offers the words that stand for all of the letters first, then
 * those that stand for a beginning of them, longest first; within each, words typed in full before
 * abbreviated ones, then by frequency.
 */
public final class PinyinDictionary {
    /** The bundled dictionary's resource, beside this class. */
    public static final String RESOURCE = "pinyin.tsv.gz";

    /** The longest syllable ({@code zhuang}). */
    private static final int MAX_SYLLABLE = 6;

    /**
     * Readings of interjections (嗯 n, ng; 呣 m; 噷 hm): typed alone they find their characters, but
     * inside longer input they are not taken as syllables, or every {@code n} would split a word.
     */
    private static final Set<String> NOT_SPLIT = Set.of("m", "n", "ng", "hm");

    private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::consumed)
            .reversed()
            .thenComparingInt(Candidate::abbreviated)
            .thenComparing(Comparator.comparingInt(Candidate::weight).reversed())
            .thenComparing(Candidate::text);

    private final String[] syllables;
    private final Map<String, Short> ids;
    /** Every beginning of a syllable (up to the whole), to the syllables it begins. */
    private final Map<String, short[]> byPrefix;

    private final Node root;
    private final int entries;

    private PinyinDictionary(String[] syllables, Map<String, Short> ids, Node root, int entries) {
        this.syllables = syllables;
        this.ids = ids;
        this.root = root;
        this.entries = entries;
        Map<String, List<Short>> prefixes = new HashMap<>();
        for (short id = 0; id < syllables.length; id++) {
            String s = syllables[id];
            for (int len = 1; len <= s.length(); len++) {
                prefixes.computeIfAbsent(s.substring(0, len), k -> new ArrayList<>())
                        .add(id);
            }
        }
        Map<String, short[]> index = new HashMap<>();
        prefixes.forEach((prefix, list) -> {
            short[] a = new short[list.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = list.get(i);
            }
            index.put(prefix, a);
        });
        this.byPrefix = index;
    }

    /** The bundled dictionary, loaded on the first call (blocking: never on the JavaFX thread). */
    public static PinyinDictionary bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final PinyinDictionary INSTANCE = loadBundled();

        private Bundled() {}
    }

    /** Reads the bundled dictionary anew (for the benchmark; the kiosk uses {@link #bundled()}). */
    public static PinyinDictionary loadBundled() {
        try (InputStream in = PinyinDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return read(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pinyin dictionary", e);
        }
    }

    /**
     * Reads lines {@code syllables<TAB>word<TAB>weight}. Lines of the same syllables may come in any
     * order; each node's words are kept by weight, highest first.
     *
     * @throws IllegalArgumentException naming the line that is not such a line
     */
    public static PinyinDictionary read(Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        Builder builder = new Builder();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            int tab1 = line.indexOf('\t');
            int tab2 = tab1 < 0 ? -1 : line.indexOf('\t', tab1 + 1);
            if (tab1 <= 0 || tab2 <= tab1 + 1 || tab2 == line.length() - 1) {
                throw new IllegalArgumentException(
                        "pinyin dictionary line " + number + ": not syllables, word, weight");
            }
            int weight;
            try {
                weight = Integer.parseInt(line, tab2 + 1, line.length(), 10);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "pinyin dictionary line " + number + ": the weight is not a number", e);
            }
            builder.add(line.substring(0, tab1), line.substring(tab1 + 1, tab2), weight, number);
        }
        return builder.build();
    }

    /** How many entries (word and reading) it holds. */
    public int size() {
        return entries;
    }

    /** Whether {@code s} is a syllable of the dictionary ({@code zhang}, {@code lv}). */
    public boolean isSyllable(String s) {
        return ids.containsKey(s);
    }

    /**
     * The words and characters that typed letters stand for, best first (see the class comment).
     * Every text appears once, where it ranks best.
     *
     * @param letters lower-case a to z; anything else finds nothing
     */
    public List<Candidate> candidates(String letters) {
        if (letters.isEmpty() || !letters.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return List.of();
        }
        Token[][] lattice = lattice(letters);
        Map<String, Candidate> best = new HashMap<>();
        walk(root, 0, 0, lattice, best);
        List<Candidate> out = new ArrayList<>(best.values());
        out.sort(ORDER);
        return out;
    }

    private void walk(Node node, int pos, int abbreviated, Token[][] lattice, Map<String, Candidate> best) {
        if (pos >= lattice.length) {
            return;
        }
        for (Token token : lattice[pos]) {
            for (short id : token.syllables) {
                Node child = node.child(id);
                if (child == null) {
                    continue;
                }
                int cost = abbreviated + (syllables[id].length() == token.length ? 0 : 1);
                for (int i = 0; i < child.words.length; i++) {
                    Candidate c = new Candidate(child.words[i], token.end, cost, child.weights[i]);
                    best.merge(c.text(), c, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
                }
                walk(child, token.end, cost, lattice, best);
            }
        }
    }

    /** A stretch of the typed letters and the syllables it may stand for. */
    private record Token(int end, int length, short[] syllables) {}

    /** For each position, the stretches that may start there. */
    private Token[][] lattice(String letters) {
        int n = letters.length();
        Token[][] lattice = new Token[n][];
        for (int pos = 0; pos < n; pos++) {
            List<Token> tokens = new ArrayList<>();
            int longestFull = 0;
            // whole syllables
            for (int len = 1; len <= MAX_SYLLABLE && pos + len <= n; len++) {
                String s = letters.substring(pos, pos + len);
                Short id = ids.get(s);
                if (id != null && !NOT_SPLIT.contains(s)) {
                    tokens.add(new Token(pos + len, len, new short[] {id}));
                    longestFull = len;
                }
            }
            // the last syllable, unfinished (or an interjection typed alone)
            String rest = letters.substring(pos);
            short[] finishing = rest.length() <= MAX_SYLLABLE ? byPrefix.get(rest) : null;
            if (finishing != null) {
                tokens.add(new Token(n, rest.length(), finishing));
            }
            // an initial standing for a syllable, where no syllable of two letters or more starts
            if (pos + 1 < n) {
                String two = letters.substring(pos, pos + 2);
                boolean retroflex = two.equals("zh") || two.equals("ch") || two.equals("sh");
                if (retroflex && longestFull < 3 && pos + 2 < n) {
                    tokens.add(new Token(pos + 2, 2, byPrefix.get(two)));
                } else if (!retroflex && longestFull < 2) {
                    short[] initial = byPrefix.get(letters.substring(pos, pos + 1));
                    if (initial != null) {
                        tokens.add(new Token(pos + 1, 1, initial));
                    }
                }
            }
            lattice[pos] = tokens.toArray(Token[]::new);
        }
        return lattice;
    }

    /** A sequence of syllables: the words read so, and the longer sequences. */
    private static final class Node {
        private static final short[] NO_KEYS = {};
        private static final Node[] NO_CHILDREN = {};
        private static final String[] NO_WORDS = {};
        private static final int[] NO_WEIGHTS = {};

        short[] keys = NO_KEYS;
        Node[] children = NO_CHILDREN;
        int size;
        String[] words = NO_WORDS;
        int[] weights = NO_WEIGHTS;

        Node child(short id) {
            int i = Arrays.binarySearch(keys, 0, size, id);
            return i >= 0 ? children[i] : null;
        }

        Node childOrNew(short id) {
            int i = Arrays.binarySearch(keys, 0, size, id);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            if (size == keys.length) {
                int capacity = Math.max(2, size * 2);
                keys = Arrays.copyOf(keys, capacity);
                children = Arrays.copyOf(children, capacity);
            }
            System.arraycopy(keys, at, keys, at + 1, size - at);
            System.arraycopy(children, at, children, at + 1, size - at);
            Node child = new Node();
            keys[at] = id;
            children[at] = child;
            size++;
            return child;
        }

        void addWord(String word, int weight) {
            int n = words.length;
            words = Arrays.copyOf(words, n + 1);
            weights = Arrays.copyOf(weights, n + 1);
            int at = n;
            while (at > 0 && weights[at - 1] < weight) {
                words[at] = words[at - 1];
                weights[at] = weights[at - 1];
                at--;
            }
            words[at] = word;
            weights[at] = weight;
        }

        void trim() {
            if (size < keys.length) {
                keys = Arrays.copyOf(keys, size);
                children = Arrays.copyOf(children, size);
            }
            for (int i = 0; i < size; i++) {
                children[i].trim();
            }
        }
    }

    /** Collects the lines: syllables get ids in order of first sight, renumbered in order at the end. */
    private static final class Builder {
        private final List<String[]> readings = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private final Set<String> syllables = new TreeSet<>();
        private final Map<String, String> interned = new HashMap<>();

        void add(String pinyin, String word, int weight, int line) {
            String[] parts = pinyin.split(" ", -1);
            for (int i = 0; i < parts.length; i++) {
                String s = parts[i];
                if (s.isEmpty() || s.length() > MAX_SYLLABLE || !s.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    throw new IllegalArgumentException("pinyin dictionary line " + line + ": not a syllable");
                }
                parts[i] = interned.computeIfAbsent(s, k -> k);
                syllables.add(parts[i]);
            }
            readings.add(parts);
            words.add(word);
            weights.add(weight);
        }

        PinyinDictionary build() {
            String[] names = syllables.toArray(String[]::new);
            Map<String, Short> ids = new HashMap<>();
            for (short i = 0; i < names.length; i++) {
                ids.put(names[i], i);
            }
            Node root = new Node();
            for (int e = 0; e < readings.size(); e++) {
                Node node = root;
                for (String s : readings.get(e)) {
                    node = node.childOrNew(ids.get(s));
                }
                node.addWord(words.get(e), weights.get(e));
            }
            root.trim();
            return new PinyinDictionary(names, Map.copyOf(ids), root, readings.size());
        }
    }
}
