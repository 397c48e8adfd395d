package cn.egov.kiosk.appointment;

import cn.egov.kiosk.catalogue.Guide;
import cn.egov.kiosk.platform.api.Catalogue;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What can be booked, from the local copy of the catalogue: the items this kiosk's citizens use
 * most that can be booked, and every bookable item by its department (name and how many).
 *
 * @param mostUsed at most {@code limit} bookable items, the most used here first; empty before any use
 * @param departments the departments that have bookable items, by name
 */
public record BookableItems(List<Catalogue.Item> mostUsed, List<Department> departments) {

    /** A department and its bookable items, in the guide's order. */
    public record Department(String id, String name, List<Catalogue.Item> items) {}

    public static BookableItems of(Guide guide, int limit) {
        List<Catalogue.Item> most = guide.mostUsed().stream()
                .filter(Catalogue.Item::appointable)
                .limit(limit)
                .toList();
        Map<String, List<Catalogue.Item>> byDepartment = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Catalogue.Item i : guide.appointable()) {
            byDepartment
                    .computeIfAbsent(i.departmentId(), k -> new ArrayList<>())
                    .add(i);
            names.putIfAbsent(i.departmentId(), i.departmentName());
        }
        Collator collator = Collator.getInstance(Locale.CHINA);
        List<Department> departments = new ArrayList<>();
        byDepartment.forEach((id, items) -> departments.add(new Department(id, names.get(id), List.copyOf(items))));
        departments.sort(Comparator.comparing(Department::name, collator));
        return new BookableItems(most, List.copyOf(departments));
    }

    /** Nothing can be booked: the catalogue never reached this kiosk, or names no bookable item. */
    public boolean none() {
        return departments.isEmpty();
    }
}
