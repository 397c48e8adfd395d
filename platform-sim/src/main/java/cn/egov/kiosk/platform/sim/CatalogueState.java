package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Catalogue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue as it changes: every item with the version it last changed in, and the ids
 * deleted with theirs. Pages of a sync are cut from one version (kept in the cursor with the last
 * id given), so that an item changed during a sync comes in the next one rather than being half
 * seen, and no other item is skipped.
 */
final class CatalogueState {
    private static final String[] STREETS = {
        "东华门街道", "景山街道", "交道口街道", "安定门街道", "北新桥街道", "东四街道", "朝阳门街道", "建国门街道", "东直门街道", "和平里街道"
    };

    private final TreeMap<String, Catalogue.Item> items = new TreeMap<>();
    private final TreeMap<String, Long> deleted = new TreeMap<>();
    private long version = 1;

    CatalogueState(List<Catalogue.Item> initial) {
        for (Catalogue.Item i : initial) {
            items.put(i.id(), i);
            version = Math.max(version, i.version());
        }
    }

    synchronized long version() {
        return version;
    }

    synchronized int size() {
        return items.size();
    }

    /** The items that can be booked, in id order. */
    synchronized List<Catalogue.Item> appointable() {
        return items.values().stream().filter(Catalogue.Item::appointable).toList();
    }

    synchronized Catalogue.Item get(String id) {
        return items.get(id);
    }

    /**
     * Grows the catalogue to {@code target} items with the street offices' copies of the district's
     * items (街道便民服务中心 handle many of the same matters), for load tests. One new version.
     */
    synchronized void grow(int target) {
        if (items.size() >= target) {
            return;
        }
        version++;
        List<Catalogue.Item> base = new ArrayList<>(items.values());
        int street = 0;
        while (items.size() < target) {
            for (Catalogue.Item i : base) {
                if (items.size() >= target) {
                    break;
                }
                String id = i.id() + "-J" + String.format("%02d", street + 1);
                String name = i.name() + "（" + STREETS[street % STREETS.length] + "）";
                items.put(
                        id,
                        new Catalogue.Item(
                                id,
                                version,
                                i.departmentId(),
                                i.departmentName(),
                                name,
                                i.category(),
                                i.audience(),
                                i.lifeEvents(),
                                i.trips(),
                                i.materials(),
                                i.feeFen(),
                                i.feeNote(),
                                i.legalLimitDays(),
                                i.promisedLimitDays(),
                                i.kioskCapable(),
                                i.appointable(),
                                i.businessType(),
                                i.form(),
                                i.portalUrl()));
            }
            street++;
        }
    }

    /** Changes {@code n} items (their promised time limit shortens a day, as reforms do): one new version. */
    synchronized List<String> touch(int n) {
        version++;
        List<Catalogue.Item> first = items.values().stream().limit(n).toList();
        List<String> changed = new ArrayList<>();
        for (Catalogue.Item i : first) {
            int promised = Math.max(1, i.promisedLimitDays() - 1);
            items.put(
                    i.id(),
                    new Catalogue.Item(
                            i.id(),
                            version,
                            i.departmentId(),
                            i.departmentName(),
                            i.name(),
                            i.category(),
                            i.audience(),
                            i.lifeEvents(),
                            i.trips(),
                            i.materials(),
                            i.feeFen(),
                            i.feeNote(),
                            i.legalLimitDays(),
                            promised,
                            i.kioskCapable(),
                            i.appointable(),
                            i.businessType(),
                            i.form(),
                            i.portalUrl()));
            changed.add(i.id());
        }
        return changed;
    }

    synchronized boolean delete(String id) {
        if (items.remove(id) == null) {
            return false;
        }
        version++;
        deleted.put(id, version);
        return true;
    }

    /**
     * One page of what changed after {@code since}. The cursor holds the version the sync is cut
     * from and the last id given (not an offset: an item changed or deleted during the sync must
     * not shift the items after it out of the sync).
     */
    synchronized Catalogue.Page page(long since, String cursor, int limit) {
        long upTo = version;
        String after = null;
        if (cursor != null) {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            upTo = Long.parseLong(parts[0]);
            after = parts[1];
        }
        List<Catalogue.Item> page = new ArrayList<>();
        boolean more = false;
        for (Catalogue.Item i : (after == null ? items : items.tailMap(after, false)).values()) {
            if (i.version() > since && i.version() <= upTo) {
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(i);
            }
        }
        List<String> gone = new ArrayList<>();
        if (!more && since > 0) {
            for (Map.Entry<String, Long> d : deleted.entrySet()) {
                if (d.getValue() > since && d.getValue() <= upTo) {
                    gone.add(d.getKey());
                }
            }
        }
        String next = more
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((upTo + ":" + page.get(page.size() - 1).id()).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Catalogue.Page(upTo, List.copyOf(page), gone, next);
    }

    static boolean validCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            return parts.length == 2 && Long.parseLong(parts[0]) >= 0 && !parts[1].isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
