package cn.egov.kiosk.catalogue;

import cn.egov.kiosk.platform.api.Catalogue;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The service guide (办事指南) over one version of the local copy: the ways a citizen browses it (by
 * department, by theme, by life event; personal or business), the 零跑腿 and 只跑一次 lists, the
 * items most used at this kiosk, and the search. Immutable, so any thread may read it; made off the
 * JavaFX thread by {@link ServiceGuide}.
 */
public final class Guide {
    /** How the catalogue is browsed. */
    public enum Facet {
        DEPARTMENT,
        THEME,
        LIFE_EVENT
    }

    /** Who the citizen applies as: in person (个人办事) or for a business (法人办事). */
    public enum Audience {
        PERSONAL,
        BUSINESS;

        boolean serves(Catalogue.Item item) {
            return item.audience() == Catalogue.Audience.BOTH
                    || (this == PERSONAL
                            ? item.audience() == Catalogue.Audience.PERSONAL
                            : item.audience() == Catalogue.Audience.ENTERPRISE);
        }
    }

    /** One way in: a department, a theme or a life event, with how many items it holds. */
    public record Group(Facet facet, String key, String name, int count) {}

    private static final Comparator<Catalogue.Item> ORDER = itemOrder();

    private final List<Catalogue.Item> items;
    private final Map<String, Catalogue.Item> byId = new LinkedHashMap<>();
    private final CatalogueIndex index;
    private final List<Catalogue.Item> mostUsed;
    private final long version;
    private final Optional<Instant> syncedAt;

    /**
     * @param mostUsed the ids of the items most used at this kiosk, the most used first (ids no longer
     *     in the catalogue are left out)
     */
    public Guide(List<Catalogue.Item> items, List<String> mostUsed, long version, Optional<Instant> syncedAt) {
        this.items = items.stream().sorted(ORDER).toList();
        this.items.forEach(i -> byId.put(i.id(), i));
        this.index = CatalogueIndex.of(this.items);
        this.mostUsed = resolve(mostUsed);
        this.version = version;
        this.syncedAt = syncedAt;
    }

    private Guide(Guide same, List<String> mostUsed) {
        this.items = same.items;
        this.byId.putAll(same.byId);
        this.index = same.index;
        this.mostUsed = resolve(mostUsed);
        this.version = same.version;
        this.syncedAt = same.syncedAt;
    }

    /** The same catalogue with the kiosk's latest use counts (the index is not built again). */
    public Guide withMostUsed(List<String> ids) {
        return new Guide(this, ids);
    }

    private List<Catalogue.Item> resolve(List<String> ids) {
        return ids.stream().map(byId::get).filter(i -> i != null).toList();
    }

    /** A guide with no catalogue yet (never synced). */
    public static Guide empty() {
        return new Guide(List.of(), List.of(), 0, Optional.empty());
    }

    public int size() {
        return items.size();
    }

    public long version() {
        return version;
    }

    /** When the local copy was last brought up to date; empty when never. */
    public Optional<Instant> syncedAt() {
        return syncedAt;
    }

    public Optional<Catalogue.Item> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The groups of a facet for an audience (departments serve both), by name, empty groups left out. */
    public List<Group> groups(Facet facet, Audience audience) {
        Predicate<Catalogue.Item> who = facet == Facet.DEPARTMENT ? i -> true : audience::serves;
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Catalogue.Item item : items) {
            if (!who.test(item)) {
                continue;
            }
            for (String[] keyAndName : keysOf(facet, item)) {
                groups.merge(
                        keyAndName[0],
                        new Group(facet, keyAndName[0], keyAndName[1], 1),
                        (a, b) -> new Group(facet, a.key(), a.name(), a.count() + 1));
            }
        }
        Collator collator = Collator.getInstance(Locale.CHINA);
        List<Group> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparing(Group::name, collator));
        return List.copyOf(out);
    }

    /** The items of a group, those doable here first, then by name. */
    public List<Catalogue.Item> itemsOf(Group group, Audience audience) {
        Predicate<Catalogue.Item> who = group.facet() == Facet.DEPARTMENT ? i -> true : audience::serves;
        return items.stream()
                .filter(who)
                .filter(i -> keysOf(group.facet(), i).stream().anyMatch(k -> k[0].equals(group.key())))
                .toList();
    }

    /** 零跑腿 ({@code ZERO}) or 只跑一次 ({@code ONCE}) items. */
    public List<Catalogue.Item> byTrips(Catalogue.Trips trips) {
        return filter(i -> i.trips() == trips);
    }

    /** The items the citizen can apply for here, at the kiosk: doable at a kiosk, with the form to fill in. */
    public List<Catalogue.Item> doableHere() {
        return filter(Guide::applicableHere);
    }

    /** Whether a kiosk can take the application: the catalogue says so and gives the form. */
    public static boolean applicableHere(Catalogue.Item item) {
        return item.kioskCapable()
                && item.form() != null
                && !item.form().fields().isEmpty();
    }

    /** The items that can be booked (预约), in the guide's order. */
    public List<Catalogue.Item> appointable() {
        return filter(Catalogue.Item::appointable);
    }

    /** The items most used at this kiosk lately, the most used first; empty before any use. */
    public List<Catalogue.Item> mostUsed() {
        return mostUsed;
    }

    /** The best {@code limit} items for what was typed so far. */
    public List<CatalogueIndex.Hit> search(String typed, int limit) {
        return index.search(typed, limit);
    }

    private List<Catalogue.Item> filter(Predicate<Catalogue.Item> p) {
        return items.stream().filter(p).toList();
    }

    private static List<String[]> keysOf(Facet facet, Catalogue.Item item) {
        return switch (facet) {
            case DEPARTMENT -> List.<String[]>of(new String[] {item.departmentId(), item.departmentName()});
            case THEME ->
                blank(item.category())
                        ? List.<String[]>of()
                        : List.<String[]>of(new String[] {item.category(), item.category()});
            case LIFE_EVENT ->
                item.lifeEvents().stream()
                        .filter(e -> !blank(e))
                        .map(e -> new String[] {e, e})
                        .toList();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Those that can be applied for here first, then fewer trips, then by the name's pinyin. */
    private static Comparator<Catalogue.Item> itemOrder() {
        Collator collator = Collator.getInstance(Locale.CHINA);
        Function<Catalogue.Item, String> name = Catalogue.Item::name;
        return Comparator.comparing((Catalogue.Item i) -> !applicableHere(i))
                .thenComparing(Catalogue.Item::trips)
                .thenComparing(name, collator);
    }
}
