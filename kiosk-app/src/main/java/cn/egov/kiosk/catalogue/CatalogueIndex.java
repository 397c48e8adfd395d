package cn.egov.kiosk.catalogue;

import cn.egov.kiosk.platform.api.Catalogue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The catalogue searched as a finger types: by characters, by full pinyin ({@code yingyezhizhao})
 * and by pinyin initials ({@code yyzz}), in part, tolerant of one wrong letter or character, and
 * through a small list of synonyms kept as data ({@code synonyms.txt}: 医保 finds 医疗保险). Hits are
 * ranked: the name as typed, then its initials or pinyin, then the department and materials, then a
 * near miss; among equals the items doable at the kiosk first, then the shorter name. In memory,
 * built once from the local copy; immutable, so any thread may search it.
 */
public final class CatalogueIndex {
    private static final List<List<String>> SYNONYMS = loadSynonyms();

    /** One item found, with its score (higher is better) and why it was found. */
    public record Hit(Catalogue.Item item, int score, Why why) {}

    /** What matched. */
    public enum Why {
        NAME,
        NAME_PINYIN,
        SYNONYM,
        DETAILS,
        NEAR_MISS
    }

    private record Entry(
            Catalogue.Item item,
            String name,
            Pinyin.Spelling nameSpelling,
            String details,
            Pinyin.Spelling detailsSpelling) {}

    private final List<Entry> entries;

    private CatalogueIndex(List<Entry> entries) {
        this.entries = entries;
    }

    /** The index of {@code items}. */
    public static CatalogueIndex of(Collection<Catalogue.Item> items) {
        List<Entry> entries = new ArrayList<>(items.size());
        for (Catalogue.Item item : items) {
            String name = normal(item.name());
            StringBuilder details = new StringBuilder(normal(item.departmentName()));
            item.materials().forEach(m -> details.append('|').append(normal(m.name())));
            item.lifeEvents().forEach(e -> details.append('|').append(normal(e)));
            String d = details.toString();
            entries.add(new Entry(item, name, Pinyin.of(name), d, Pinyin.of(d)));
        }
        return new CatalogueIndex(List.copyOf(entries));
    }

    public int size() {
        return entries.size();
    }

    /** The best {@code limit} items for what was typed so far; none for an empty query. */
    public List<Hit> search(String typed, int limit) {
        String q = normal(typed);
        if (q.isEmpty()) {
            return List.of();
        }
        boolean latin = Pinyin.isLatin(q);
        List<String> alternatives = latin ? List.of() : synonymsOf(q);
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            Hit hit = latin ? byLetters(e, q) : byCharacters(e, q, alternatives);
            if (hit != null) {
                hits.add(hit);
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.score())
                .thenComparing(h -> !h.item().kioskCapable())
                .thenComparingInt(h -> h.item().name().length())
                .thenComparing(h -> h.item().name()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    private static Hit byCharacters(Entry e, String q, List<String> alternatives) {
        if (e.name().equals(q)) {
            return new Hit(e.item(), 100, Why.NAME);
        }
        if (e.name().startsWith(q)) {
            return new Hit(e.item(), 90, Why.NAME);
        }
        if (e.name().contains(q)) {
            return new Hit(e.item(), 80, Why.NAME);
        }
        for (String alternative : alternatives) {
            if (e.name().contains(alternative)) {
                return new Hit(e.item(), 70, Why.SYNONYM);
            }
        }
        if (e.details().contains(q) || alternatives.stream().anyMatch(e.details()::contains)) {
            return new Hit(e.item(), 50, Why.DETAILS);
        }
        if (q.length() >= 2 && NearMiss.within(e.name(), q)) {
            return new Hit(e.item(), 30, Why.NEAR_MISS);
        }
        return null;
    }

    private static Hit byLetters(Entry e, String q) {
        Pinyin.Spelling name = e.nameSpelling();
        if (name.initials().equals(q) || name.full().equals(q)) {
            return new Hit(e.item(), 95, Why.NAME_PINYIN);
        }
        if (name.initials().startsWith(q) || name.full().startsWith(q)) {
            return new Hit(e.item(), 85, Why.NAME_PINYIN);
        }
        if (name.initials().contains(q) || name.full().contains(q)) {
            return new Hit(e.item(), 75, Why.NAME_PINYIN);
        }
        Pinyin.Spelling details = e.detailsSpelling();
        if (details.initials().contains(q) || details.full().contains(q)) {
            return new Hit(e.item(), 45, Why.DETAILS);
        }
        if (q.length() >= 3 && (NearMiss.within(name.initials(), q) || NearMiss.within(name.full(), q))) {
            return new Hit(e.item(), 25, Why.NEAR_MISS);
        }
        return null;
    }

    /** The query with each synonym it contains replaced by the other words of its group. */
    private static List<String> synonymsOf(String q) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> group : SYNONYMS) {
            for (String word : group) {
                if (q.contains(word)) {
                    for (String other : group) {
                        if (!other.equals(word)) {
                            out.add(q.replace(word, other));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Lower case, without spaces and the marks people type between words. */
    private static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s'·・,，。、]+", "");
    }

    private static List<List<String>> loadSynonyms() {
        List<List<String>> groups = new ArrayList<>();
        try (InputStream in = CatalogueIndex.class.getResourceAsStream("synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("synonyms.txt is missing from the kiosk's jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    groups.add(Arrays.stream(t.split(","))
                            .map(CatalogueIndex::normal)
                            .filter(w -> !w.isEmpty())
                            .toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(groups);
    }
}
